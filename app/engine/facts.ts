import type { Answers } from './answers.ts'

/**
 * Facts several rule modules read. Each is a plain predicate over the answers
 * so a rule's `inputs` can name exactly what it looked at.
 */

export const sellsToOrganizations = (a: Answers) => a.product.sellsTo !== 'individuals'

export const hasPayments = (a: Answers) => a.compliance.payments !== 'none'

export const hasKind = (a: Answers, kind: Answers['data']['kinds'][number]) => a.data.kinds.includes(kind)

export const hasRegime = (a: Answers, regime: Answers['compliance']['regimes'][number]) =>
  a.compliance.regimes.includes(regime)

export const speaks = (a: Answers, language: Answers['team']['languages'][number]) =>
  a.team.languages.includes(language)

/** The team's primary language: the first it lists. */
export const primaryLanguage = (a: Answers) => a.team.languages[0]

/** The team's primary language is TypeScript or JavaScript; a second language does not make a Go or Python team a JavaScript one. */
export const writesJsFirst = (a: Answers) => {
  const first = primaryLanguage(a)
  return first === 'typescript' || first === 'javascript'
}

export const selfHosted = (a: Answers) => a.budget.hosting === 'self_hosted'

/** Clients outside our own web front end depend on the API staying stable. */
export const hasExternalClients = (a: Answers) =>
  a.product.clients.some((c) => c === 'mobile' || c === 'public_api' || c === 'partner_integrations')

/** Paying users in India, paying in rupees, are best served by a domestic processor. */
export const paysMostlyInIndia = (a: Answers) =>
  a.compliance.markets.includes('india') && a.compliance.markets.every((m) => m === 'india')

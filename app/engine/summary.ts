import type { Answers } from './answers.ts'
import type { Area, Costs, Decision, Risk, Trigger } from './brief.ts'
import { SHAPE_LABELS } from './day-one.ts'
import { formatUsd, joinWords, plural } from './prose.ts'

/**
 * One paragraph for someone who never saw the answers: what is being built,
 * the stack in one line, the cost range at month 12, and what needs watching.
 */

const AUDIENCE: Record<Answers['product']['sellsTo'], string> = {
  individuals: 'individuals',
  organizations: 'organizations',
  both: 'individuals and organizations',
}

const CLIENTS: Record<Answers['product']['clients'][number], string> = {
  web: 'the web',
  mobile: 'mobile apps',
  public_api: 'a public API',
  partner_integrations: 'partner integrations',
}

/** The areas that make up "the stack" in one line, in brief order; deferred and unused areas are left out. */
export const STACK_AREAS: readonly Area[] = [
  'architecture_style',
  'framework',
  'hosting',
  'deploy_regions',
  'database',
  'timeseries_store',
  'vector_store',
  'document_store',
  'search',
  'file_storage',
  'jobs',
  'auth',
  'payments',
  'email',
  'observability',
]

export function stackLine(decisions: readonly Decision[]): string[] {
  return STACK_AREAS.flatMap((area) => {
    const d = decisions.find((x) => x.area === area)
    return d && d.status === 'adopt' && d.choice.id !== 'none' ? [d.choice.name] : []
  })
}

function wholeDollars(cents: number): number {
  return Math.round(cents / 100) * 100
}

function article(word: string): string {
  return /^[aeiou]/i.test(word) ? 'an' : 'a'
}

/** The product in one sentence: what it is, for whom, through what. */
export function describeProduct(a: Answers): string {
  const shape = SHAPE_LABELS[a.product.shape]
  return `${a.product.name.replace(/\s+/g, ' ')} is ${article(shape)} ${shape} for ${AUDIENCE[a.product.sellsTo]}, used through ${joinWords(
    a.product.clients.map((c) => CLIENTS[c]),
  )}.`
}

export function summarize(
  a: Answers,
  decisions: readonly Decision[],
  costs: Costs,
  risks: readonly Risk[],
  triggers: readonly Trigger[],
): string {
  const what = describeProduct(a)

  const names = stackLine(decisions)
  const stack =
    names.length > 0 ? `The stack: ${names.join('; ')}.` : 'The stack is set out decision by decision below.'

  const lean = formatUsd(wholeDollars(costs.bands.lean.monthly[11]))
  const scaled = formatUsd(wholeDollars(costs.bands.scaled.monthly[11]))
  // Only a product that takes payments has processing fees to set aside.
  const fees = costs.transactionFees.length > 0 ? ', payment fees aside' : ''
  const cost =
    lean === scaled
      ? `By month 12 infrastructure costs about ${lean} a month in every band${fees}.`
      : `By month 12 infrastructure costs between ${lean} a month (lean) and ${scaled} (scaled)${fees}.`

  const high = risks.filter((r) => r.severity === 'high').length
  const approaching = triggers.filter((t) => t.status === 'approaching').length
  const fired = triggers.filter((t) => t.status === 'fired').length
  const riskPart =
    high === 0 ? 'No risk is rated high' : `${plural(high, 'risk')} ${high === 1 ? 'is' : 'are'} rated high`
  const triggerPart =
    triggers.length === 0
      ? 'no migration trigger applies yet'
      : `at the 12-month figures ${approaching} of ${plural(triggers.length, 'migration trigger')} ${approaching === 1 ? 'is' : 'are'} approaching and ${fired} ${fired === 1 ? 'has' : 'have'} fired`
  const watch = `${riskPart}; ${triggerPart}.`

  return [what, stack, cost, watch].join(' ')
}

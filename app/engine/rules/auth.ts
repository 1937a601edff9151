import type { Answers } from '../answers'
import type { Alternative, Because } from '../brief'
import { hasRegime, selfHosted, speaks } from '../facts'
import { LANGUAGE_NAMES, listPhrase, REGION_NAMES } from './_shared-stack'
import { type AreaRules, because } from './types'

type Vendor = 'clerk' | 'better_auth' | 'stytch' | 'auth0'
type Region = Answers['compliance']['dataResidency'][number]

const VENDOR_NAMES: Record<Vendor, string> = {
  clerk: 'Clerk',
  better_auth: 'Better-Auth (open source, on your own infrastructure)',
  stytch: 'Stytch',
  auth0: 'Auth0',
}
const SHORT_NAMES: Record<Vendor, string> = {
  clerk: 'Clerk',
  better_auth: 'Better-Auth',
  stytch: 'Stytch',
  auth0: 'Auth0',
}
/** Listed in this order as alternatives, whichever is chosen. */
const VENDORS: readonly Vendor[] = ['clerk', 'better_auth', 'stytch', 'auth0']

/** The regions the hosted vendors' standard plans keep data in. */
const HOSTED_REGIONS: readonly Region[] = ['us', 'eu']

const SHAPE_NAMES: Record<Answers['product']['shape'], string> = {
  b2b_saas: 'a B2B SaaS product',
  consumer: 'a consumer app',
  marketplace: 'a marketplace',
  internal_tool: 'an internal tool',
  api_platform: 'an API platform',
  ecommerce: 'an online store',
  content_media: 'a content or media product',
  data_product: 'a data product',
  ai_product: 'an AI product',
  iot: 'an IoT product',
}
const SELLS_TO_NAMES: Record<Answers['product']['sellsTo'], string> = {
  individuals: 'individuals',
  organizations: 'organizations',
  both: 'individuals and organizations',
}

const productPhrase = (a: Answers) => `${SHAPE_NAMES[a.product.shape]} selling to ${SELLS_TO_NAMES[a.product.sellsTo]}`
const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1)

const writesJs = (a: Answers) => speaks(a, 'typescript') || speaks(a, 'javascript')

/** Regions the data must stay in that the hosted vendors' standard regions do not cover. */
export const residencyOutsideHosted = (a: Answers) =>
  a.compliance.dataResidency.filter((r) => !HOSTED_REGIONS.includes(r))

export const mustStayOnOwnInfrastructure = (a: Answers) => selfHosted(a) || residencyOutsideHosted(a).length > 0

/** Products where individuals sign themselves up, and every extra step at sign-in loses some of them. */
export const passwordlessConsumer = (a: Answers) =>
  (a.product.shape === 'consumer' || a.product.shape === 'marketplace' || a.product.shape === 'content_media') &&
  a.product.sellsTo !== 'organizations'

const firstLanguage = (a: Answers) => LANGUAGE_NAMES[a.team.languages[0]]

/**
 * The precedence, first match wins: data that must stay on your own
 * infrastructure (Better-Auth); enterprise SSO (Auth0, or Stytch for a
 * passwordless consumer product); HIPAA, which needs a vendor that signs a
 * BAA (same pair); passwordless consumer sign-in (Stytch); a TypeScript or
 * JavaScript team (Clerk); otherwise Auth0, whose SDKs cover every server
 * language.
 */
export function pickVendor(a: Answers): Vendor {
  if (mustStayOnOwnInfrastructure(a)) return 'better_auth'
  if (a.compliance.enterpriseSso || hasRegime(a, 'hipaa')) return passwordlessConsumer(a) ? 'stytch' : 'auth0'
  if (passwordlessConsumer(a)) return 'stytch'
  if (writesJs(a)) return 'clerk'
  return 'auth0'
}

function ownInfrastructureText(a: Answers): string {
  if (selfHosted(a)) {
    return 'You run on your own servers, so user accounts should live there too: Better-Auth is open source and keeps users and sessions in your own Postgres.'
  }
  const regions = listPhrase(residencyOutsideHosted(a).map((r) => REGION_NAMES[r]))
  return `Your data must stay in ${regions}, while the hosted sign-in vendors keep records in their standard US and EU regions; Better-Auth is open source and keeps users and sessions in your own Postgres, in the region you choose. If a vendor's enterprise plan offers ${regions}, get it in writing before switching.`
}

function hostedElsewhereText(name: string, a: Answers): string {
  if (selfHosted(a)) return `${name} is a hosted service, so user accounts would live outside your own servers.`
  const regions = listPhrase(residencyOutsideHosted(a).map((r) => REGION_NAMES[r]))
  return `${name} keeps user records in its own regions, and its standard plans do not promise ${regions}, where your data must stay.`
}

function because_(a: Answers, vendor: Vendor): Because[] {
  const why: Because[] = [
    because(
      'auth.buy_not_build',
      [],
      'Sign-in is bought, not built: all four providers weighed here are production-grade, and the weeks saved go into the product.',
    ),
  ]
  switch (vendor) {
    case 'better_auth':
      why.push(
        because('auth.own_infrastructure', ['budget.hosting', 'compliance.dataResidency'], ownInfrastructureText(a)),
      )
      if (!writesJs(a)) {
        why.push(
          because(
            'auth.better_auth_runs_on_node',
            ['team.languages'],
            `Better-Auth is a TypeScript library and your team writes ${firstLanguage(a)}: run it as one small sign-in service beside your app, and have the app check its sessions.`,
          ),
        )
      }
      if (a.compliance.enterpriseSso) {
        why.push(
          because(
            'auth.sso_on_own_infrastructure',
            ['compliance.enterpriseSso'],
            "Enterprise customers will ask for single sign-on; Better-Auth's SSO plugin speaks SAML and OIDC, but you will set up and test each customer's connection yourself.",
          ),
        )
      }
      break
    case 'stytch':
      if (a.compliance.enterpriseSso) {
        why.push(
          because(
            'auth.enterprise_sso',
            ['compliance.enterpriseSso', 'product.shape', 'product.sellsTo'],
            'Enterprise customers will require single sign-on while individuals sign themselves up; Stytch covers both, passwordless sign-in for people and SAML or OIDC for companies, and its free tier includes five SSO connections.',
          ),
        )
      } else {
        why.push(
          because(
            'auth.passwordless_consumer',
            ['product.shape', 'product.sellsTo'],
            `${capitalize(productPhrase(a))} wins or loses people at the first sign-in; Stytch is built around passwordless flows (email links, one-time codes, passkeys), and its free tier covers 10,000 monthly users.`,
          ),
        )
      }
      break
    case 'auth0':
      if (a.compliance.enterpriseSso) {
        why.push(
          because(
            'auth.enterprise_sso',
            ['compliance.enterpriseSso', 'product.shape', 'product.sellsTo'],
            'Enterprise customers will require SAML or OIDC single sign-on; Auth0 has the broadest enterprise feature set (a connection per customer, organizations, enterprise contracts), so those deals do not wait on sign-in work.',
          ),
        )
      } else if (!hasRegime(a, 'hipaa')) {
        why.push(
          because(
            'auth.broad_default',
            ['team.languages'],
            `Your team writes ${listPhrase(a.team.languages.map((l) => LANGUAGE_NAMES[l]))}, outside the React world where Clerk shines; Auth0 has SDKs for every mainstream server framework and a free tier of up to 25,000 monthly users.`,
          ),
        )
      }
      break
    case 'clerk':
      why.push(
        because(
          'auth.fastest_react_path',
          ['team.languages'],
          `Your team writes ${writesJs(a) && speaks(a, 'typescript') ? 'TypeScript' : 'JavaScript'}, and Clerk is the quickest sign-in for React and Next.js: drop-in components and middleware, working on the first day.`,
        ),
      )
      break
  }
  if (hasRegime(a, 'hipaa')) {
    const decidedByHipaa = vendor === 'auth0' && !a.compliance.enterpriseSso
    const text =
      vendor === 'better_auth'
        ? 'HIPAA applies. With Better-Auth the identities stay in your own database, so the agreement that matters is the Business Associate Agreement (BAA) with your hosting provider; make sure it covers the database.'
        : `HIPAA applies, so whoever stores your users' identities must sign a Business Associate Agreement (BAA). ${SHORT_NAMES[vendor]} offers one on its enterprise plans${decidedByHipaa ? ', which is why it is chosen here' : ''}; budget for that plan before the first patient signs in.`
    why.push(because('auth.hipaa_needs_baa', ['compliance.regimes'], text))
  }
  if (a.compliance.identity !== 'personal') {
    why.push(
      because(
        'auth.identity_in_your_tables',
        ['compliance.identity'],
        `Accounts belong to ${a.compliance.identity === 'organizations' ? 'organizations' : a.compliance.identity === 'organizations_with_teams' ? 'organizations with teams' : 'several organizations at once'}; whichever vendor signs people in, keep organizations and memberships in your own tables and store only the vendor's user id, so you can change vendor without reshaping your data.`,
      ),
    )
  }
  return why
}

function whyNot(vendor: Vendor, chosen: Vendor, a: Answers): string {
  const name = SHORT_NAMES[vendor]
  if (chosen === 'better_auth') return hostedElsewhereText(name, a)
  switch (vendor) {
    case 'better_auth':
      return writesJs(a)
        ? 'Better-Auth runs inside your app, so upgrades, session security and abuse protection become your job; nothing in your answers requires keeping accounts on your own servers, so a hosted vendor takes that work off you.'
        : `Better-Auth is a TypeScript library, so a ${firstLanguage(a)} team would run an extra Node service and own sign-in security itself; nothing in your answers requires keeping accounts on your own servers.`
    case 'clerk':
      if (hasRegime(a, 'hipaa')) {
        return `HIPAA needs a signed BAA from the sign-in vendor; ${SHORT_NAMES[chosen]} offers one on enterprise plans, so it comes first. Ask Clerk for a BAA before considering it.`
      }
      if (a.compliance.enterpriseSso) {
        return `Clerk's strength is the fastest React sign-in; for enterprise single sign-on ${SHORT_NAMES[chosen]} has the deeper enterprise feature set.`
      }
      if (chosen === 'stytch')
        return 'Clerk handles passwordless too, but Stytch is built around it for consumer sign-in.'
      return `Clerk shines with React and Next.js; your team writes ${firstLanguage(a)}, where that head start mostly disappears.`
    case 'stytch':
      if (a.compliance.enterpriseSso || hasRegime(a, 'hipaa')) {
        return `Stytch's edge is passwordless sign-in for individuals signing themselves up; for ${productPhrase(a)}, Auth0's wider enterprise set matters more.`
      }
      return `Stytch is strongest at passwordless sign-in for individuals signing themselves up; for ${productPhrase(a)} that edge goes mostly unused.`
    case 'auth0':
      if (chosen === 'stytch') {
        return a.compliance.enterpriseSso
          ? 'Auth0 would serve the enterprise side well, but Stytch covers passwordless sign-up for individuals and single sign-on for companies in one product.'
          : 'Auth0 can do passwordless as well, but its strength is enterprise breadth, which is more setup than consumer sign-in needs.'
      }
      return 'Auth0 covers more enterprise ground than you need today and takes longer to fit into a React app than drop-in components; reconsider it when customers start asking for single sign-on.'
  }
}

export const auth: AreaRules = {
  area: 'auth',
  decide(a) {
    const chosen = pickVendor(a)
    const alternatives: Alternative[] = VENDORS.filter((v) => v !== chosen).map((v) => ({
      id: v,
      name: VENDOR_NAMES[v],
      whyNot: whyNot(v, chosen, a),
    }))
    alternatives.push({
      id: 'in_house',
      name: 'Building sign-in yourself',
      whyNot:
        'Three to six weeks of work before launch, then years of patching a security surface: password storage, session expiry and revocation, account recovery, multi-factor, and keeping up with OAuth changes. Only worth it if sign-in is the product you sell.',
    })
    return {
      area: 'auth',
      title: 'Sign-in and accounts',
      choice: { id: chosen, name: VENDOR_NAMES[chosen] },
      status: 'adopt',
      because: because_(a, chosen),
      alternatives,
      revisitWhen: [],
      guide: 'auth-and-payments',
    }
  },
  triggers: [],
}

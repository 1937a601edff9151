import type { Answers } from '#app/engine/answers.ts'
import type { Alternative, Because, Choice } from '#app/engine/brief.ts'
import { type Catalog, groupThousands, priceLookup } from '#app/engine/catalog.ts'
import {
  baaFit,
  constraintsOf,
  HEALTH_INPUTS,
  regionWords,
  requirementsFor,
  residencyFit,
} from '#app/engine/constraints.ts'
import { primaryLanguage, selfHosted, writesJsFirst } from '#app/engine/facts.ts'
import { LANGUAGE_NAMES, listPhrase } from './_shared-stack.ts'
import { type AreaRules, because } from './types.ts'

type Vendor = 'clerk' | 'better_auth' | 'stytch' | 'auth0' | 'workos'

const VENDOR_NAMES: Record<Vendor, string> = {
  clerk: 'Clerk',
  better_auth: 'Better-Auth (open source, on your own infrastructure)',
  stytch: 'Stytch',
  auth0: 'Auth0',
  workos: 'WorkOS',
}
const SHORT_NAMES: Record<Vendor, string> = {
  clerk: 'Clerk',
  better_auth: 'Better-Auth',
  stytch: 'Stytch',
  auth0: 'Auth0',
  workos: 'WorkOS',
}
/** Listed in this order as alternatives, whichever is chosen. */
const VENDORS: readonly Vendor[] = ['clerk', 'better_auth', 'stytch', 'auth0', 'workos']

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

const writesJs = writesJsFirst

/** Share of the monthly budget past which a sign-in bill is far out of line, when a cheaper vendor passes the same constraints. */
export const AUTH_SHARE_OF_BUDGET = 0.3

/**
 * Sign-in vendors that meet the constraints: residency (a vendor whose
 * regions the sources confirm, or Better-Auth in your own region), servers of
 * your own, and a signed BAA when health data is held. Unconfirmed facts do
 * not count as meeting a constraint.
 */
export function eligibleVendors(a: Answers, catalog: Catalog): Vendor[] {
  if (selfHosted(a)) return ['better_auth']
  const c = constraintsOf(a)
  return VENDORS.filter(
    (v) =>
      residencyFit(catalog, v, c.residency) === 'fits' &&
      (!c.baaRequired || ['fits', 'not_applicable'].includes(baaFit(catalog, v))),
  )
}

/** Health data is held: whoever stores identities must sign a BAA. */
const needsBaa = (a: Answers) => constraintsOf(a).baaRequired

/** Residency took the best fit by features out of the running. */
const residencyMoved = (a: Answers, catalog: Catalog) =>
  a.compliance.dataResidency.length > 0 && outOfRegion(a, catalog, rankByFit(a)[0])

export const mustStayOnOwnInfrastructure = (a: Answers, catalog: Catalog) =>
  eligibleVendors(a, catalog).every((v) => v === 'better_auth')

/** Hosted vendors that cannot keep accounts in the regions the data must stay in (confirmed by the sources). */
const outOfRegion = (a: Answers, catalog: Catalog, v: Vendor) =>
  residencyFit(catalog, v, a.compliance.dataResidency) !== 'fits'

/**
 * List price a month for `users` monthly active users, in cents, from the
 * catalog: on the free plan while users fit it, or, with `paid`, on the paid
 * plan the moderate and scaled bands price whatever the count.
 */
export function authMonthlyCents(catalog: Catalog, vendor: Vendor, users: number, paid = false): number {
  const use = priceLookup(catalog)
  const charge = (c: string, plan: string, price: string, quantity: number) => {
    const p = use(c, plan, price).price
    return ((p.cents ?? 0) * Math.max(0, quantity - (p.included ?? 0))) / p.per
  }
  const fits = (c: string, plan: string, price: string) => {
    if (paid) return false
    const limit = use(c, plan, price).price.limit
    return limit === undefined || users <= limit
  }
  switch (vendor) {
    case 'clerk':
      return fits('clerk', 'free', 'mau')
        ? 0
        : charge('clerk', 'pro', 'base', 1) + charge('clerk', 'pro', 'extra_mau', users)
    case 'auth0':
      return fits('auth0', 'free', 'mau')
        ? 0
        : charge('auth0', 'essentials', 'base', 1) + charge('auth0', 'essentials', 'extra_mau', users)
    case 'stytch':
      return charge('stytch', 'pay_as_you_go', 'base', 1) + charge('stytch', 'pay_as_you_go', 'extra_mau', users)
    case 'workos':
      // SSO connections are charged per enterprise customer, a count the answers do not give; the reason states the rate.
      return charge('workos', 'authkit', 'base', 1) + charge('workos', 'authkit', 'extra_mau', users)
    case 'better_auth':
      return charge('better_auth', 'open_source', 'licence', 1)
  }
}

/**
 * The vendor, in two steps: the candidates that meet the constraints, ranked
 * by fit (enterprise SSO, HIPAA, passwordless consumer sign-in, a TypeScript
 * or JavaScript team, otherwise the broadest SDKs); then price: when the best
 * fit would cost 30% of the monthly budget or more at the 12-month user
 * count, the best-fitting candidate that costs under half as much takes its place.
 */
export function pickVendor(a: Answers, catalog: Catalog): Vendor {
  return pick(a, catalog).chosen
}

function rankByFit(a: Answers): Vendor[] {
  const consumer = passwordlessConsumer(a)
  // WorkOS is built for selling to companies: first when they require SSO, last otherwise.
  if (a.compliance.enterpriseSso)
    return consumer
      ? ['stytch', 'workos', 'auth0', 'clerk', 'better_auth']
      : ['workos', 'auth0', 'stytch', 'clerk', 'better_auth']
  if (needsBaa(a))
    return consumer
      ? ['stytch', 'auth0', 'better_auth', 'clerk', 'workos']
      : ['auth0', 'stytch', 'better_auth', 'clerk', 'workos']
  if (consumer) return ['stytch', 'clerk', 'auth0', 'better_auth', 'workos']
  if (writesJs(a)) return ['clerk', 'auth0', 'stytch', 'better_auth', 'workos']
  return ['auth0', 'clerk', 'stytch', 'better_auth', 'workos']
}

interface Pick {
  chosen: Vendor
  /** The best fit by features, when price moved the choice away from it. */
  displaced?: { vendor: Vendor; cents: number }
  cents: number
}

function pick(a: Answers, catalog: Catalog): Pick {
  const eligible = eligibleVendors(a, catalog)
  const ranked = rankByFit(a).filter((v) => eligible.includes(v))
  const users = a.load.activeUsersIn12Months
  const budgetCents = a.budget.monthlyInfraUsd * 100
  const best = ranked[0]
  // Judged on the paid plan, as the moderate band prices it: a free tier in the lean band does not make a vendor cheap to run.
  const bestCents = authMonthlyCents(catalog, best, users, true)
  if (bestCents > 0 && bestCents >= AUTH_SHARE_OF_BUDGET * budgetCents) {
    const cheaper = ranked.find((v) => authMonthlyCents(catalog, v, users, true) * 2 < bestCents)
    if (cheaper)
      return {
        chosen: cheaper,
        displaced: { vendor: best, cents: bestCents },
        cents: authMonthlyCents(catalog, cheaper, users, true),
      }
  }
  return { chosen: best, cents: bestCents }
}

/** Products where individuals sign themselves up, and every extra step at sign-in loses some of them. */
export const passwordlessConsumer = (a: Answers) =>
  (a.product.shape === 'consumer' || a.product.shape === 'marketplace' || a.product.shape === 'content_media') &&
  a.product.sellsTo !== 'organizations'

const firstLanguage = (a: Answers) => LANGUAGE_NAMES[a.team.languages[0]]

function ownInfrastructureText(a: Answers, catalog: Catalog): string {
  if (selfHosted(a)) {
    return 'You run on your own servers, so user accounts should live there too: Better-Auth is open source and keeps users and sessions in your own Postgres.'
  }
  if (needsBaa(a) && a.compliance.dataResidency.length === 0) {
    return 'Health data needs a Business Associate Agreement from whoever stores identities, and no hosted vendor in the catalog confirms one that also fits your other answers; Better-Auth keeps users and sessions in your own Postgres, covered by the BAA of your database host.'
  }
  const regions = regionWords(a.compliance.dataResidency)
  const hosted = VENDORS.filter((v) => v !== 'better_auth' && outOfRegion(a, catalog, v)).map((v) => SHORT_NAMES[v])
  return `Your data must stay in ${regions}, and the hosted sign-in vendors weighed here (${listPhrase(hosted)}) do not confirm keeping accounts there; Better-Auth is open source and keeps users and sessions in your own Postgres, in the region you choose. If a vendor's enterprise plan offers ${regions}, get it in writing before switching.`
}

function hostedElsewhereText(vendor: Vendor, a: Answers, catalog: Catalog): string {
  const name = SHORT_NAMES[vendor]
  if (selfHosted(a)) return `${name} is a hosted service, so user accounts would live outside your own servers.`
  if (a.compliance.dataResidency.length > 0 && outOfRegion(a, catalog, vendor)) {
    return `${name} does not confirm keeping user records in ${regionWords(a.compliance.dataResidency)}, where your data must stay.`
  }
  return `${name} does not confirm signing a Business Associate Agreement (BAA), which health data requires of whoever stores identities.`
}

function because_(a: Answers, catalog: Catalog, vendor: Vendor, picked: Pick): Because[] {
  const why: Because[] = [
    because(
      'auth.buy_not_build',
      [],
      vendor === 'better_auth'
        ? 'Sign-in is not written from scratch: a maintained open-source library handles passwords, sessions and account linking on your own servers, and the weeks saved go into the product.'
        : 'Sign-in is bought, not built: every provider weighed here is production-grade, and the weeks saved go into the product.',
    ),
  ]
  switch (vendor) {
    case 'better_auth':
      why.push(
        because(
          'auth.own_infrastructure',
          ['budget.hosting', 'compliance.dataResidency', 'compliance.regimes'],
          ownInfrastructureText(a, catalog),
        ),
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
      } else if (passwordlessConsumer(a) || !needsBaa(a)) {
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
      } else if (residencyMoved(a, catalog)) {
        why.push(
          because(
            'auth.residency',
            ['compliance.dataResidency'],
            `Your data must stay in ${regionWords(a.compliance.dataResidency)}; Auth0 confirms tenants there, while ${listPhrase(VENDORS.filter((v) => v !== 'better_auth' && outOfRegion(a, catalog, v)).map((v) => SHORT_NAMES[v]))} do not confirm keeping accounts in that region. Create the tenant in that region from the start: it cannot be moved later.`,
          ),
        )
      } else if (!needsBaa(a)) {
        why.push(
          because(
            'auth.broad_default',
            ['team.languages', 'load.activeUsersIn12Months'],
            `Your team writes ${LANGUAGE_NAMES[primaryLanguage(a)]} first, outside the React world where Clerk shines; Auth0 has SDKs for every mainstream server framework and a free tier of up to 25,000 monthly users, and its paid plan, which the moderate band prices, comes to about ${usd(picked.cents)} a month at ${count(a.load.activeUsersIn12Months)} users.`,
          ),
        )
      }
      break
    case 'workos':
      why.push(
        because(
          'auth.enterprise_sso',
          ['compliance.enterpriseSso', 'product.shape', 'product.sellsTo'],
          `Enterprise customers will require SAML or OIDC single sign-on; WorkOS is built for selling to companies: its AuthKit sign-in is free up to ${count(workosFreeUsers(catalog))} monthly active users, and each customer's SSO connection costs ${workosSsoRate(catalog)} a month, so the bill grows with the enterprise deals that pay for it.`,
        ),
        because(
          'auth.workos_facts_unconfirmed',
          ['compliance.enterpriseSso'],
          'The sources we read do not confirm where WorkOS keeps user records or whether it signs a data processing agreement: get both in writing before the first customer signs in.',
        ),
      )
      break
    case 'clerk':
      why.push(
        writesJs(a)
          ? because(
              'auth.fastest_react_path',
              ['team.languages'],
              `Your team writes ${LANGUAGE_NAMES[primaryLanguage(a)]}, and Clerk is the quickest sign-in for React and Next.js: drop-in components and middleware, working on the first day.`,
            )
          : because(
              'auth.clerk_beside_your_server',
              ['team.languages'],
              `Your team writes ${LANGUAGE_NAMES[primaryLanguage(a)]} first: Clerk's drop-in components serve the web front end, and your ${LANGUAGE_NAMES[primaryLanguage(a)]} server checks the signed session token Clerk issues on each request, so sign-in needs no service of its own.`,
            ),
      )
      break
  }
  if (needsBaa(a)) {
    const decidedByHipaa =
      (vendor === 'auth0' || vendor === 'stytch') && !a.compliance.enterpriseSso && !passwordlessConsumer(a)
    const plan = vendor === 'stytch' ? 'its Enterprise plan, at a custom price' : 'its enterprise plans'
    const text =
      vendor === 'better_auth'
        ? 'Health data falls under HIPAA. With Better-Auth the identities stay in your own database, so the agreement that matters is the Business Associate Agreement (BAA) with your hosting provider; make sure it covers the database.'
        : `Health data falls under HIPAA, so whoever stores your users' identities must sign a Business Associate Agreement (BAA). ${SHORT_NAMES[vendor]} signs one on ${plan}${decidedByHipaa ? ', which is why it is chosen here' : ''}; budget for that plan before the first patient signs in.`
    why.push(because('auth.hipaa_needs_baa', [...HEALTH_INPUTS], text))
  }
  if (picked.displaced) {
    const budget = usd(a.budget.monthlyInfraUsd * 100)
    why.push(
      because(
        'auth.priced_at_your_scale',
        ['load.activeUsersIn12Months', 'budget.monthlyInfraUsd'],
        `At ${count(a.load.activeUsersIn12Months)} monthly active users, ${SHORT_NAMES[picked.displaced.vendor]} would cost about ${usd(picked.displaced.cents)} a month on its paid plan at list prices, ${Math.round((picked.displaced.cents / (a.budget.monthlyInfraUsd * 100 || 1)) * 100)}% of your ${budget} monthly budget or more; ${vendor === 'better_auth' ? 'Better-Auth has no licence fee' : `${SHORT_NAMES[vendor]} costs about ${usd(picked.cents)} a month on its paid plan at that size`} and meets the same needs, so it is chosen.`,
      ),
    )
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

function whyNot(vendor: Vendor, chosen: Vendor, a: Answers, catalog: Catalog, picked: Pick): string {
  const name = SHORT_NAMES[vendor]
  const eligible = eligibleVendors(a, catalog)
  if (!eligible.includes(vendor)) return hostedElsewhereText(vendor, a, catalog)
  if (picked.displaced?.vendor === vendor) {
    return `${name} fits your answers, but at ${count(a.load.activeUsersIn12Months)} monthly active users it would cost about ${usd(picked.displaced.cents)} a month on its paid plan at list prices, against ${chosen === 'better_auth' ? 'no licence fee' : usd(picked.cents)} for ${SHORT_NAMES[chosen]}.`
  }
  const residency = a.compliance.dataResidency.length > 0
  switch (vendor) {
    case 'better_auth':
      if (residency) {
        return `Better-Auth would keep accounts in ${regionWords(a.compliance.dataResidency)} on your own servers too, but ${SHORT_NAMES[chosen]} confirms that region and takes upgrades, session security and abuse protection off you.`
      }
      return writesJs(a)
        ? 'Better-Auth runs inside your app, so upgrades, session security and abuse protection become your job; nothing in your answers requires keeping accounts on your own servers, so a hosted vendor takes that work off you.'
        : `Better-Auth is a TypeScript library, so a ${firstLanguage(a)} team would run an extra Node service and own sign-in security itself; nothing in your answers requires keeping accounts on your own servers.`
    case 'clerk':
      if (needsBaa(a)) {
        return `HIPAA needs a signed BAA from the sign-in vendor; ${SHORT_NAMES[chosen]} offers one on enterprise plans, so it comes first. Ask Clerk for a BAA before considering it.`
      }
      if (a.compliance.enterpriseSso) {
        return `Clerk's strength is the fastest React sign-in; for enterprise single sign-on ${SHORT_NAMES[chosen]} has the deeper enterprise feature set.`
      }
      if (chosen === 'stytch')
        return 'Clerk handles passwordless too, but Stytch is built around it for consumer sign-in.'
      return `Clerk shines with React and Next.js; your team writes ${firstLanguage(a)}, where that head start mostly disappears.`
    case 'stytch':
      if (a.compliance.enterpriseSso || needsBaa(a)) {
        return `Stytch's edge is passwordless sign-in for individuals signing themselves up; for ${productPhrase(a)}, ${chosen === 'workos' ? "WorkOS's focus on single sign-on for companies" : "Auth0's wider enterprise set"} matters more.`
      }
      return `Stytch is strongest at passwordless sign-in for individuals signing themselves up; for ${productPhrase(a)} that edge goes mostly unused.`
    case 'workos':
      if (!a.compliance.enterpriseSso) {
        return `WorkOS is built for companies that require single sign-on; none of your customers asks for it yet, so its strength goes unused. Reconsider it when the first one does.`
      }
      return `WorkOS covers single sign-on for companies, at ${workosSsoRate(catalog)} a connection a month, but for ${productPhrase(a)} ${SHORT_NAMES[chosen]} also covers the individuals who sign themselves up.`
    case 'auth0':
      if (chosen === 'workos') {
        return 'Auth0 has the broadest enterprise feature set, but its single sign-on needs a higher tier whose price the catalog does not hold, while WorkOS publishes its price per connection and charges nothing for sign-in up to a million users.'
      }
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
  decide(a, catalog) {
    const picked = pick(a, catalog)
    const chosen = picked.chosen
    const alternatives: Alternative[] = VENDORS.filter((v) => v !== chosen).map((v) => ({
      id: v,
      name: VENDOR_NAMES[v],
      whyNot: whyNot(v, chosen, a, catalog, picked),
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
      choice: choiceOf(a, catalog, chosen),
      status: 'adopt',
      because: because_(a, catalog, chosen, picked),
      alternatives,
      revisitWhen: [],
      guide: 'auth-and-payments',
    }
  },
  triggers: [],
}

/** The choice, with what the constraints require of the vendor (regions, the plan that carries a BAA, agreements). */
function choiceOf(a: Answers, catalog: Catalog, chosen: Vendor): Choice {
  const requires = requirementsFor(catalog, chosen, constraintsOf(a))
  return { id: chosen, name: VENDOR_NAMES[chosen], vendor: chosen, ...(requires ? { requires } : {}) }
}

const count = (n: number) => groupThousands(n)

/** WorkOS's free allowance of monthly active users and its price per SSO connection, from the catalog. */
const workosFreeUsers = (catalog: Catalog) => priceLookup(catalog)('workos', 'authkit', 'extra_mau').price.included ?? 0
const workosSsoRate = (catalog: Catalog) =>
  `$${groupThousands((priceLookup(catalog)('workos', 'authkit', 'sso_connection').price.cents ?? 0) / 100)}`
const usd = (cents: number) => `$${groupThousands(cents / 100)}`

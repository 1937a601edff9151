import { because } from '#app/engine/rules/types.ts'
import { REGIME_NAMES } from '#app/vocabulary/names.ts'
import { type Answers, REGIMES } from './answers.ts'
import { type Costs, type Decision, type Plan, type Risk, SEVERITIES } from './brief.ts'
import { decisionFor, type PlanVendor, pathsRead, planVendors } from './chosen.ts'
import { HEALTH_INPUTS, healthRegulated, rbiBindsIndia } from './constraints.ts'
import { thresholdOf } from './deferred.ts'
import { hasRegime } from './facts.ts'
import { formatNumber, formatUsd, joinWords, plural, regionLabel } from './prose.ts'

/**
 * What could make this plan fail, most serious first. Each risk says what the
 * answers show, how big the gap is, and the cheapest way to close it.
 */

type Regime = (typeof REGIMES)[number]

/** What each plan component does for the product, as a reader names it. */
const COMPONENT_ROLES: Record<string, string> = {
  app: 'hosting',
  worker: 'background workers',
  ingestion: 'event ingestion',
  realtime: 'live updates',
  database: 'the database',
  object_storage: 'files',
  queue: 'the job queue',
  auth: 'sign-in',
  payments: 'payments',
  email: 'email',
  observability: 'logs and traces',
  llm: 'the language model',
  embeddings: 'embeddings',
  first_service: 'the extracted service',
  search_engine: 'search',
  warehouse: 'the warehouse',
}

/** The plan's outside companies in words: "Amazon Web Services for hosting, the database and files; Clerk for sign-in". */
function vendorList(vendors: readonly PlanVendor[]): string {
  return vendors
    .map((v) => {
      const roles = [...new Set(v.components.map((id) => COMPONENT_ROLES[id] ?? id.replaceAll('_', ' ')))]
      const later = v.fromMonth > 1 ? ` from month ${v.fromMonth}` : ''
      return `${v.name} for ${joinWords(roles)}${later}`
    })
    .join('; ')
}

/** The decisions behind the plan's vendors: the reading of the answers that put each one in place. */
function vendorDecisions(decisions: readonly Decision[], vendors: readonly PlanVendor[]): (Decision | undefined)[] {
  return vendors.flatMap((v) => v.areas.map((area) => decisionFor(decisions, area)))
}

export function budgetBelowLean(a: Answers, costs: Costs): Risk | undefined {
  const monthly = costs.bands.lean.monthly
  const peak = Math.max(...monthly)
  const budget = a.budget.monthlyInfraUsd * 100
  if (budget >= peak) return undefined
  const month = monthly.indexOf(peak)
  const first = monthly.findIndex((c) => c > budget)
  const short = peak - budget
  const share = budget === 0 ? '' : ` (${formatNumber(Math.round((short / budget) * 100))}% over it)`
  const biggest = [...costs.lineItems]
    .filter((l) => l.bands.lean[month] > 0)
    .sort((x, y) => y.bands.lean[month] - x.bands.lean[month] || (x.id < y.id ? -1 : 1))
    .slice(0, 2)
    .map((l) => `${l.name} (${formatUsd(l.bands.lean[month])})`)
  const from = first === 0 ? 'from launch' : `from month ${first + 1}`
  // The users the budget carries: the most in any month before lean first passes it.
  const carried = first > 0 ? Math.max(...costs.usage.activeUsers.slice(0, first)) : undefined
  const keep =
    carried !== undefined
      ? ` or keep to ${formatUsd(budget)} while monthly active users stay under about ${formatNumber(carried)} (month ${first}), then`
      : ' or'
  return {
    id: 'budget_below_lean',
    kind: 'invalidation',
    severity: 'high',
    text: `Nothing in this plan fits the budget of ${formatUsd(budget)} a month ${from}: even the lean band, which already takes free tiers, scale-to-zero and the cheapest plans wherever usage allows, reaches ${formatUsd(peak)} a month by month ${month + 1}, ${formatUsd(short)} more than the budget${share}.`,
    mitigation: `What would fit: a budget of ${formatUsd(peak)} a month covers the lean band all year;${keep} shrink the plan where it costs most${
      biggest.length > 0 ? `: in month ${month + 1} that is ${joinWords(biggest)}` : ''
    }.`,
    because: [
      because(
        'risks.budget_below_lean',
        ['budget.monthlyInfraUsd'],
        'The budget is compared with every month of the lean cost band.',
      ),
    ],
  }
}

/** Lean is a floor: a budget that covers only it has no room for the month usage runs ahead of plan. */
export function budgetWithoutHeadroom(a: Answers, costs: Costs): Risk | undefined {
  const budget = a.budget.monthlyInfraUsd * 100
  const leanPeak = Math.max(...costs.bands.lean.monthly)
  const moderatePeak = Math.max(...costs.bands.moderate.monthly)
  if (budget < leanPeak || budget >= moderatePeak) return undefined
  return {
    id: 'budget_without_headroom',
    kind: 'risk',
    severity: 'medium',
    text: `The budget of ${formatUsd(budget)} a month covers the lean band (up to ${formatUsd(leanPeak)}) but not the moderate band (up to ${formatUsd(moderatePeak)}), which adds headroom, a staging copy and longer backups.`,
    mitigation: `Plan for up to ${formatUsd(moderatePeak)} a month by month 12, or decide now which headroom you will go without and watch the spend trigger.`,
    because: [
      because(
        'risks.budget_without_headroom',
        ['budget.monthlyInfraUsd'],
        'The budget is compared with the highest months of the lean and moderate cost bands.',
      ),
    ],
  }
}

export function selfHostingWithoutOps(a: Answers): Risk | undefined {
  if (a.budget.hosting !== 'self_hosted' || a.team.opsExperience === 'dedicated') return undefined
  const none = a.team.opsExperience === 'none'
  return {
    id: 'self_hosting_without_ops',
    kind: 'risk',
    severity: none ? 'high' : 'medium',
    text: `The team wants to run its own servers with ${none ? 'no' : 'only some'} experience of operating them: backups, restores, security patches, failover and disk alerts all become the team's job, at night too.`,
    mitigation:
      'Use a managed Postgres even if the application runs on your own machines, rehearse a restore before launch, and keep the servers described as code; or start on a managed platform and move once someone owns operations.',
    because: [
      because(
        'risks.self_hosting_without_ops',
        ['team.opsExperience', 'budget.hosting'],
        `Self-hosting was chosen and operations experience is ${a.team.opsExperience}.`,
      ),
    ],
  }
}

/**
 * Who signs a BAA, on which tier, and who is kept away from health data,
 * read from the plan's components so the list names real vendors and tiers.
 */
export function hipaaVendors(a: Answers, decisions: readonly Decision[], plan: Plan): Risk | undefined {
  if (!healthRegulated(a)) return undefined
  const components = plan.components
  const outside = components.filter((c) => c.agreements.length > 0)
  const signing = outside.filter((c) => c.agreements.includes('baa'))
  const signers = unique(signing.map((c) => c.vendor)).map((vendor) => {
    const theirs = signing.filter((c) => c.vendor === vendor)
    const tiers = unique(theirs.map((c) => c.tier).filter((t) => t.includes('BAA')))
    return `${vendor} for ${joinWords(unique(theirs.map((c) => c.product)))}${tiers.length > 0 ? ` (${tiers.join('; ')})` : ''}`
  })
  // Outside services that hold no health data: their vendors do not confirm a BAA.
  const kept = outside.filter((c) => c.placement === 'service' && !c.holds.includes('health') && c.area !== 'payments')
  const payments = outside.find((c) => c.area === 'payments')
  const keptText =
    kept.length > 0
      ? ` ${joinWords(unique(kept.map((c) => c.product)))} do not confirm a BAA, so they must never receive health details.`
      : ''
  const guard = [
    ...(kept.some((c) => c.area === 'email') ? ['notification emails carry only a link to a page behind sign-in'] : []),
    ...(kept.some((c) => c.area === 'observability') || components.some((c) => c.area === 'observability')
      ? ['logs and traces record ids, never health fields']
      : []),
    ...(kept.some((c) => c.area === 'llm' || c.area === 'vector_store')
      ? ['prompts and embeddings carry no health details until the model vendor signs a BAA']
      : []),
  ]
  return {
    id: 'hipaa_vendors',
    kind: 'risk',
    severity: 'high',
    text: `Health data falls under HIPAA: every service that stores or sees it must sign a business associate agreement (BAA) on the plan you pay for before real patient data reaches it. In this plan that is ${signers.length > 0 ? joinWords(signers) : 'no outside vendor: health data stays on your own servers, whose provider must sign one'}.${keptText}`,
    mitigation: `Sign each BAA before launch and keep a copy with your compliance records${guard.length > 0 ? `; ${guard.join('; ')}` : ''}${
      payments
        ? `; ${payments.vendor} does not sign a BAA, so payments rely on HIPAA's exemption for payment processing: no diagnosis, treatment or visit detail in payment descriptions or metadata`
        : ''
    }.`,
    because: [
      because(
        'risks.hipaa_vendors',
        pathsRead([...HEALTH_INPUTS], ...vendorDecisions(decisions, planVendors(plan))),
        'Health data is held, and the vendors, their tiers and their agreements are read from the plan.',
      ),
    ],
  }
}

const unique = (xs: readonly string[]) => [...new Set(xs)]

export function pciScope(a: Answers, decisions: readonly Decision[]): Risk | undefined {
  if (!hasRegime(a, 'pci_dss')) return undefined
  const payments = decisionFor(decisions, 'payments')
  const processor = payments && payments.choice.id !== 'none' ? payments.choice.name : undefined
  const reads = pathsRead(['compliance.regimes'], payments)
  if (!processor) {
    // PCI DSS answered while nobody pays inside the product: say the answers disagree rather than invent a checkout.
    return {
      id: 'pci_scope',
      kind: 'risk',
      severity: 'medium',
      text: 'PCI DSS is among your regimes, yet nobody pays inside the product: if card numbers ever pass through your servers, logs or database, the whole system is in scope for the full assessment.',
      mitigation:
        'Settle which it is before building: if the product never sees a card number, drop PCI DSS from the regimes; if it will take cards, answer how people pay so the brief picks a processor whose hosted fields keep card numbers off your components.',
      because: [because('risks.pci_scope', reads, 'PCI DSS is among the regimes, and no processor is chosen.')],
    }
  }
  return {
    id: 'pci_scope',
    kind: 'risk',
    severity: 'medium',
    text: 'PCI DSS applies: the moment a card number passes through your servers, logs or database, the whole system is in scope for the full assessment.',
    mitigation: `Take cards only through ${processor}'s hosted checkout or its embedded card fields, store only its customer and payment ids, and never log the bodies of payment requests; that keeps you to the shortest self-assessment.`,
    because: [
      because(
        'risks.pci_scope',
        reads,
        'PCI DSS is among the regimes, and the processor is read from the payments decision.',
      ),
    ],
  }
}

const PRIVACY_DUTIES: Partial<Record<Regime, string>> = {
  gdpr: 'GDPR (a lawful basis for each use, access, export and erasure on request, breach notice within 72 hours)',
  dpdp: 'DPDP (clear notice and consent, erasure once the purpose is served, breach notice to the Data Protection Board)',
  ccpa: 'CCPA (notice at collection, the rights to know and delete, an opt-out of sale or sharing)',
}

export function privacyObligations(a: Answers, decisions: readonly Decision[], plan: Plan): Risk | undefined {
  const duties = REGIMES.flatMap((r) => (a.compliance.regimes.includes(r) ? (PRIVACY_DUTIES[r] ?? []) : []))
  if (duties.length === 0) return undefined
  const residency = a.compliance.dataResidency.length > 0
  // Health data is a special category under GDPR: consent or another Article 9 condition, and an impact assessment first.
  const specialCategory = a.compliance.regimes.includes('gdpr') && a.data.sensitive.includes('health')
  const vendors = planVendors(plan)
  // Product analytics is a practice the plan does not price: the tool is the team's pick, and it holds personal data too.
  const analytics = decisionFor(decisions, 'analytics')
  const tool = analytics?.choice.id === 'product_analytics' ? ' and with the product analytics tool you pick' : ''
  return {
    id: 'privacy_obligations',
    kind: 'risk',
    severity: specialCategory ? 'high' : residency ? 'medium' : 'low',
    text: `Privacy law applies: ${joinWords(duties)}.${
      specialCategory
        ? ' Health data is a special category under GDPR (Article 9): processing it needs explicit consent or another Article 9 condition, and a data protection impact assessment before launch.'
        : ''
    }${residency ? ' With data residency on top, where each vendor keeps data is part of compliance too.' : ''}`,
    mitigation: `Ship export and erasure per person in the first release (the delete choice in the data model decides how), sign a data processing agreement with ${
      vendors.length > 0 ? vendorList(vendors) : 'every vendor that holds personal data'
    }${tool}, and keep a short record of what is collected and why.`,
    because: [
      because(
        'risks.privacy_obligations',
        pathsRead(
          [
            'compliance.regimes',
            'compliance.dataResidency',
            ...(a.compliance.regimes.includes('gdpr') ? (['data.sensitive'] as const) : []),
          ],
          ...vendorDecisions(decisions, vendors),
          analytics,
        ),
        'Privacy regimes are among the answers; residency raises the stakes.',
      ),
    ],
  }
}

export function soc2Evidence(a: Answers): Risk | undefined {
  if (!hasRegime(a, 'soc2')) return undefined
  return {
    id: 'soc2_evidence',
    kind: 'risk',
    severity: 'low',
    text: 'SOC 2 is expected: an auditor looks for months of evidence that controls ran, not for a policy written the week before.',
    mitigation:
      'Collect evidence from now on: a reviewed pull request for every change, single sign-on with MFA on every vendor account, quarterly access reviews and restore tests, and incidents written down.',
    because: [because('risks.soc2_evidence', ['compliance.regimes'], 'SOC 2 is among the regimes.')],
  }
}

export function dataResidency(a: Answers, decisions: readonly Decision[], plan: Plan): Risk | undefined {
  const regions = a.compliance.dataResidency
  if (regions.length === 0) return undefined
  const where = joinWords(regions.map(regionLabel))
  const vendors = planVendors(plan)
  const several = regions.length > 1
  const components = plan.components
  // Components that hold personal data outside the allowed regions: vendors whose facts name no region there.
  const outside = components.filter(
    (c) => c.holds.some((h) => h !== 'none') && c.regions.some((r) => !regions.includes(r)),
  )
  return {
    id: 'data_residency',
    kind: 'risk',
    severity: several ? 'high' : 'medium',
    text: `Data must stay in ${where}, and that binds every vendor holding user data, not only the database: ${
      vendors.length > 0 ? vendorList(vendors) : 'hosted auth, email and observability included'
    }.${several ? ' With more than one region, each one needs its own deployment and its own vendor regions.' : ''}${
      outside.length > 0
        ? ` ${joinWords(unique(outside.map((c) => c.vendor)))} ${outside.length > 1 ? 'do' : 'does'} not confirm keeping data in ${where}: the catalog has no alternative that does.`
        : ''
    }`,
    mitigation: `Choose the region on each vendor at sign-up (many cannot move an account later), get it written into the data processing agreement, and replace any vendor that cannot keep data in ${where}${
      outside.length > 0
        ? `; ask ${joinWords(unique(outside.map((c) => c.vendor)))} in writing where the data is kept, and send only what each request needs`
        : ''
    }.`,
    because: [
      because(
        'risks.data_residency',
        pathsRead(['compliance.dataResidency'], ...vendorDecisions(decisions, vendors)),
        'Residency regions are set, and the vendors are read from the plan.',
      ),
    ],
  }
}

/** The model APIs the plan sends text to. */
const MODEL_COMPONENTS = new Set(['llm', 'embeddings'])

/**
 * A model API outside the regions the data must stay in. The sources confirm
 * no model deployment inside a residency region (vendors.md §7: Anthropic's
 * and OpenAI's regions unconfirmed; Bedrock, Vertex AI and Azure not
 * covered), so the brief says so and holds the feature back instead of
 * quietly sending the product's text to the US.
 */
export function modelOutsideResidency(a: Answers, decisions: readonly Decision[], plan: Plan): Risk | undefined {
  const allowed = a.compliance.dataResidency
  if (allowed.length === 0) return undefined
  const outside = plan.components.filter(
    (c) => MODEL_COMPONENTS.has(c.id) && c.regions.some((r) => !allowed.includes(r)),
  )
  if (outside.length === 0) return undefined
  const where = joinWords(allowed.map(regionLabel))
  const apis = unique(outside.map((c) => `${c.vendor}'s API`))
  const names = joinWords(apis)
  const assumed = joinWords(unique(outside.flatMap((c) => c.regions)).map(regionLabel))
  const health = a.data.sensitive.includes('health') || hasRegime(a, 'hipaa')
  const article9 = health && hasRegime(a, 'gdpr')
  const what = health ? 'health data' : 'personal data'
  const llm = decisionFor(decisions, 'llm')
  return {
    id: 'model_outside_residency',
    kind: 'risk',
    severity: 'high',
    text: `No language-model deployment in ${where} is confirmed: ${names} ${apis.length > 1 ? 'are' : 'is'} assumed to run in ${assumed}, and sending it ${what}${
      article9 ? ' (a special category under GDPR Article 9)' : ''
    } would break the rule that the data stays in ${where}. Until a deployment there is confirmed in writing, the model feature cannot launch on that data.`,
    mitigation: `Before building on it, get a provider to confirm in its data processing agreement that requests are processed and kept in ${where}: the model vendor's own regional processing, or the same model on a cloud provider's region there (Amazon Bedrock, Google Vertex AI or Azure; our sources do not cover them). Until then, send the model no ${what}: strip it before the call, or launch without the feature.`,
    because: [
      because(
        'risks.model_outside_residency',
        pathsRead(['compliance.dataResidency', 'data.sensitive', 'compliance.regimes'], llm),
        'Residency regions are set and the plan sends text to a model API whose regions lie outside them.',
      ),
    ],
  }
}

/**
 * RBI payment data localisation (vendors.md §9): the whole of the payment data
 * stays in India, with the merchant and with every vendor that holds it, and
 * the regulator has stopped card networks from taking customers over it.
 */
export function rbiLocalisation(a: Answers, decisions: readonly Decision[], plan: Plan): Risk | undefined {
  if (!rbiBindsIndia(a)) return undefined
  const payments = decisionFor(decisions, 'payments')
  const processor =
    payments?.choice.id === 'razorpay' || payments?.choice.vendor === 'razorpay'
      ? 'Razorpay, an RBI-authorised payment aggregator,'
      : 'an RBI-authorised payment aggregator'
  const db = plan.components.find((c) => c.id === 'database')
  const where = db ? `the database (${db.product})` : 'the database'
  const abroad = unique(
    plan.components
      .filter((c) => c.holds.some((h) => h !== 'none') && c.regions.some((r) => r !== 'india'))
      .map((c) => c.vendor),
  )
  return {
    id: 'rbi_localisation',
    kind: 'risk',
    severity: 'high',
    text: `Payment data must be stored only in India (Reserve Bank of India localisation): the entire payment data (the customer's name, phone, email and account details, credentials and every transaction record) must be stored only on systems in India, by you and by every vendor that holds it; the RBI stopped American Express, Diners Club and Mastercard taking new customers in 2021 for not complying.${
      abroad.length > 0
        ? ` ${joinWords(abroad)} ${abroad.length > 1 ? 'do' : 'does'} not confirm keeping data in India.`
        : ''
    }`,
    mitigation: `Take payments only through ${processor} and never store card numbers or payment credentials yourself; keep ${where}, its backups and every copy of transaction records in India; if anything is processed abroad, delete it there and bring it back within 24 hours; and get each vendor's India storage written into its contract${
      abroad.length > 0 ? `, or keep payment details away from ${joinWords(abroad)}` : ''
    }.`,
    because: [
      because(
        'risks.rbi_localisation',
        pathsRead(['compliance.regimes', 'compliance.payments'], payments),
        'RBI localisation is among the regimes and the product takes payments.',
      ),
    ],
  }
}

/**
 * The scope model behind the launch-date risk. Effort is counted in
 * engineer-weeks: a base for one core workflow on hosted auth, payments and
 * email, plus a fixed amount for each thing the answers add. Engineers do not
 * add up one for one: each past the first counts for PARALLEL_SHARE of one, and
 * a first release rarely absorbs more than USEFUL_ENGINEERS.
 */
export const SCOPE = {
  BASE_ENGINEER_WEEKS: 6,
  PAYMENTS: { none: 0, one_time: 1.5, subscriptions: 3, usage_based: 4, marketplace_payouts: 6 },
  ENTERPRISE_SSO: 2,
  REALTIME: { none: 0, some: 1, core: 4 },
  CLIENTS: { web: 0, mobile: 6, public_api: 3, partner_integrations: 3 },
  REGIMES: { gdpr: 1, hipaa: 4, soc2: 3, pci_dss: 1, ccpa: 1, dpdp: 1, rbi: 1 },
  IDENTITY: { personal: 0, organizations: 1, organizations_with_teams: 2, multi_org_membership: 2 },
  AUDIT_TRAIL: 1,
  DATA_KINDS: { relational: 0, documents: 0.5, timeseries: 2, vectors: 2, search: 1, files: 1 },
  EACH_EXTRA_RESIDENCY_REGION: 2,
  PARALLEL_SHARE: 0.6,
  USEFUL_ENGINEERS: 8,
  /** Below this share of the estimate the date is a high risk; below the estimate itself, medium. */
  HIGH_WHEN_BELOW_SHARE: 0.5,
} as const

const LABELS = {
  payments: {
    one_time: 'one-time payments',
    subscriptions: 'subscriptions',
    usage_based: 'usage-based billing',
    marketplace_payouts: 'marketplace payouts',
  },
  realtime: { some: 'some live updates', core: 'realtime at the core' },
  clients: { mobile: 'mobile apps', public_api: 'a public API', partner_integrations: 'partner integrations' },
  identity: {
    organizations: 'organizations',
    organizations_with_teams: 'organizations with teams',
    multi_org_membership: 'several organizations per user',
  },
  regimes: REGIME_NAMES,
  kinds: {
    documents: 'documents',
    timeseries: 'time series',
    vectors: 'vector search',
    search: 'search',
    files: 'files',
  },
} as const

export interface ScopePart {
  label: string
  engineerWeeks: number
  /** Work a regime or residency answer requires: never offered as scope to cut. */
  regulated?: boolean
}

export interface ScopeEstimate {
  parts: ScopePart[]
  engineerWeeks: number
  effectiveEngineers: number
  calendarWeeks: number
}

export function estimateScope(a: Answers): ScopeEstimate {
  const parts: ScopePart[] = [{ label: 'one core workflow', engineerWeeks: SCOPE.BASE_ENGINEER_WEEKS }]
  const add = (label: string, engineerWeeks: number, regulated = false) => {
    if (engineerWeeks > 0) parts.push({ label, engineerWeeks, ...(regulated ? { regulated } : {}) })
  }
  const { payments, enterpriseSso, regimes, identity, dataResidency } = a.compliance
  if (payments !== 'none') add(LABELS.payments[payments], SCOPE.PAYMENTS[payments])
  if (enterpriseSso) add('enterprise single sign-on', SCOPE.ENTERPRISE_SSO)
  if (a.product.realtime !== 'none') add(LABELS.realtime[a.product.realtime], SCOPE.REALTIME[a.product.realtime])
  for (const c of a.product.clients) if (c !== 'web') add(LABELS.clients[c], SCOPE.CLIENTS[c])
  // India's payment-data rule has nothing to localise while nobody pays inside the product.
  for (const r of REGIMES)
    if (regimes.includes(r) && (r !== 'rbi' || payments !== 'none')) add(LABELS.regimes[r], SCOPE.REGIMES[r], true)
  if (identity !== 'personal') add(LABELS.identity[identity], SCOPE.IDENTITY[identity])
  if (a.data.auditTrail) add('an audit trail', SCOPE.AUDIT_TRAIL)
  for (const k of a.data.kinds) if (k !== 'relational') add(LABELS.kinds[k], SCOPE.DATA_KINDS[k])
  if (dataResidency.length > 1) {
    add(
      `${dataResidency.length} residency regions`,
      (dataResidency.length - 1) * SCOPE.EACH_EXTRA_RESIDENCY_REGION,
      true,
    )
  }
  const engineerWeeks = parts.reduce((sum, p) => sum + p.engineerWeeks, 0)
  const effectiveEngineers = 1 + (Math.min(a.team.engineers, SCOPE.USEFUL_ENGINEERS) - 1) * SCOPE.PARALLEL_SHARE
  return {
    parts,
    engineerWeeks,
    effectiveEngineers: Math.round(effectiveEngineers * 10) / 10,
    calendarWeeks: Math.ceil(engineerWeeks / effectiveEngineers),
  }
}

export function launchTooClose(a: Answers): Risk | undefined {
  const scope = estimateScope(a)
  const weeks = a.budget.weeksToLaunch
  if (weeks >= scope.calendarWeeks) return undefined
  // What the law requires ships with the first release; only the rest is offered as scope to cut.
  const added = scope.parts.slice(1).filter((p) => !p.regulated)
  const largest = [...added].sort((x, y) => y.engineerWeeks - x.engineerWeeks).slice(0, 2)
  const engineers = a.team.engineers
  return {
    id: 'launch_too_close',
    kind: 'risk',
    severity: weeks < scope.calendarWeeks * SCOPE.HIGH_WHEN_BELOW_SHARE ? 'high' : 'medium',
    text: `The scope adds up to about ${formatNumber(scope.engineerWeeks)} engineer-weeks (${joinWords(
      scope.parts.map((p) => `${p.label} ${formatNumber(p.engineerWeeks)}`),
    )}); ${plural(engineers, 'engineer')} ${engineers === 1 ? 'works' : `work at the pace of about ${formatNumber(scope.effectiveEngineers)}`}, so that is roughly ${plural(scope.calendarWeeks, 'week')} against the ${plural(weeks, 'week')} to launch. The estimate counts ${SCOPE.BASE_ENGINEER_WEEKS} engineer-weeks for one workflow on hosted services plus a fixed amount per addition, and each engineer past the first as ${SCOPE.PARALLEL_SHARE} of one, up to ${SCOPE.USEFUL_ENGINEERS}.`,
    mitigation:
      largest.length > 0
        ? `Cut the first release to the one workflow it must prove and move the largest additions after launch (${joinWords(
            largest.map((p) => `${p.label}, ${plural(p.engineerWeeks, 'engineer-week')}`),
          )}), or move the date.`
        : 'Cut the first release to the one workflow it must prove, or move the date.',
    because: [
      because(
        'risks.launch_too_close',
        [
          'product.clients',
          'product.realtime',
          'team.engineers',
          'data.kinds',
          'data.auditTrail',
          'compliance.regimes',
          'compliance.dataResidency',
          'compliance.identity',
          'compliance.enterpriseSso',
          'compliance.payments',
          'budget.weeksToLaunch',
        ],
        'The weeks to launch are compared with a scope estimate built from the answers.',
      ),
    ],
  }
}

export function teamOutgrowsMonolith(a: Answers): Risk | undefined {
  const perService = thresholdOf('team_outgrows_one_service', 15)
  const { engineers, engineersIn12Months } = a.team
  if (engineersIn12Months <= perService) return undefined
  return {
    id: 'team_outgrows_monolith',
    kind: 'risk',
    severity: 'medium',
    text:
      engineers > perService
        ? `With ${formatNumber(engineers)} engineers now and ${formatNumber(engineersIn12Months)} expected, one deployable is already shared by more people than it comfortably serves (about ${perService}).`
        : `The team grows from ${formatNumber(engineers)} to ${formatNumber(engineersIn12Months)} engineers within the year, past the ${perService} or so where one deployable starts to slow everyone down.`,
    mitigation:
      "Keep module boundaries strict from the start (one folder per domain, no reaching into another module's tables, owners per module), so that when the trigger fires one service can be extracted at a time behind a feature flag instead of rewriting.",
    because: [
      because(
        'risks.team_outgrows_monolith',
        ['team.engineers', 'team.engineersIn12Months'],
        `More than ${perService} engineers are expected within 12 months.`,
      ),
    ],
  }
}

export function singlePerson(a: Answers): Risk | undefined {
  if (a.team.engineers !== 1) return undefined
  const hiring = a.team.engineersIn12Months > 1
  return {
    id: 'single_person',
    kind: 'risk',
    severity: 'medium',
    text: `One engineer builds and runs everything${hiring ? ' until the first hire arrives' : ''}: an illness, a holiday or a lost password stops the product.`,
    mitigation:
      'Keep everything needed to run it in the repository (infrastructure as code, a one-page runbook, how to restore the database), and give a second trusted person admin access to every vendor account and the domain.',
    because: [
      because('risks.single_person', ['team.engineers', 'team.engineersIn12Months'], 'The team has one engineer.'),
    ],
  }
}

/** Every risk that applies, highest severity first, in a fixed order within a severity. */
export function assessRisks(a: Answers, decisions: readonly Decision[], costs: Costs, plan: Plan): Risk[] {
  const risks = [
    budgetBelowLean(a, costs),
    budgetWithoutHeadroom(a, costs),
    selfHostingWithoutOps(a),
    launchTooClose(a),
    hipaaVendors(a, decisions, plan),
    dataResidency(a, decisions, plan),
    rbiLocalisation(a, decisions, plan),
    modelOutsideResidency(a, decisions, plan),
    pciScope(a, decisions),
    privacyObligations(a, decisions, plan),
    soc2Evidence(a),
    teamOutgrowsMonolith(a),
    singlePerson(a),
  ].filter((r): r is Risk => r !== undefined)
  return SEVERITIES.flatMap((s) => risks.filter((r) => r.severity === s))
}

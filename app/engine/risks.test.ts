import { describe, expect, it } from 'vitest'
import { type AnswersPatch, buildAnswers, withReads } from '#tests/support/answers.ts'
import { testCatalog } from '#tests/support/catalog.ts'
import { flat, lineItem, makeCosts } from '#tests/support/costs.ts'
import { defaultStack, makeDecisions } from '#tests/support/decisions.ts'
import type { Answers, AnswersInput } from './answers.ts'
import { type Costs, type Decision, type Plan, type PlanComponent, type Risk, RiskSchema, SEVERITIES } from './brief.ts'
import { publishPlan, startPlan } from './plan.ts'
import {
  assessRisks,
  budgetBelowLean,
  dataResidency,
  estimateScope,
  hipaaVendors,
  launchTooClose,
  pciScope,
  privacyObligations,
  SCOPE,
  selfHostingWithoutOps,
  singlePerson,
  soc2Evidence,
  teamOutgrowsMonolith,
} from './risks.ts'

type Compliance = NonNullable<AnswersInput['compliance']>
type Regime = NonNullable<Compliance['regimes']>[number]
type Region = NonNullable<Compliance['dataResidency']>[number]

const NO_COSTS = makeCosts()

const catalog = testCatalog()

/** The plan the decisions put in place: risks name the vendors it holds. */
function planOf(a: Answers, decisions: readonly Decision[]): Plan {
  return publishPlan(startPlan(a, decisions, catalog))
}

function risks(patch: AnswersPatch = {}, decisions: Decision[] = defaultStack(), costs: Costs = NO_COSTS) {
  const a = buildAnswers(patch)
  return assessRisks(a, decisions, costs, planOf(a, decisions))
}
function risk(patch: AnswersPatch, id: string, decisions?: Decision[], costs?: Costs): Risk | undefined {
  return risks(patch, decisions, costs).find((r) => r.id === id)
}

/** Lean band rising to $80 at month 12. */
const RISING = makeCosts({ lean: [1000, 1000, 2000, 2000, 3000, 3000, 4000, 5000, 6000, 7000, 7500, 8000] }, [
  lineItem('database', 'Managed Postgres', [...flat(500).slice(0, 11), 5000]),
  lineItem('hosting', 'App servers', [...flat(500).slice(0, 11), 2500]),
  lineItem('email', 'Email', [...flat(0).slice(0, 11), 500]),
])

describe('budget below the lean band (seed 002, 12-month cost bands)', () => {
  it.each<[number, Costs, Risk['severity'] | undefined]>([
    [50, RISING, 'high'],
    [79.99, RISING, 'high'],
    [79.999, RISING, 'high'],
    [80, RISING, undefined],
    [500, RISING, undefined],
    [0, makeCosts(), undefined],
  ])('a budget of $%d against a lean peak of $80 → %s', (monthlyInfraUsd, costs, severity) => {
    expect(risk({ budget: { monthlyInfraUsd } }, 'budget_below_lean', defaultStack(), costs)?.severity).toBe(severity)
  })

  it('says by how much, in which month, and what costs most then', () => {
    const r = risk({ budget: { monthlyInfraUsd: 50 } }, 'budget_below_lean', defaultStack(), RISING)!
    expect(r.text).toBe(
      'Nothing in this plan fits the budget of $50 a month from month 9: even the lean band, which already takes free tiers, scale-to-zero and the cheapest plans wherever usage allows, reaches $80 a month by month 12, $30 more than the budget (60% over it).',
    )
    expect(r.mitigation).toMatch(
      /^What would fit: a budget of \$80 a month covers the lean band all year; or keep to \$50 while monthly active users stay under about [\d,]+ \(month 8\)/,
    )
    expect(r.mitigation).toMatch(/Managed Postgres \(\$50\) and App servers \(\$25\)/)
  })

  it('with no budget at all it still gives the gap, without a percentage', () => {
    const r = risk({ budget: { monthlyInfraUsd: 0 } }, 'budget_below_lean', defaultStack(), RISING)!
    expect(r.text).toMatch(/budget of \$0 a month from launch: .*\$80 more than the budget\.$/)
  })
})

describe('a budget that covers only the lean band (seed 002: lean, moderate and scaled operating bands)', () => {
  const costs = makeCosts({ lean: flat(8000), moderate: flat(20000) })
  it.each<[number, Risk['severity'] | undefined]>([
    [79, undefined], // below lean: the high-severity risk covers it instead
    [80, 'medium'],
    [199.99, 'medium'],
    [200, undefined],
  ])('a budget of $%d against lean $80 and moderate $200 → %s', (monthlyInfraUsd, severity) => {
    expect(risk({ budget: { monthlyInfraUsd } }, 'budget_without_headroom', defaultStack(), costs)?.severity).toBe(
      severity,
    )
  })

  it('names both band peaks', () => {
    const r = risk({ budget: { monthlyInfraUsd: 100 } }, 'budget_without_headroom', defaultStack(), costs)!
    expect(r.text).toMatch(
      /\$100 a month covers the lean band \(up to \$80\) but not the moderate band \(up to \$200\)/,
    )
  })
})

describe('self-hosting without operations experience (seed 000: managed services, no 2am debugging)', () => {
  it.each<[Answers['budget']['hosting'], Answers['team']['opsExperience'], Risk['severity'] | undefined]>([
    ['self_hosted', 'none', 'high'],
    ['self_hosted', 'some', 'medium'],
    ['self_hosted', 'dedicated', undefined],
    ['managed_paas', 'none', undefined],
    ['cloud_provider', 'none', undefined],
  ])('%s with %s experience → %s', (hosting, opsExperience, severity) => {
    expect(risk({ budget: { hosting }, team: { opsExperience } }, 'self_hosting_without_ops')?.severity).toBe(severity)
  })
})

describe('regulated data', () => {
  it('HIPAA: lists who signs a BAA on which tier, and who is kept away from health data, from the plan (high; issue 8)', () => {
    const size = { instances: 1, each: 1, unit: 'vCPU', text: 'one' }
    const part = (c: Partial<PlanComponent> & Pick<PlanComponent, 'id' | 'area' | 'vendor' | 'product' | 'tier'>) =>
      ({
        catalogId: null,
        regions: ['us'],
        holds: ['personal'],
        agreements: ['dpa'],
        fromMonth: 1,
        addedBy: null,
        placement: 'service',
        size: { lean: size, moderate: size, scaled: size },
        ...c,
      }) as PlanComponent
    const components = [
      part({
        id: 'app',
        area: 'hosting',
        vendor: 'Railway',
        product: 'App on Railway services',
        tier: 'Pro with a committed spend of $1,000 a month for a year (carries the BAA)',
        holds: ['personal', 'health'],
        agreements: ['dpa', 'baa'],
        placement: 'deploy',
      }),
      part({ id: 'email', area: 'email', vendor: 'Postmark', product: 'Postmark', tier: 'paid' }),
      part({ id: 'payments', area: 'payments', vendor: 'Stripe', product: 'Stripe', tier: 'standard pricing' }),
    ]
    const r = hipaaVendors(buildAnswers({ compliance: { regimes: ['hipaa'] } }), defaultStack(), {
      regions: ['us'],
      components,
    } as Plan)!
    expect(r.severity).toBe('high')
    expect(r.text).toMatch(/business associate agreement \(BAA\)/)
    expect(r.text).toContain('Railway for App on Railway services (Pro with a committed spend of $1,000 a month')
    expect(r.text).toContain('Postmark do not confirm a BAA, so they must never receive health details')
    expect(r.mitigation).toMatch(/notification emails carry only a link/)
    expect(r.mitigation).toMatch(/Stripe does not sign a BAA/)
  })

  it('HIPAA: open-source auth run by the team is not a vendor to sign with', () => {
    const decisions = defaultStack({ auth: { choice: 'better_auth', name: 'Better Auth' } })
    expect(risk({ compliance: { regimes: ['hipaa'] } }, 'hipaa_vendors', decisions)!.text).not.toContain('Better Auth')
  })

  it('PCI DSS: never touch card data, hosted checkout only (seed 000, payments)', () => {
    const decisions = defaultStack({ payments: { choice: 'stripe', name: 'Stripe' } })
    const r = risk({ compliance: { regimes: ['pci_dss'], payments: 'one_time' } }, 'pci_scope', decisions)!
    expect(r.severity).toBe('medium')
    expect(r.mitigation).toMatch(/only through Stripe's hosted checkout/)
  })

  it.each<[Regime[], Region[], Risk['severity'] | undefined, RegExp]>([
    [['gdpr'], [], 'low', /GDPR \(.*72 hours\)/],
    [['gdpr'], ['eu'], 'medium', /With data residency on top/],
    [['dpdp'], [], 'low', /Data Protection Board/],
    [['ccpa'], [], 'low', /opt-out of sale or sharing/],
    [['gdpr', 'ccpa', 'dpdp'], [], 'low', /GDPR .*, CCPA .* and DPDP/],
    [['hipaa'], [], undefined, /./],
    [['soc2'], [], undefined, /./],
  ])(
    'privacy regimes %j with residency %j → %s: a lower severity unless residency applies',
    (regimes, dataResidency, severity, pattern) => {
      const r = risk({ compliance: { regimes, dataResidency } }, 'privacy_obligations')
      expect(r?.severity).toBe(severity)
      if (r) expect(r.text).toMatch(pattern)
    },
  )

  it('SOC 2 asks for evidence collected over months (low)', () => {
    expect(risk({ compliance: { regimes: ['soc2'] } }, 'soc2_evidence')?.severity).toBe('low')
  })
})

describe('data residency binds every vendor (seed 000: residency is a real signal)', () => {
  it.each<[Region[], Risk['severity'] | undefined]>([
    [[], undefined],
    [['eu'], 'medium'],
    [['eu', 'india'], 'high'],
  ])('%j → %s', (dataResidency, severity) => {
    expect(risk({ compliance: { dataResidency } }, 'data_residency')?.severity).toBe(severity)
  })

  it('names the hosted auth, email and observability vendors from the plan', () => {
    const r = risk({ compliance: { dataResidency: ['eu'] } }, 'data_residency')!
    expect(r.text).toMatch(/^Data must stay in the EU/)
    expect(r.text).toContain('Clerk for sign-in')
    expect(r.text).toContain('Postmark (ActiveCampaign) for email')
    expect(r.text).toContain('Grafana Labs for logs and traces')
  })

  it('names the host and the database even when no hosted service is decided yet', () => {
    const r = risk({ compliance: { dataResidency: ['uk'] } }, 'data_residency', makeDecisions())!
    expect(r.text).toMatch(/Railway for hosting; Neon for the database\.$/)
  })
})

describe('a launch date too close for the scope', () => {
  it('counts a base plus an addition per feature, in engineer-weeks', () => {
    const scope = estimateScope(
      buildAnswers({
        product: { clients: ['web', 'mobile'] },
        compliance: { payments: 'subscriptions' },
        team: { engineers: 3 },
      }),
    )
    expect(scope.parts).toEqual([
      { label: 'one core workflow', engineerWeeks: SCOPE.BASE_ENGINEER_WEEKS },
      { label: 'subscriptions', engineerWeeks: SCOPE.PAYMENTS.subscriptions },
      { label: 'mobile apps', engineerWeeks: SCOPE.CLIENTS.mobile },
    ])
    expect(scope.engineerWeeks).toBe(15)
    expect(scope.effectiveEngineers).toBe(2.2)
    expect(scope.calendarWeeks).toBe(7)
  })

  it.each<[number, number]>([
    [1, 1],
    [2, 1.6],
    [8, 5.2],
    [200, 5.2],
  ])(
    '%d engineers work at the pace of %d: each past the first adds less, and a first release absorbs only so many',
    (engineers, pace) => {
      expect(estimateScope(buildAnswers({ team: { engineers } })).effectiveEngineers).toBe(pace)
    },
  )

  it.each<[string, AnswersPatch, number]>([
    ['enterprise SSO', { compliance: { enterpriseSso: true } }, SCOPE.ENTERPRISE_SSO],
    ['realtime at the core', { product: { realtime: 'core' } }, SCOPE.REALTIME.core],
    ['marketplace payouts', { compliance: { payments: 'marketplace_payouts' } }, SCOPE.PAYMENTS.marketplace_payouts],
    ['HIPAA', { compliance: { regimes: ['hipaa'] } }, SCOPE.REGIMES.hipaa],
    ['a public API', { product: { clients: ['public_api'] } }, SCOPE.CLIENTS.public_api],
    ['two residency regions', { compliance: { dataResidency: ['eu', 'us'] } }, SCOPE.EACH_EXTRA_RESIDENCY_REGION],
  ])('%s adds to the scope', (_, patch, weeks) => {
    const base = estimateScope(buildAnswers()).engineerWeeks
    expect(estimateScope(buildAnswers(patch)).engineerWeeks).toBe(base + weeks)
  })

  const scoped: AnswersPatch = {
    product: { clients: ['web', 'mobile'] },
    compliance: { payments: 'subscriptions' },
    team: { engineers: 3 },
  }
  it.each<[number, Risk['severity'] | undefined]>([
    [3, 'high'],
    [4, 'medium'],
    [6, 'medium'],
    [7, undefined],
    [20, undefined],
  ])('about 7 weeks of scope with %d weeks to launch → %s', (weeksToLaunch, severity) => {
    const r = risk({ ...scoped, budget: { monthlyInfraUsd: 300, weeksToLaunch } }, 'launch_too_close')
    expect(r?.severity).toBe(severity)
  })

  it('explains the estimate and what to cut', () => {
    const r = risk({ ...scoped, budget: { monthlyInfraUsd: 300, weeksToLaunch: 4 } }, 'launch_too_close')!
    expect(r.text).toContain(
      'about 15 engineer-weeks (one core workflow 6, subscriptions 3 and mobile apps 6); 3 engineers work at the pace of about 2.2, so that is roughly 7 weeks against the 4 weeks to launch.',
    )
    expect(r.text).toMatch(/counts 6 engineer-weeks .* as 0.6 of one, up to 8/)
    expect(r.mitigation).toMatch(/mobile apps, 6 engineer-weeks and subscriptions, 3 engineer-weeks/)
  })
})

describe('the team', () => {
  it.each<[number, number, Risk['severity'] | undefined]>([
    [5, 15, undefined],
    [5, 16, 'medium'],
    [20, 30, 'medium'],
  ])(
    '%d engineers growing to %d → %s: separate deploys pay off past about 15 engineers on one service (seed 000)',
    (engineers, engineersIn12Months, severity) => {
      expect(risk({ team: { engineers, engineersIn12Months } }, 'team_outgrows_monolith')?.severity).toBe(severity)
    },
  )

  it.each<[number, Risk['severity'] | undefined]>([
    [1, 'medium'],
    [2, undefined],
  ])('%d engineer(s) → %s: one person is a bus factor of one', (engineers, severity) => {
    expect(risk({ team: { engineers } }, 'single_person')?.severity).toBe(severity)
  })
})

describe('assessRisks', () => {
  const heavy: AnswersPatch = {
    team: { engineers: 1, engineersIn12Months: 20, opsExperience: 'some' },
    compliance: { regimes: ['hipaa', 'gdpr', 'soc2', 'pci_dss'], dataResidency: ['eu'] },
    budget: { monthlyInfraUsd: 10, hosting: 'self_hosted', weeksToLaunch: 2 },
  }

  it('orders risks by severity, high first', () => {
    const list = risks(heavy, defaultStack(), RISING)
    const ranks = list.map((r) => SEVERITIES.indexOf(r.severity))
    expect(ranks).toEqual([...ranks].sort((x, y) => x - y))
    expect(list.map((r) => r.id)).toEqual([
      'budget_below_lean',
      'launch_too_close',
      'hipaa_vendors',
      'self_hosting_without_ops',
      'data_residency',
      'pci_scope',
      'privacy_obligations',
      'team_outgrows_monolith',
      'single_person',
      'soc2_evidence',
    ])
  })

  it('finds nothing to worry about for a small, plain, well-funded plan', () => {
    expect(risks({ budget: { monthlyInfraUsd: 300, weeksToLaunch: 20 } })).toEqual([])
  })

  it('every risk matches the contract and names exactly the answer paths it read', () => {
    const decisions = makeDecisions({ auth: 'clerk', email: 'postmark', payments: 'stripe' })
    const a = buildAnswers(heavy)
    const plan = planOf(a, decisions)
    const checks: ((x: Answers) => Risk | undefined)[] = [
      (x) => budgetBelowLean(x, RISING),
      selfHostingWithoutOps,
      launchTooClose,
      (x) => hipaaVendors(x, decisions, plan),
      (x) => pciScope(x, decisions),
      (x) => privacyObligations(x, decisions, plan),
      soc2Evidence,
      (x) => dataResidency(x, decisions, plan),
      teamOutgrowsMonolith,
      singlePerson,
    ]
    for (const check of checks) {
      const { result, reads } = withReads(a, check)
      const r = RiskSchema.parse(result)
      expect(r.because.flatMap((b) => b.inputs)).toEqual(reads)
      expect(r.because[0].rule).toBe(`risks.${r.id}`)
    }
  })

  it('adds the answers behind the vendor decisions it lists', () => {
    const decisions = makeDecisions({ auth: { choice: 'clerk', inputs: ['team.languages'] } })
    const a = buildAnswers({ compliance: { regimes: ['hipaa'] } })
    const r = hipaaVendors(a, decisions, planOf(a, decisions))!
    expect(r.because[0].inputs).toEqual([
      'team.languages',
      'data.sensitive',
      'compliance.regimes',
      'compliance.markets',
    ])
  })
})

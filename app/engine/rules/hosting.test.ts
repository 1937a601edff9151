import { describe, expect, it } from 'vitest'
import { HEALTH_INPUTS } from '#app/engine/constraints.ts'
import { evaluateTrigger } from '#app/engine/triggers.ts'
import { type AnswersPatch, buildAnswers, SAAS_INPUT } from '#tests/support/answers.ts'
import { decideChecked, reason, ruleIds } from '#tests/support/area-rules.ts'
import { hosting, SPEND_OVER_BUDGET } from './hosting.ts'

const saasAnswers = (patch?: AnswersPatch) => buildAnswers(patch, SAAS_INPUT)

/** Health data and residency are checked against the host's facts, and name a reason only when they move or price it. */
const CHECKED = [
  'data.sensitive',
  'compliance.dataResidency',
  'compliance.regimes',
  'compliance.markets',
  'budget.monthlyInfraUsd',
] as const

describe('hosting', () => {
  const rows: { fact: string; patch: AnswersPatch; choice: string; rules: string[]; mentions: string[] }[] = [
    {
      fact: 'no preference gets a managed platform: nobody debugs servers at 2am (seed 000, managed services)',
      patch: {
        budget: { monthlyInfraUsd: 300, hosting: 'no_preference' },
        team: { engineers: 3, opsExperience: 'none' },
      },
      choice: 'managed_paas',
      rules: ['hosting.managed_paas_default', 'hosting.spend_within_budget'],
      mentions: ['no hosting preference', 'no experience running servers', 'your 3 engineers', '$300 a month'],
    },
    {
      fact: 'a managed platform when chosen (seed 002, buy managed capabilities)',
      patch: { budget: { monthlyInfraUsd: 400, hosting: 'managed_paas', weeksToLaunch: 10 } },
      choice: 'managed_paas',
      rules: ['hosting.managed_paas_requested', 'hosting.spend_within_budget'],
      mentions: ['You chose a managed platform', '10 weeks to launch'],
    },
    {
      fact: 'a cloud provider when chosen, using its managed services (seed 000, managed services wherever possible)',
      patch: { budget: { monthlyInfraUsd: 250, hosting: 'cloud_provider' }, team: { engineers: 4 } },
      choice: 'cloud_provider',
      rules: ['hosting.cloud_provider_requested', 'hosting.spend_within_budget'],
      mentions: ['managed Postgres', 'your 4 engineers'],
    },
    {
      fact: 'own servers when chosen, with the operations work spelled out (seed 002, operational burden)',
      patch: { budget: { monthlyInfraUsd: 30, hosting: 'self_hosted' }, team: { engineers: 1, opsExperience: 'none' } },
      choice: 'self_hosted',
      rules: ['hosting.self_hosted_requested', 'hosting.spend_within_budget'],
      mentions: ['a team of one', 'rehearse a restore'],
    },
    {
      fact: 'HIPAA with no preference: a cloud provider that signs a BAA is the safer default (seed 000, compliance requirement)',
      patch: { budget: { hosting: 'no_preference' }, compliance: { regimes: ['hipaa'] } },
      choice: 'cloud_provider',
      rules: ['hosting.hipaa_prefers_cloud_provider', 'hosting.cloud_managed_services', 'hosting.spend_within_budget'],
      mentions: ['Business Associate Agreement (BAA)', 'safer default'],
    },
    {
      fact: 'HIPAA on a managed platform whose BAA tier is far beyond the budget moves to AWS, with the figures (issue 8)',
      patch: { budget: { hosting: 'managed_paas', monthlyInfraUsd: 60 }, compliance: { regimes: ['hipaa', 'soc2'] } },
      choice: 'cloud_provider',
      rules: ['hosting.baa_tier_out_of_budget', 'hosting.cloud_managed_services', 'hosting.spend_within_budget'],
      mentions: ['committed spend of $1,000 a month', 'your budget of $60 a month', 'AWS signs its BAA'],
    },
    {
      fact: 'HIPAA on a managed platform whose budget carries the BAA tier keeps it, priced at the commitment (issue 8)',
      patch: { budget: { hosting: 'managed_paas', monthlyInfraUsd: 2500 }, compliance: { regimes: ['hipaa'] } },
      choice: 'managed_paas',
      rules: ['hosting.managed_paas_requested', 'hosting.baa_tier_priced', 'hosting.spend_within_budget'],
      mentions: ['committed spend of $1,000 a month', 'the costs price Railway at the commitment'],
    },
    {
      fact: 'data that must stay in India moves a managed platform to AWS in Mumbai (issue 8)',
      patch: { budget: { hosting: 'managed_paas' }, compliance: { dataResidency: ['india'] } },
      choice: 'cloud_provider',
      rules: ['hosting.residency_moves_host', 'hosting.cloud_managed_services', 'hosting.spend_within_budget'],
      mentions: ['runs only in the US, the EU and Singapore', 'ap-south-1'],
    },
    {
      fact: 'HIPAA on a chosen cloud provider: sign its BAA and stay on covered services (seed 000, compliance requirement)',
      patch: { budget: { hosting: 'cloud_provider' }, compliance: { regimes: ['hipaa'] } },
      choice: 'cloud_provider',
      rules: ['hosting.cloud_provider_requested', 'hosting.hipaa_needs_baa', 'hosting.spend_within_budget'],
      mentions: ['BAA', 'covered'],
    },
    {
      fact: 'HIPAA on own servers: the safeguards are yours to prove (seed 000, compliance requirement)',
      patch: {
        budget: { hosting: 'self_hosted' },
        team: { opsExperience: 'dedicated' },
        compliance: { regimes: ['hipaa'] },
      },
      choice: 'self_hosted',
      rules: ['hosting.self_hosted_requested', 'hosting.hipaa_needs_baa', 'hosting.spend_within_budget'],
      mentions: ['dedicated operations people', 'BAA'],
    },
  ]

  for (const { fact, patch, choice, rules, mentions } of rows)
    it(fact, () => {
      const decision = decideChecked(hosting, saasAnswers(patch), CHECKED)
      expect(decision.choice.id).toBe(choice)
      expect(decision.status).toBe('adopt')
      expect(ruleIds(decision)).toEqual(rules)
      expect(decision.revisitWhen).toEqual(['spend_over_budget'])
      const ids = ['managed_paas', 'cloud_provider', 'self_hosted']
      expect(decision.alternatives.map((a) => a.id)).toEqual(ids.filter((id) => id !== choice))
      const text = decision.because.map((b) => b.text).join(' ')
      for (const m of mentions) expect(text).toContain(m)
    })

  it('names exactly the answers each reason read', () => {
    const decision = decideChecked(
      hosting,
      saasAnswers({ budget: { hosting: 'no_preference' }, compliance: { regimes: ['hipaa'] } }),
      CHECKED,
    )
    expect(reason(decision, 'hosting.hipaa_prefers_cloud_provider').inputs).toEqual([
      'budget.hosting',
      ...HEALTH_INPUTS,
    ])
    expect(reason(decision, 'hosting.cloud_managed_services').inputs).toEqual(['team.engineers', 'team.opsExperience'])
    expect(reason(decision, 'hosting.spend_within_budget').inputs).toEqual([
      'budget.monthlyInfraUsd',
      'budget.weeksToLaunch',
    ])
  })

  it('a managed platform ruled out by its BAA tier says why among the alternatives (seed 000, compliance requirement)', () => {
    const decision = decideChecked(
      hosting,
      saasAnswers({ budget: { hosting: 'managed_paas', monthlyInfraUsd: 60 }, compliance: { regimes: ['hipaa'] } }),
      CHECKED,
    )
    expect(decision.choice.vendor).toBe('aws_ec2')
    expect(decision.alternatives.find((a) => a.id === 'managed_paas')?.whyNot).toContain('$1,000 a month')
  })

  it('defines spend_over_budget with the threshold read from the answers (seed 002, cost expectations)', () => {
    expect(hosting.triggers).toEqual([SPEND_OVER_BUDGET])
    expect(SPEND_OVER_BUDGET).toMatchObject({
      id: 'spend_over_budget',
      area: 'hosting',
      metric: 'monthly_infra_usd',
      comparator: '>',
    })
    expect(typeof SPEND_OVER_BUDGET.threshold).toBe('function')
    expect(SPEND_OVER_BUDGET.action).toMatch(/line by line/)
    expect(SPEND_OVER_BUDGET.action).toMatch(/right-size/)
  })

  it.each([
    { spend: 401, status: 'fired' },
    { spend: 400, status: 'approaching' },
    { spend: 200, status: 'ok' },
  ])('spend of $$spend against a $400 budget is $status', ({ spend, status }) => {
    const answers = saasAnswers({ budget: { monthlyInfraUsd: 400 } })
    const trigger = evaluateTrigger(SPEND_OVER_BUDGET, answers, { monthly_infra_usd: spend })
    expect(trigger.threshold).toBe(400)
    expect(trigger.status).toBe(status)
  })
})

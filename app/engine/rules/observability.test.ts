import { describe, expect, it } from 'vitest'
import { type AnswersPatch, buildAnswers, SAAS_INPUT } from '#tests/support/answers.ts'
import { decideChecked, reason, ruleIds } from '#tests/support/area-rules.ts'
import { observability, SMALL_BUDGET_USD } from './observability.ts'

const saasAnswers = (patch?: AnswersPatch) => buildAnswers(patch, SAAS_INPUT)

/** Residency and health data are checked against every tool's facts, and name a reason only when they move the choice. */
const HEALTH_CHECKED = ['compliance.regimes', 'data.sensitive', 'compliance.markets'] as const
const CHECKED = ['compliance.dataResidency', ...HEALTH_CHECKED] as const

describe('observability', () => {
  const paid = ['budget.monthlyInfraUsd', 'product.realtime', 'load.fanOut']
  const rows: {
    fact: string
    patch: AnswersPatch
    choice: string
    rule: string
    inputs: string[]
    mentions: string[]
  }[] = [
    {
      fact: 'a small budget gets the free Grafana stack (seed 000, Grafana + Loki + Prometheus free tier)',
      patch: { budget: { monthlyInfraUsd: 300 } },
      choice: 'grafana_stack',
      rule: 'observability.small_budget_free_tier',
      inputs: ['budget.monthlyInfraUsd'],
      mentions: ['$300 a month', '$1,000'],
    },
    {
      fact: 'just under the line is still a small budget (seed 000, credible free-tier stack)',
      patch: { budget: { monthlyInfraUsd: 999 }, product: { realtime: 'core' } },
      choice: 'grafana_stack',
      rule: 'observability.small_budget_free_tier',
      inputs: ['budget.monthlyInfraUsd'],
      mentions: ['$999 a month'],
    },
    {
      fact: 'with budget and a request/response product, Datadog (seed 000, Datadog if you have budget)',
      patch: { budget: { monthlyInfraUsd: 1000 }, product: { realtime: 'some' }, load: { fanOut: false } },
      choice: 'datadog',
      rule: 'observability.budget_for_managed_tool',
      inputs: paid,
      mentions: ['$1,000 a month'],
    },
    {
      fact: 'with budget and realtime at the core, Honeycomb for trace queries (seed 000, Honeycomb if you have budget)',
      patch: { budget: { monthlyInfraUsd: 2500 }, product: { realtime: 'core' } },
      choice: 'honeycomb',
      rule: 'observability.trace_heavy_product',
      inputs: paid,
      mentions: ['$2,500 a month', 'realtime is at the core'],
    },
    {
      fact: 'with budget and events fanning out, Honeycomb (seed 000, traces across handlers)',
      patch: { budget: { monthlyInfraUsd: 5000 }, load: { fanOut: true } },
      choice: 'honeycomb',
      rule: 'observability.trace_heavy_product',
      inputs: paid,
      mentions: ['fans out to many handlers'],
    },
  ]

  for (const { fact, patch, choice, rule, inputs, mentions } of rows)
    it(fact, () => {
      const decision = decideChecked(observability, saasAnswers(patch), CHECKED)
      expect(decision.choice.id).toBe(choice)
      expect(decision.status).toBe('adopt')
      expect(ruleIds(decision)).toEqual(['observability.from_day_one', rule])
      expect(reason(decision, rule).inputs).toEqual(inputs)
      for (const m of mentions) expect(reason(decision, rule).text).toContain(m)
      const tools = ['grafana_stack', 'datadog', 'honeycomb']
      expect(decision.alternatives.map((a) => a.id)).toEqual(tools.filter((t) => t !== choice))
      expect(decision.guide).toBe('observability')
    })

  it('logs, RED metrics, traces and an error-rate alert from day one, never deferred (seed 001, observability before heroics; seed 004, RED metrics)', () => {
    for (const monthlyInfraUsd of [0, 50_000]) {
      const decision = decideChecked(observability, saasAnswers({ budget: { monthlyInfraUsd } }), CHECKED)
      const baseline = reason(decision, 'observability.from_day_one')
      expect(baseline.inputs).toEqual([])
      for (const part of ['structured', 'rate, errors and duration', 'traces', 'error rate'])
        expect(baseline.text).toContain(part)
      expect(decision.status).toBe('adopt')
    }
  })

  it('data that must stay in India never goes to Honeycomb (issue 8, residency applied to every vendor)', () => {
    for (const monthlyInfraUsd of [300, 2500]) {
      const patch: AnswersPatch = {
        budget: { monthlyInfraUsd },
        product: { realtime: 'core' },
        compliance: { dataResidency: ['india'] },
      }
      const decision = decideChecked(observability, saasAnswers(patch), HEALTH_CHECKED)
      expect(decision.choice.id).not.toBe('honeycomb')
      expect(decision.choice.id).toBe('grafana_self_hosted')
      expect(reason(decision, 'observability.residency').text).toContain('India')
      expect(decision.alternatives.find((x) => x.id === 'honeycomb')?.whyNot).toContain('India')
    }
  })

  it('EU-resident data with a paid budget goes to a tool that confirms an EU region', () => {
    const patch: AnswersPatch = {
      budget: { monthlyInfraUsd: 2500 },
      load: { fanOut: true },
      compliance: { dataResidency: ['eu'] },
    }
    const decision = decideChecked(observability, saasAnswers(patch), HEALTH_CHECKED)
    expect(decision.choice.id).toBe('datadog')
    // What picked the tool it set aside is cited too; that pick's own reason is not given.
    expect(reason(decision, 'observability.residency').inputs).toEqual([
      'compliance.dataResidency',
      'budget.monthlyInfraUsd',
      'product.realtime',
      'load.fanOut',
    ])
    expect(decision.because.map((b) => b.rule)).not.toContain('observability.trace_heavy_product')
  })

  it('draws the small-budget line at $1,000 a month', () => {
    expect(SMALL_BUDGET_USD).toBe(1000)
    expect(observability.triggers).toEqual([])
  })
})

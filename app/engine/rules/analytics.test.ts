import { describe, expect, it } from 'vitest'
import { evaluateTrigger, readingsFromAnswers } from '#app/engine/triggers.ts'
import { type AnswersPatch, buildAnswers, SAAS_INPUT } from '#tests/support/answers.ts'
import { decideChecked, reason, ruleIds } from '#tests/support/area-rules.ts'
import { analytics, WAREHOUSE_FROM_GB, WAREHOUSE_JUSTIFIED } from './analytics.ts'

const saasAnswers = (patch?: AnswersPatch) => buildAnswers(patch, SAAS_INPUT)

describe('analytics', () => {
  const rows: { fact: string; patch: AnswersPatch; rules: string[]; mentions: string[] }[] = [
    {
      fact: 'product analytics from day one, Postgres read tables before a warehouse (seed 002, modern data pipeline)',
      patch: { load: { activeUsersAtLaunch: 300, activeUsersIn12Months: 8000, dataVolumeGbIn12Months: 12 } },
      rules: ['analytics.product_analytics_day_one', 'analytics.database_is_source_of_truth'],
      mentions: ['first 300 users', '12 GB', 'source of truth', 'scheduled transforms'],
    },
    {
      fact: 'just under 100 GB still reports from Postgres (seed 002, transactional database as source of truth)',
      patch: { load: { dataVolumeGbIn12Months: 99 } },
      rules: ['analytics.product_analytics_day_one', 'analytics.database_is_source_of_truth'],
      mentions: ['99 GB'],
    },
    {
      fact: 'at 100 GB the warehouse is planned, not built at launch (seed 002, analytics storage decisions)',
      patch: { load: { dataVolumeGbIn12Months: 600 } },
      rules: ['analytics.product_analytics_day_one', 'analytics.warehouse_within_a_year'],
      mentions: ['600 GB', '100 GB'],
    },
    {
      fact: 'the events tracked follow what the first release must prove (seed 001, ship narrow, learn fast)',
      patch: { product: { summary: 'Clinics stop re-typing intake forms.' } },
      rules: ['analytics.product_analytics_day_one', 'analytics.database_is_source_of_truth'],
      mentions: ['Clinics stop re-typing intake forms.'],
    },
  ]

  for (const { fact, patch, rules, mentions } of rows)
    it(fact, () => {
      const decision = decideChecked(analytics, saasAnswers(patch))
      expect(decision.choice.id).toBe('product_analytics')
      expect(decision.status).toBe('adopt')
      expect(ruleIds(decision)).toEqual(rules)
      expect(decision.revisitWhen).toEqual(['warehouse_justified'])
      expect(decision.alternatives.map((a) => a.id)).toEqual(['data_warehouse', 'no_analytics'])
      const text = decision.because.map((b) => b.text).join(' ')
      for (const m of mentions) expect(text).toContain(m)
    })

  it('names exactly the answers each reason read', () => {
    const decision = decideChecked(analytics, saasAnswers())
    expect(reason(decision, 'analytics.product_analytics_day_one').inputs).toEqual([
      'product.summary',
      'load.activeUsersAtLaunch',
    ])
    expect(reason(decision, 'analytics.database_is_source_of_truth').inputs).toEqual(['load.dataVolumeGbIn12Months'])
  })

  it('defines warehouse_justified at 100 GB with scheduled loads as the step (seed 002, data stack decisions)', () => {
    expect(WAREHOUSE_FROM_GB).toBe(100)
    expect(analytics.triggers).toEqual([WAREHOUSE_JUSTIFIED])
    expect(WAREHOUSE_JUSTIFIED).toMatchObject({
      id: 'warehouse_justified',
      area: 'analytics',
      metric: 'db_size_gb',
      comparator: '>=',
      threshold: 100,
      guide: 'migration-triggers',
    })
    expect(WAREHOUSE_JUSTIFIED.action).toContain('scheduled loads')
    expect(WAREHOUSE_JUSTIFIED.action).toContain('competing with transactional traffic')
    const big = saasAnswers({ load: { dataVolumeGbIn12Months: 100 } })
    expect(evaluateTrigger(WAREHOUSE_JUSTIFIED, big, readingsFromAnswers(big)).status).toBe('fired')
  })
})

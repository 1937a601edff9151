import { describe, expect, it } from 'vitest'
import { ANSWER_PATHS, AnswersSchema } from '#app/engine/answers.ts'
import { METRICS, type Metric } from '#app/engine/brief.ts'
import { ANSWER_PATH_ORDER, describeAnswer, describeThreshold, formatMeasure, metricLabel } from './answer-labels.ts'

const answers = AnswersSchema.parse({
  version: 1,
  product: { name: 'Ledgerly', shape: 'b2b_saas', sellsTo: 'organizations', clients: ['web', 'public_api'] },
  team: { engineers: 2, languages: ['python', 'csharp'] },
  load: { activeUsersAtLaunch: 100, activeUsersIn12Months: 12_500, longestTaskSeconds: 180 },
  data: { kinds: ['relational', 'vectors'] },
  compliance: { regimes: ['soc2'], payments: 'usage_based' },
  budget: { monthlyInfraUsd: 250 },
})

describe('answer labels', () => {
  it('cover every answer path, in the questionnaire order', () => {
    expect(ANSWER_PATH_ORDER).toEqual([...ANSWER_PATHS])
  })

  it('name every metric as the engine does', () => {
    for (const metric of Object.keys(METRICS) as Metric[]) expect(metricLabel(metric)).toBe(METRICS[metric].label)
  })

  it.each([
    ['load.longestTaskSeconds', 'Longest task', '180 s'],
    ['load.activeUsersIn12Months', 'Monthly active users in 12 months', '12,500'],
    ['product.shape', 'Product shape', 'B2B SaaS'],
    ['product.clients', 'Clients', 'Web app and Public API'],
    ['team.languages', 'Languages the team ships in', 'Python and C#'],
    ['compliance.dataResidency', 'Data must stay in', 'No requirement'],
    ['compliance.payments', 'Payments', 'Usage-based billing'],
    ['budget.monthlyInfraUsd', 'Monthly infrastructure budget', '$250'],
    ['load.fanOut', 'One event reaches many handlers', 'No'],
    ['product.summary', 'What the first release must prove', 'Not given'],
  ] as const)('say %s in words', (path, label, value) => {
    expect(describeAnswer(answers, path)).toEqual({ label, value })
  })

  it.each([
    [1, 'regions', '1 region'],
    [2, 'regions', '2 regions'],
    [10_000, 'users', '10,000 users'],
    [70, '%', '70%'],
    [400, 'USD/month', '$400/month'],
    [30, 's', '30 s'],
  ])('measure %s %s as "%s"', (value, unit, text) => {
    expect(formatMeasure(value, unit)).toBe(text)
  })

  it('put a threshold in words', () => {
    expect(describeThreshold('>=', 10_000, 'users')).toBe('at least 10,000 users')
    expect(describeThreshold('>', 30, 's')).toBe('more than 30 s')
  })
})

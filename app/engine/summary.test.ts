import { describe, expect, it } from 'vitest'
import { type AnswersPatch, buildAnswers } from '#tests/support/answers.ts'
import { flat, makeCosts } from '#tests/support/costs.ts'
import { defaultStack, makeDecisions } from '#tests/support/decisions.ts'
import type { Costs, Decision, Risk, Trigger } from './brief.ts'
import { stackLine, summarize } from './summary.ts'

const COSTS = makeCosts({ lean: [...flat(1000).slice(0, 11), 7761], scaled: [...flat(5000).slice(0, 11), 119046] })

function risk(severity: Risk['severity']): Risk {
  return {
    id: `r_${severity}`,
    kind: 'risk',
    severity,
    text: 't',
    mitigation: 'm',
    because: [{ rule: 'risks.x', inputs: [], text: 't' }],
  }
}

function trigger(status: Trigger['status']): Trigger {
  return {
    id: 'team_outgrows_one_service',
    area: 'architecture_style',
    title: 't',
    metric: 'engineers',
    comparator: '>',
    threshold: 15,
    unit: 'engineers',
    alsoRequires: [],
    action: 'a',
    status,
    observed: null,
    observedFrom: null,
    firesInMonth: null,
    guide: 'migration-triggers',
  }
}

function summary(
  patch: AnswersPatch = {},
  decisions: Decision[] = defaultStack(),
  costs: Costs = COSTS,
  risks: Risk[] = [],
  triggers: Trigger[] = [],
) {
  return summarize(buildAnswers(patch), decisions, costs, risks, triggers)
}

const sentences = (text: string) => text.split(/(?<=\.)\s+/)

describe('summarize: one paragraph for someone who never saw the answers (seed 002, the decision brief)', () => {
  it('says what is built: the product name and shape, for whom, through which clients', () => {
    expect(
      summary({
        product: { name: 'Shiftwise', shape: 'b2b_saas', sellsTo: 'organizations', clients: ['mobile', 'web'] },
      }),
    ).toMatch(/^Shiftwise is a B2B SaaS product for organizations, used through the web and mobile apps\. /)
  })

  it.each([
    ['internal_tool', 'an internal tool'],
    ['api_platform', 'an API platform'],
    ['ai_product', 'an AI product'],
    ['marketplace', 'a marketplace'],
    ['iot', 'a connected-device product'],
  ] as const)('%s reads as "%s"', (shape, phrase) => {
    expect(summary({ product: { shape } })).toContain(` is ${phrase} for `)
  })

  it('gives the stack in one line from the decisions, leaving out what does not apply or waits', () => {
    expect(stackLine(defaultStack())).toEqual([
      'Modular monolith',
      'Next.js',
      'Managed platform',
      'Single region',
      'Postgres',
      'Postgres jobs table',
      'Clerk',
      'Postmark',
      'Grafana, Loki and Prometheus',
    ])
    expect(summary()).toContain(
      'The stack: Modular monolith; Next.js; Managed platform; Single region; Postgres; Postgres jobs table; Clerk; Postmark; Grafana, Loki and Prometheus.',
    )
    expect(summary()).not.toContain('Read-through cache')
  })

  it('gives the cost range at month 12, lean to scaled, in dollars from cents (seed 002, 12-month cost bands)', () => {
    expect(summary()).toContain('By month 12 infrastructure costs between $78 a month (lean) and $1,190 (scaled)')
    expect(summary({}, defaultStack(), makeCosts({ lean: flat(2500) }))).toContain('about $25 a month in every band')
  })

  it.each<[Risk[], Trigger[], string]>([
    [[], [], 'No risk is rated high; no migration trigger applies yet.'],
    [
      [risk('high'), risk('medium'), risk('low')],
      [trigger('ok'), trigger('approaching')],
      '1 risk is rated high; at the 12-month figures 1 of 2 migration triggers is approaching and 0 have fired.',
    ],
    [
      [risk('high'), risk('high')],
      [trigger('fired'), trigger('approaching'), trigger('approaching')],
      '2 risks are rated high; at the 12-month figures 2 of 3 migration triggers are approaching and 1 has fired.',
    ],
  ])('counts high risks and triggers approaching or fired (%#)', (risks, triggers, sentence) => {
    expect(summary({}, defaultStack(), COSTS, risks, triggers).endsWith(sentence)).toBe(true)
  })

  it('is three to five sentences on one line, even with a name that has line breaks', () => {
    for (const decisions of [defaultStack(), makeDecisions()]) {
      const text = summary({ product: { name: 'Acme\nlabs' } }, decisions, COSTS, [risk('high')], [trigger('ok')])
      expect(text).not.toMatch(/\n/)
      expect(sentences(text).length).toBeGreaterThanOrEqual(3)
      expect(sentences(text).length).toBeLessThanOrEqual(5)
    }
  })
})

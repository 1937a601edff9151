import { describe, expect, it } from 'vitest'
import { evaluateTrigger, readingsFromAnswers } from '#app/engine/triggers.ts'
import { type AnswersPatch, buildAnswers, SAAS_INPUT } from '#tests/support/answers.ts'
import { decideChecked, reason, ruleIds } from '#tests/support/area-rules.ts'
import { architectureStyle, ENGINEERS_PER_SERVICE_LIMIT, TEAM_OUTGROWS_ONE_SERVICE } from './architecture-style.ts'

const saasAnswers = (patch?: AnswersPatch) => buildAnswers(patch, SAAS_INPUT)

describe('architecture_style', () => {
  const rows: { fact: string; patch: AnswersPatch; rules: string[]; mentions: string[] }[] = [
    {
      fact: 'a small team ships one deployable split into modules (seed 000, default architecture)',
      patch: { team: { engineers: 3, engineersIn12Months: 6, languages: ['typescript'] } },
      rules: ['architecture_style.one_deployable', 'architecture_style.domain_out_of_delivery'],
      mentions: ['your 3 engineers (6 expected in 12 months)'],
    },
    {
      fact: 'exactly 15 engineers on one service is not yet the split point (seed 000, more than fifteen engineers)',
      patch: { team: { engineers: 10, engineersIn12Months: 15, languages: ['go'] } },
      rules: ['architecture_style.one_deployable', 'architecture_style.domain_out_of_delivery'],
      mentions: ['your 10 engineers (15 expected in 12 months)'],
    },
    {
      fact: 'past 15 engineers the team plans its first extraction but still starts as one deployable (seed 000, migration signals)',
      patch: { team: { engineers: 8, engineersIn12Months: 16, languages: ['java'] } },
      rules: [
        'architecture_style.one_deployable',
        'architecture_style.domain_out_of_delivery',
        'architecture_style.team_passes_split_point',
      ],
      mentions: ['16 engineers', 'clearest boundary'],
    },
  ]

  for (const { fact, patch, rules, mentions } of rows)
    it(fact, () => {
      const decision = decideChecked(architectureStyle, saasAnswers(patch))
      expect(decision.choice.id).toBe('modular_monolith')
      expect(decision.status).toBe('adopt')
      expect(ruleIds(decision)).toEqual(rules)
      expect(decision.revisitWhen).toEqual(['team_outgrows_one_service'])
      const text = decision.because.map((b) => b.text).join(' ')
      for (const m of mentions) expect(text).toContain(m)
    })

  it('names exactly the answers each reason read', () => {
    const decision = decideChecked(architectureStyle, saasAnswers({ team: { engineers: 8, engineersIn12Months: 20 } }))
    expect(reason(decision, 'architecture_style.one_deployable').inputs).toEqual([
      'team.engineers',
      'team.engineersIn12Months',
    ])
    expect(reason(decision, 'architecture_style.domain_out_of_delivery').inputs).toEqual([])
    expect(reason(decision, 'architecture_style.team_passes_split_point').inputs).toEqual(['team.engineersIn12Months'])
  })

  it('turns down microservices for these answers (seed 000, microservices before customers)', () => {
    const decision = decideChecked(architectureStyle, saasAnswers({ team: { engineers: 2, languages: ['ruby'] } }))
    expect(decision.alternatives.map((a) => a.id)).toEqual(['extract_services'])
    expect(decision.alternatives[0].whyNot).toContain('2 engineers')
    expect(decision.alternatives[0].whyNot).toContain('15')
  })

  it('defines team_outgrows_one_service: more than 15 engineers on one service, extract one at a time (seed 000, extraction playbook)', () => {
    expect(ENGINEERS_PER_SERVICE_LIMIT).toBe(15)
    expect(architectureStyle.triggers).toEqual([TEAM_OUTGROWS_ONE_SERVICE])
    expect(TEAM_OUTGROWS_ONE_SERVICE).toMatchObject({
      id: 'team_outgrows_one_service',
      area: 'architecture_style',
      metric: 'engineers',
      comparator: '>',
      threshold: 15,
      guide: 'migration-triggers',
    })
    const action = TEAM_OUTGROWS_ONE_SERVICE.action
    for (const step of [
      'one service at a time',
      'clearest boundary',
      'least shared state',
      'feature flag',
      'gradually',
    ])
      expect(action).toContain(step)
    expect(action).toMatch(/never .*rewrite/)
  })

  it.each([
    { engineersIn12Months: 15, status: 'approaching' },
    { engineersIn12Months: 16, status: 'fired' },
    { engineersIn12Months: 6, status: 'ok' },
  ])(
    'the trigger reads the 12-month team size: $engineersIn12Months engineers is $status',
    ({ engineersIn12Months, status }) => {
      const answers = saasAnswers({ team: { engineers: 3, engineersIn12Months } })
      expect(evaluateTrigger(TEAM_OUTGROWS_ONE_SERVICE, answers, readingsFromAnswers(answers)).status).toBe(status)
    },
  )
})

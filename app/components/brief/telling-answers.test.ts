import { describe, expect, it } from 'vitest'
import type { AnswerPath } from '#app/engine/answers.ts'
import { buildAnswers } from '#tests/support/answers.ts'
import { answerReadCounts, tellingAnswers } from './telling-answers.ts'

const EVERYTHING: AnswerPath[] = [
  'product.summary',
  'product.shape',
  'product.sellsTo',
  'team.engineers',
  'team.languages',
  'team.opsExperience',
  'load.activeUsersAtLaunch',
  'load.dataVolumeGbIn12Months',
  'data.kinds',
  'compliance.regimes',
  'compliance.dataResidency',
  'compliance.markets',
  'compliance.identity',
  'compliance.enterpriseSso',
  'compliance.payments',
  'budget.monthlyInfraUsd',
  'budget.hosting',
  'budget.weeksToLaunch',
]

const answers = buildAnswers({ compliance: { regimes: ['gdpr'], dataResidency: ['eu'] } })
const everywhere = answerReadCounts([
  [{ rule: 'a', inputs: EVERYTHING, text: '' }],
  [{ rule: 'b', inputs: ['product.shape', 'team.engineers', 'budget.hosting'], text: '' }],
])

describe('tellingAnswers: a risk card quotes the few answers that matter', () => {
  it('a risk that read eighteen answers shows the three its own words point at', () => {
    const risk = {
      id: 'data_residency',
      text: 'Data must stay in the EU, and that binds every vendor holding user data, not only the database.',
      because: [{ rule: 'risk.data_residency', inputs: EVERYTHING, text: 'Residency applies.' }],
    }
    const picked = tellingAnswers(risk, answers, everywhere)
    expect(picked).toHaveLength(3)
    expect(picked).toContain('compliance.dataResidency')
    // Shown in the order the risk read them, so the card reads like the questionnaire.
    expect(picked).toEqual(EVERYTHING.filter((p) => picked.includes(p)))
  })

  it('a privacy risk names the regime it quotes', () => {
    const risk = {
      id: 'privacy_obligations',
      text: 'Privacy law applies: GDPR (a lawful basis for each use). With data residency on top, where each vendor keeps data matters.',
      because: [{ rule: 'risk.privacy', inputs: EVERYTHING, text: 'GDPR applies.' }],
    }
    const picked = tellingAnswers(risk, answers, everywhere)
    expect(picked).toContain('compliance.regimes')
    expect(picked).toContain('compliance.dataResidency')
  })

  it('is the same every time, and keeps every answer of a risk that read three or fewer', () => {
    const risk = {
      id: 'launch_too_close',
      text: 'The scope adds up to about 27 engineer-weeks against 8 weeks to launch.',
      because: [{ rule: 'risk.launch', inputs: EVERYTHING, text: '' }],
    }
    const once = tellingAnswers(risk, answers, everywhere)
    expect(tellingAnswers(risk, answers, everywhere)).toEqual(once)
    expect(once).toContain('budget.weeksToLaunch')
    const small = { id: 'x', text: '', because: [{ rule: 'r', inputs: ['budget.monthlyInfraUsd' as const], text: '' }] }
    expect(tellingAnswers(small, answers, everywhere)).toEqual(['budget.monthlyInfraUsd'])
  })

  it('with nothing in its words to go on, prefers answers the rest of the brief reads least', () => {
    const risk = { id: 'q', text: 'Something.', because: [{ rule: 'r', inputs: EVERYTHING.slice(0, 5), text: '' }] }
    // product.shape and team.engineers are read by two reasons; the other three by one.
    expect(tellingAnswers(risk, answers, everywhere)).toEqual(['product.summary', 'product.sellsTo', 'team.languages'])
  })
})

import { describe, expect, it } from 'vitest'
import { type AnswersPatch, buildAnswers, SAAS_INPUT } from '#tests/support/answers.ts'
import { decideChecked, reason, ruleIds } from '#tests/support/area-rules.ts'
import { repo } from './repo.ts'

const saasAnswers = (patch?: AnswersPatch) => buildAnswers(patch, SAAS_INPUT)

/** Read to see whether the mobile rule applies, named only when it does. */
const CHECKED_ONLY = ['product.clients'] as const

describe('repo', () => {
  const rows: { fact: string; patch: AnswersPatch; rules: string[]; mentions: string[] }[] = [
    {
      fact: 'one repository for a small team: anything is found in one search (seed 000, default architecture)',
      patch: { team: { engineers: 3, engineersIn12Months: 6, languages: ['typescript'] } },
      rules: ['repo.one_repository'],
      mentions: ['your 3 engineers', 'growing to 6'],
    },
    {
      fact: 'a team of one still keeps one repository (seed 000, default architecture)',
      patch: { team: { engineers: 1, languages: ['php'] } },
      rules: ['repo.one_repository'],
      mentions: ['a team of one writes'],
    },
    {
      fact: 'the mobile app shares the repository so API types cannot drift (seed 001, APIs are contracts)',
      patch: { product: { clients: ['web', 'mobile'] } },
      rules: ['repo.one_repository', 'repo.mobile_beside_server'],
      mentions: ['mobile app'],
    },
    {
      fact: 'past ~15 engineers the repository stays single, with owners per module (seed 000, migration signals)',
      patch: { team: { engineers: 10, engineersIn12Months: 40, languages: ['go'] } },
      rules: ['repo.one_repository', 'repo.code_owners_at_scale'],
      mentions: ['40 engineers'],
    },
  ]

  for (const { fact, patch, rules, mentions } of rows)
    it(fact, () => {
      const decision = decideChecked(repo, saasAnswers(patch), CHECKED_ONLY)
      expect(decision.choice.id).toBe('monorepo')
      expect(decision.status).toBe('adopt')
      expect(ruleIds(decision)).toEqual(rules)
      const text = decision.because.map((b) => b.text).join(' ')
      for (const m of mentions) expect(text).toContain(m)
    })

  it('names exactly the answers each reason read', () => {
    const decision = decideChecked(repo, saasAnswers({ product: { clients: ['web', 'mobile'] } }))
    expect(reason(decision, 'repo.one_repository').inputs).toEqual(['team.engineers', 'team.engineersIn12Months'])
    expect(reason(decision, 'repo.mobile_beside_server').inputs).toEqual(['product.clients'])
  })

  it('considers one repository per service and says why not for this team (seed 000, default architecture)', () => {
    const decision = decideChecked(repo, saasAnswers({ team: { engineers: 4, languages: ['ruby'] } }), CHECKED_ONLY)
    expect(decision.alternatives.map((a) => a.id)).toEqual(['polyrepo'])
    expect(decision.alternatives[0].whyNot).toContain('4 engineers')
    expect(decision.guide).toBe('default-stack')
    expect(repo.triggers).toEqual([])
  })
})

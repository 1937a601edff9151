import { describe, expect, it } from 'vitest'
import { evaluateTrigger, readingsFromAnswers } from '#app/engine/triggers.ts'
import { type AnswersPatch, buildAnswers, SAAS_INPUT } from '#tests/support/answers.ts'
import { decideChecked, ruleIds } from '#tests/support/area-rules.ts'
import { deployRegions, RESIDENCY_NEEDS_SECOND_REGION } from './deploy-regions.ts'

const saasAnswers = (patch?: AnswersPatch) => buildAnswers(patch, SAAS_INPUT)

describe('deploy_regions', () => {
  const rows: {
    fact: string
    patch: AnswersPatch
    choice: string
    rule: string
    inputs: string[]
    mentions: string[]
    revisitWhen: string[]
  }[] = [
    {
      fact: 'no residency rule: one region near the paying users (seed 000, single-region deploy)',
      patch: { compliance: { dataResidency: [], markets: ['us', 'uk'] } },
      choice: 'single_region',
      rule: 'deploy_regions.single_region_default',
      inputs: ['compliance.dataResidency', 'compliance.markets', 'compliance.payments'],
      mentions: ['the US and the UK', 'CDN'],
      revisitWhen: ['residency_needs_second_region'],
    },
    {
      fact: 'users everywhere still get one region and a CDN (seed 000, single-region deploy)',
      patch: { compliance: { markets: ['global'] } },
      choice: 'single_region',
      rule: 'deploy_regions.single_region_default',
      inputs: ['compliance.dataResidency', 'compliance.markets', 'compliance.payments'],
      mentions: ['around the world'],
      revisitWhen: ['residency_needs_second_region'],
    },
    {
      fact: 'one residency region: the single region is placed there (seed 000, data residency)',
      patch: { compliance: { dataResidency: ['india'], markets: ['india'] } },
      choice: 'single_region',
      rule: 'deploy_regions.single_region_in_residency',
      inputs: ['compliance.dataResidency'],
      mentions: ['must stay in India'],
      revisitWhen: ['residency_needs_second_region'],
    },
    {
      fact: 'data bound to two regions needs a deploy in each (seed 000, residency mandates multi-region)',
      patch: { compliance: { dataResidency: ['eu', 'india'], markets: ['eu', 'india'] } },
      choice: 'multi_region',
      rule: 'deploy_regions.residency_requires_regions',
      inputs: ['compliance.dataResidency'],
      mentions: ['the EU and India', '2 regions'],
      revisitWhen: [],
    },
    {
      fact: 'the EU and the UK are separate residency regions (seed 000, residency mandates multi-region)',
      patch: { compliance: { dataResidency: ['eu', 'uk', 'us'] } },
      choice: 'multi_region',
      rule: 'deploy_regions.residency_requires_regions',
      inputs: ['compliance.dataResidency'],
      mentions: ['the US, the EU and the UK', '3 regions'],
      revisitWhen: [],
    },
  ]

  for (const { fact, patch, choice, rule, inputs, mentions, revisitWhen } of rows)
    it(fact, () => {
      const decision = decideChecked(deployRegions, saasAnswers(patch))
      expect(decision.choice.id).toBe(choice)
      expect(decision.status).toBe('adopt')
      expect(ruleIds(decision)).toEqual([rule])
      expect(decision.because[0].inputs).toEqual(inputs)
      for (const m of mentions) expect(decision.because[0].text).toContain(m)
      expect(decision.revisitWhen).toEqual(revisitWhen)
      expect(decision.alternatives.map((a) => a.id)).toEqual([
        choice === 'multi_region' ? 'single_region' : 'multi_region',
      ])
    })

  it('names the residency region in the choice', () => {
    const decision = decideChecked(deployRegions, saasAnswers({ compliance: { dataResidency: ['eu'] } }))
    expect(decision.choice.name).toBe('One region, in the EU')
    expect(decision.title).toBe('Deploy regions')
  })

  it('defines residency_needs_second_region: two or more required regions (seed 000, migration signals)', () => {
    expect(deployRegions.triggers).toEqual([RESIDENCY_NEEDS_SECOND_REGION])
    expect(RESIDENCY_NEEDS_SECOND_REGION).toMatchObject({
      id: 'residency_needs_second_region',
      area: 'deploy_regions',
      metric: 'regions_required',
      comparator: '>=',
      threshold: 2,
      guide: 'migration-triggers',
    })
    const one = saasAnswers({ compliance: { dataResidency: ['us'] } })
    const two = saasAnswers({ compliance: { dataResidency: ['us', 'canada'] } })
    expect(evaluateTrigger(RESIDENCY_NEEDS_SECOND_REGION, one, readingsFromAnswers(one)).status).toBe('ok')
    expect(evaluateTrigger(RESIDENCY_NEEDS_SECOND_REGION, two, readingsFromAnswers(two)).status).toBe('fired')
  })
})

it('with no payments the region sentence speaks of users, not paying users (issue 8)', () => {
  const decision = decideChecked(deployRegions, saasAnswers({ compliance: { payments: 'none', markets: ['eu'] } }))
  expect(decision.because.map((b) => b.text).join(' ')).not.toMatch(/paying/)
})

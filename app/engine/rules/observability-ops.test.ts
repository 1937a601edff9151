import { describe, expect, it } from 'vitest'
import { type AnswersPatch, buildAnswers } from '#tests/support/answers.ts'
import { testCatalog } from '#tests/support/catalog.ts'
import { observability } from './observability.ts'

/**
 * Seed 000 (observability from day one) points teams with money and little
 * appetite for operations at a hosted tool. A team with no operations experience is not
 * handed a log stack to run; residency still binds where the logs live.
 */

const catalog = testCatalog()
const decide = (patch: AnswersPatch) => observability.decide(buildAnswers(patch), catalog)
const euSmallBudget = (opsExperience: 'none' | 'some' | 'dedicated'): AnswersPatch => ({
  team: { opsExperience },
  compliance: { dataResidency: ['eu'], markets: ['eu'] },
  budget: { monthlyInfraUsd: 800 },
})

describe('observability for a team with no operations experience', () => {
  it('chooses a managed tool that keeps logs in the EU instead of a self-hosted Grafana stack', () => {
    const d = decide(euSmallBudget('none'))
    expect(d.choice.id).not.toBe('grafana_self_hosted')
    expect(d.choice.id).toBe('datadog')
    expect(d.because.map((b) => b.text).join(' ')).toMatch(/no operations experience/)
    expect(d.because.flatMap((b) => b.inputs)).toContain('team.opsExperience')
  })

  it('still lets a team with operations experience run the open-source stack on a small budget', () => {
    expect(decide(euSmallBudget('dedicated')).choice.id).toBe('grafana_self_hosted')
  })

  it('keeps the free managed tier when nothing binds where the logs live', () => {
    expect(decide({ team: { opsExperience: 'none' }, budget: { monthlyInfraUsd: 100 } }).choice.id).toBe(
      'grafana_stack',
    )
  })

  it('says plainly why a team with no operations experience runs its own stack when no hosted tool confirms the region', () => {
    const d = decide({
      team: { opsExperience: 'none' },
      compliance: { dataResidency: ['india'], markets: ['india'] },
      budget: { monthlyInfraUsd: 800 },
    })
    expect(d.choice.id).toBe('grafana_self_hosted')
    expect(d.because.map((b) => b.text).join(' ')).toMatch(/no operations experience/)
  })
})

import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { AnswersSchema } from '#app/engine/answers.ts'
import { answersV2Arb } from '#tests/support/arbitrary-answers.ts'

describe('random valid Answers v2', () => {
  it('every generated value passes AnswersSchema.parse', () => {
    fc.assert(
      fc.property(answersV2Arb, (input) => {
        expect(AnswersSchema.safeParse(input).error?.issues ?? []).toEqual([])
      }),
      { numRuns: 1000, seed: 20_261_203 },
    )
  })

  it('reaches the version 2 fields the plan reads', () => {
    const samples = fc
      .sample(answersV2Arb, { numRuns: 500, seed: 20_261_203 })
      .map((input) => AnswersSchema.parse(input))
    const some = (test: (a: (typeof samples)[number]) => boolean) => samples.some(test)
    expect(some((a) => a.data.sensitive.includes('health'))).toBe(true)
    expect(some((a) => a.compliance.regimes.includes('rbi'))).toBe(true)
    expect(some((a) => a.compliance.regimes.includes('pci_dss'))).toBe(true)
    expect(some((a) => a.compliance.dataResidency.includes('eu'))).toBe(true)
    expect(some((a) => a.team.languages.length > 1 && a.team.languages[0] !== 'typescript')).toBe(true)
    expect(some((a) => a.ai !== undefined && a.operations !== undefined)).toBe(true)
    expect(some((a) => a.load.ingestEventsPerSecond !== undefined && a.data.vectorDimensions !== undefined)).toBe(true)
    expect(some((a) => a.budget.monthlyInfraUsd === 0)).toBe(true)
    expect(some((a) => a.load.activeUsersIn12Months >= 1_000_000)).toBe(true)
  })
})

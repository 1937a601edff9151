import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { AnswersSchema } from '#app/engine/answers.ts'
import { AREAS, BANDS, type Brief, BriefSchema } from '#app/engine/brief.ts'
import { generateBrief } from '#app/engine/generate.ts'
import { answersInputArb, PROPERTY_RUNS } from '#tests/support/arbitraries.ts'
import { testCatalog } from '#tests/support/catalog.ts'

/**
 * Engine-wide properties over random valid answers. Seeded (PROPERTY_RUNS), so
 * a failure names a counterexample that reproduces on every machine.
 */

const catalog = testCatalog()

function briefFor(input: unknown): Brief {
  return generateBrief(AnswersSchema.parse(input), catalog)
}

describe('engine properties over random valid answers', () => {
  it('AnswersSchema accepts every generated input', () => {
    fc.assert(
      fc.property(answersInputArb, (input) => {
        const result = AnswersSchema.safeParse(input)
        expect(result.error?.issues ?? []).toEqual([])
      }),
      PROPERTY_RUNS,
    )
  })

  it('generateBrief never throws and its output passes BriefSchema', () => {
    fc.assert(
      fc.property(answersInputArb, (input) => {
        const parsed = BriefSchema.safeParse(briefFor(input))
        expect(parsed.error?.issues ?? []).toEqual([])
      }),
      PROPERTY_RUNS,
    )
  })

  it('lists every area exactly once, in order', () => {
    fc.assert(
      fc.property(answersInputArb, (input) => {
        expect(briefFor(input).decisions.map((d) => d.area)).toEqual([...AREAS])
      }),
      PROPERTY_RUNS,
    )
  })

  it('every trigger a decision or a deferral refers to is in brief.triggers', () => {
    fc.assert(
      fc.property(answersInputArb, (input) => {
        const brief = briefFor(input)
        const defined = new Set(brief.triggers.map((t) => t.id))
        const referenced = [...brief.decisions.flatMap((d) => d.revisitWhen), ...brief.deferred.map((d) => d.until)]
        expect(referenced.filter((id) => !defined.has(id))).toEqual([])
      }),
      PROPERTY_RUNS,
    )
  })

  it('lean <= moderate <= scaled in every month', () => {
    fc.assert(
      fc.property(answersInputArb, (input) => {
        const { bands } = briefFor(input).costs
        for (let month = 0; month < 12; month++) {
          const [lean, moderate, scaled] = BANDS.map((b) => bands[b].monthly[month])
          expect(lean).toBeLessThanOrEqual(moderate)
          expect(moderate).toBeLessThanOrEqual(scaled)
        }
      }),
      PROPERTY_RUNS,
    )
  })

  it('is deterministic: two runs serialise to the same bytes', () => {
    fc.assert(
      fc.property(answersInputArb, (input) => {
        expect(JSON.stringify(briefFor(structuredClone(input)))).toBe(JSON.stringify(briefFor(input)))
      }),
      PROPERTY_RUNS,
    )
  })

  it('every reason of a day-one item, deferral or risk is one sentence', () => {
    fc.assert(
      fc.property(answersInputArb, (input) => {
        const brief = briefFor(input)
        const reasons = [...brief.dayOne, ...brief.deferred, ...brief.risks].flatMap((x) =>
          x.because.map((b) => b.text),
        )
        expect(reasons.filter((t) => !t.endsWith('.') || /[.!?]\s+[A-Z]/.test(t.slice(0, -1)))).toEqual([])
      }),
      PROPERTY_RUNS,
    )
  })

  it('never defers a day-one item, and lists each deferral and risk once', () => {
    fc.assert(
      fc.property(answersInputArb, (input) => {
        const brief = briefFor(input)
        const dayOne = brief.dayOne.map((d) => d.id)
        expect(dayOne).toEqual(expect.arrayContaining(['data_model', 'identity_model', 'idempotency', 'observability']))
        expect(brief.deferred.filter((d) => dayOne.includes(d.id))).toEqual([])
        expect(new Set(brief.deferred.map((d) => d.id)).size).toBe(brief.deferred.length)
        expect(new Set(brief.risks.map((r) => r.id)).size).toBe(brief.risks.length)
        expect(brief.handoff.length).toBeGreaterThanOrEqual(5)
      }),
      PROPERTY_RUNS,
    )
  })
})

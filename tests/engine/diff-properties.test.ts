import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { type AnswersInput, AnswersSchema } from '#app/engine/answers.ts'
import {
  type BriefDiff,
  BriefDiffSchema,
  type DiffSide,
  diffBriefs,
  isEmpty,
  mirrorTriggerChange,
  type RiskChange,
} from '#app/engine/diff.ts'
import { generateBrief } from '#app/engine/generate.ts'
import { describeAnswer } from '#app/vocabulary/answer-labels.ts'
import { answersInputArb, PROPERTY_RUNS } from '#tests/support/arbitraries.ts'
import { testCatalog } from '#tests/support/catalog.ts'

/**
 * Properties of the diff over random valid answers: a revision against itself
 * is empty, B against A mirrors A against B, and no pair makes it throw.
 */

const catalog = testCatalog()
const SECTIONS = ['product', 'team', 'load', 'data', 'compliance', 'budget'] as const

function side(input: AnswersInput): DiffSide {
  const answers = AnswersSchema.parse(input)
  return { answers, brief: generateBrief(answers, catalog) }
}

/** Two answers that share all but a few sections, so most pairs differ in a handful of places. */
const nearbyPairArb = fc
  .tuple(answersInputArb, answersInputArb, fc.subarray([...SECTIONS], { minLength: 1, maxLength: 2 }))
  .map(([a, b, swap]) => {
    const next: Record<string, unknown> = { ...a }
    for (const s of swap) next[s] = b[s]
    return [a, next as AnswersInput] as const
  })

const pairArb = fc.oneof(nearbyPairArb, fc.tuple(answersInputArb, answersInputArb))

const swap = <T>(c: { before: T; after: T } | null) => (c ? { before: c.after, after: c.before } : null)
const RISK_MIRROR: Record<RiskChange['change'], RiskChange['change']> = {
  added: 'removed',
  removed: 'added',
  severity: 'severity',
}

/** What A→B should look like from B's side: before and after swapped, added ↔ removed, fired ↔ cleared, deltas negated. */
function mirror(d: BriefDiff): BriefDiff {
  return {
    from: d.to,
    to: d.from,
    title: swap(d.title),
    versions: {
      engine: swap(d.versions.engine),
      catalog: swap(d.versions.catalog),
      pricesAsOf: swap(d.versions.pricesAsOf),
    },
    answersCompared: d.answersCompared,
    answers: d.answers.map((a) => ({
      ...a,
      before: a.after,
      after: a.before,
      beforeText: a.afterText,
      afterText: a.beforeText,
      text: `${a.label}: ${a.afterText} → ${a.beforeText}`,
    })),
    decisions: d.decisions.map((x) => ({ ...x, before: x.after, after: x.before })),
    triggers: d.triggers.map((t) => ({
      ...t,
      change: mirrorTriggerChange(t.change),
      before: t.after,
      after: t.before,
    })),
    risks: d.risks.map((r) => ({ ...r, change: RISK_MIRROR[r.change], before: r.after, after: r.before })),
    costs: d.costs.map((c) => ({
      ...c,
      before: c.after,
      after: c.before,
      monthly: c.monthly.map((x) => 0 - x),
      total12Months: 0 - c.total12Months,
    })),
  }
}

describe('diff properties over random valid answers', () => {
  it('a revision diffed with itself is empty', () => {
    fc.assert(
      fc.property(answersInputArb, (input) => {
        const s = side(input)
        const d = diffBriefs(s, s, { describeAnswer })
        expect(d.answers).toEqual([])
        expect(isEmpty(d)).toBe(true)
      }),
      PROPERTY_RUNS,
    )
  })

  it('B → A mirrors A → B', () => {
    fc.assert(
      fc.property(pairArb, ([x, y]) => {
        const a = side(x)
        const b = side(y)
        expect(diffBriefs(b, a, { describeAnswer })).toEqual(mirror(diffBriefs(a, b, { describeAnswer })))
      }),
      PROPERTY_RUNS,
    )
  })

  it('never throws, passes BriefDiffSchema, and is empty only when nothing in the briefs or answers moved', () => {
    fc.assert(
      fc.property(pairArb, fc.boolean(), ([x, y], dropAnswers) => {
        const a = side(x)
        const b = side(y)
        const from = dropAnswers ? { answers: null, brief: a.brief } : a
        const d = BriefDiffSchema.parse(diffBriefs(from, b, { describeAnswer }))
        expect(d.answersCompared).toBe(!dropAnswers)
        if (isEmpty(d)) {
          expect(JSON.stringify(a.brief.decisions.map((s) => [s.choice, s.status]))).toBe(
            JSON.stringify(b.brief.decisions.map((s) => [s.choice, s.status])),
          )
          expect(a.brief.costs.bands).toEqual(b.brief.costs.bands)
          if (!dropAnswers) expect(a.answers).toEqual(b.answers)
        }
      }),
      PROPERTY_RUNS,
    )
  })

  it('is deterministic: the same pair gives the same bytes', () => {
    fc.assert(
      fc.property(nearbyPairArb, ([x, y]) => {
        const a = side(x)
        const b = side(y)
        expect(JSON.stringify(diffBriefs(a, b))).toBe(JSON.stringify(diffBriefs(a, b)))
      }),
      { ...PROPERTY_RUNS, numRuns: 50 },
    )
  })
})

import { expect } from 'vitest'
import { ANSWER_PATHS, type AnswerPath, type Answers, type AnswersInput, AnswersSchema } from '#app/engine/answers.ts'
import { type Decision, DecisionSchema } from '#app/engine/brief.ts'
import { testCatalog } from '#tests/support/catalog.ts'
import type { AreaRules } from './types.ts'

const CATALOG = testCatalog()

/**
 * Test helpers for the data areas (database, time-series, vectors, documents,
 * search) and the database rationale: one plain relational product, and each
 * row overrides only the fields its rule reads. Parsed through AnswersSchema
 * so defaults and list order are exactly what the engine sees.
 */

type Section<K extends keyof AnswersInput> = Partial<NonNullable<AnswersInput[K]>>

export interface DataAnswersOverrides {
  product?: Section<'product'>
  team?: Section<'team'>
  load?: Section<'load'>
  data?: Section<'data'>
  compliance?: Section<'compliance'>
  budget?: Section<'budget'>
}

/** The baseline: three TypeScript engineers, relational data only, a managed platform. */
export const BASE_DATA_ANSWERS = {
  version: 2,
  product: { name: 'Test product', shape: 'b2b_saas', sellsTo: 'organizations', clients: ['web'], realtime: 'none' },
  team: { engineers: 3, languages: ['typescript'], opsExperience: 'none' },
  load: {
    activeUsersAtLaunch: 100,
    activeUsersIn12Months: 2000,
    readWriteProfile: 'read_heavy',
    dataVolumeGbIn12Months: 5,
  },
  data: { kinds: ['relational'] },
  compliance: { regimes: [], dataResidency: [], markets: ['us'], payments: 'none' },
  budget: { monthlyInfraUsd: 200, hosting: 'managed_paas' },
} as const satisfies AnswersInput

export function dataAnswers(over: DataAnswersOverrides = {}): Answers {
  return AnswersSchema.parse({
    version: 2,
    product: { ...BASE_DATA_ANSWERS.product, ...over.product },
    team: { ...BASE_DATA_ANSWERS.team, ...over.team },
    load: { ...BASE_DATA_ANSWERS.load, ...over.load },
    data: { ...BASE_DATA_ANSWERS.data, ...over.data },
    compliance: { ...BASE_DATA_ANSWERS.compliance, ...over.compliance },
    budget: { ...BASE_DATA_ANSWERS.budget, ...over.budget },
  })
}

const KNOWN_PATHS = new Set<string>(ANSWER_PATHS)

/** Wraps answers so every leaf that is touched is recorded as an answer path. */
export function recordReads(answers: Answers): { answers: Answers; reads: Set<AnswerPath> } {
  const reads = new Set<AnswerPath>()
  const tracked = new Proxy(answers, {
    get(target, section, receiver) {
      const group = Reflect.get(target, section, receiver)
      if (typeof section !== 'string' || typeof group !== 'object' || group === null) return group
      return new Proxy(group, {
        get(inner, field, innerReceiver) {
          const path = `${section}.${String(field)}`
          if (KNOWN_PATHS.has(path)) reads.add(path as AnswerPath)
          return Reflect.get(inner, field, innerReceiver)
        },
      })
    },
  })
  return { answers: tracked, reads }
}

/**
 * Decides and checks what every data decision owes its reader: the Brief
 * contract, its own area, rule ids prefixed with the area, revisit triggers the
 * module defines, and reasons naming exactly the answer paths that were read.
 */
export function decideData(rules: AreaRules, answers: Answers): Decision {
  const { answers: tracked, reads } = recordReads(answers)
  const decision = DecisionSchema.parse(rules.decide(tracked, CATALOG))
  expect(decision.area).toBe(rules.area)
  for (const reason of decision.because) expect(reason.rule.startsWith(`${rules.area}.`)).toBe(true)
  const named = new Set(decision.because.flatMap((b) => b.inputs))
  expect([...named].sort()).toEqual([...reads].sort())
  const own = new Set(rules.triggers.map((t) => t.id))
  for (const id of decision.revisitWhen) expect(own.has(id)).toBe(true)
  const alternativeIds = decision.alternatives.map((alt) => alt.id)
  expect(alternativeIds).not.toContain(decision.choice.id)
  expect(new Set(alternativeIds).size).toBe(alternativeIds.length)
  expect(JSON.stringify(rules.decide(answers, CATALOG))).toBe(JSON.stringify(decision))
  return decision
}

/** The reason with the given rule id; fails with the ids that did fire. */
export function reasonOf(decision: Decision, rule: string) {
  const found = decision.because.find((b) => b.rule === rule)
  if (!found) throw new Error(`rule ${rule} did not fire; fired: ${decision.because.map((b) => b.rule).join(', ')}`)
  return found
}

/** The alternative with the given id; fails with the ids that were listed. */
export function alternativeOf(decision: Decision, id: string) {
  const found = decision.alternatives.find((alt) => alt.id === id)
  if (!found) throw new Error(`alternative ${id} missing; listed: ${decision.alternatives.map((a) => a.id).join(', ')}`)
  return found
}

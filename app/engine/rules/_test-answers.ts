import { expect } from 'vitest'
import { ANSWER_PATHS, type AnswerPath, type Answers, type AnswersInput, AnswersSchema } from '#app/engine/answers.ts'
import { type Decision, DecisionSchema } from '#app/engine/brief.ts'
import { testCatalog } from '#tests/support/catalog.ts'
import type { AreaRules } from './types.ts'

const CATALOG = testCatalog()

/**
 * Test helpers for the stack-shape rule modules: a small answers builder and
 * a check that a decision names exactly the answers it read.
 */

type Section = Exclude<keyof AnswersInput, 'version'>
export type AnswersPatch = { [K in Section]?: Partial<NonNullable<AnswersInput[K]>> }

const BASE = {
  product: { name: 'Test product', shape: 'b2b_saas', sellsTo: 'individuals' },
  team: { engineers: 3, languages: ['typescript'] },
  load: { activeUsersAtLaunch: 100, activeUsersIn12Months: 2000 },
  data: {},
  compliance: {},
  budget: { monthlyInfraUsd: 300 },
} satisfies AnswersPatch

/** A small, valid set of answers with the patch laid over each section. */
export function buildAnswers(patch: AnswersPatch = {}): Answers {
  return AnswersSchema.parse({
    version: 2,
    product: { ...BASE.product, ...patch.product },
    team: { ...BASE.team, ...patch.team },
    load: { ...BASE.load, ...patch.load },
    data: { ...BASE.data, ...patch.data },
    compliance: { ...BASE.compliance, ...patch.compliance },
    budget: { ...BASE.budget, ...patch.budget },
  })
}

const KNOWN_PATHS = new Set<string>(ANSWER_PATHS)

/** Wraps answers so every leaf a rule touches is recorded as an answer path. */
export function trackReads(answers: Answers): { answers: Answers; reads: Set<AnswerPath> } {
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
 * Runs a module's decide on the answers and checks what every decision owes
 * its reader: it matches the Brief contract, belongs to the module's area,
 * its rule ids are prefixed with the area, every answer path a reason names
 * was really read, and every path read is named by some reason, except the
 * `checkedOnly` paths: conditions of rules that did not fire this time.
 */
export function decideChecked(rules: AreaRules, answers: Answers, checkedOnly: readonly AnswerPath[] = []): Decision {
  const { answers: tracked, reads } = trackReads(answers)
  const decision = DecisionSchema.parse(rules.decide(tracked, CATALOG))
  expect(decision.area).toBe(rules.area)
  for (const reason of decision.because) expect(reason.rule.startsWith(`${rules.area}.`)).toBe(true)
  const named = new Set(decision.because.flatMap((b) => b.inputs))
  expect([...named].filter((path) => !reads.has(path))).toEqual([])
  expect([...reads].filter((path) => !named.has(path) && !checkedOnly.includes(path))).toEqual([])
  expect(JSON.stringify(rules.decide(answers, CATALOG))).toBe(JSON.stringify(decision))
  const alternativeIds = decision.alternatives.map((alt) => alt.id)
  expect(alternativeIds).not.toContain(decision.choice.id)
  expect(new Set(alternativeIds).size).toBe(alternativeIds.length)
  return decision
}

/** The rule ids of a decision's reasons, in order. */
export const ruleIds = (decision: Decision) => decision.because.map((b) => b.rule)

/** The reason with the given rule id; fails the test when the rule did not fire. */
export function reason(decision: Decision, rule: string) {
  const found = decision.because.find((b) => b.rule === rule)
  if (!found) throw new Error(`rule ${rule} did not fire; fired: ${ruleIds(decision).join(', ')}`)
  return found
}

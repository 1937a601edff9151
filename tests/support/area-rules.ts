import { expect } from 'vitest'
import type { AnswerPath, Answers } from '#app/engine/answers.ts'
import { type Decision, DecisionSchema } from '#app/engine/brief.ts'
import type { AreaRules } from '#app/engine/rules/types.ts'
import { trackReads } from './answers.ts'
import { testCatalog } from './catalog.ts'

const CATALOG = testCatalog()

/**
 * Runs an area module's decide on the answers and checks what every decision
 * owes its reader: it matches the Brief contract, belongs to the module's
 * area, its rule ids are prefixed with the area, its revisit triggers are the
 * module's own, its alternatives are distinct and exclude the choice, the same
 * answers decide the same way, every answer path a reason names was really
 * read, and every path read is named by some reason, except the `checkedOnly`
 * paths: conditions of rules that did not fire this time.
 */
export function decideChecked(rules: AreaRules, answers: Answers, checkedOnly: readonly AnswerPath[] = []): Decision {
  const { answers: tracked, reads } = trackReads(answers)
  const decision = DecisionSchema.parse(rules.decide(tracked, CATALOG))
  expect(decision.area).toBe(rules.area)
  for (const reason of decision.because) expect(reason.rule.startsWith(`${rules.area}.`)).toBe(true)
  const own = new Set(rules.triggers.map((t) => t.id))
  expect(decision.revisitWhen.filter((id) => !own.has(id))).toEqual([])
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

/** The reason with the given rule id; fails with the ids that did fire. */
export function reason(decision: Decision, rule: string) {
  const found = decision.because.find((b) => b.rule === rule)
  if (!found) throw new Error(`rule ${rule} did not fire; fired: ${ruleIds(decision).join(', ')}`)
  return found
}

/** The alternative with the given id; fails with the ids that were listed. */
export function alternative(decision: Decision, id: string) {
  const found = decision.alternatives.find((alt) => alt.id === id)
  if (!found) throw new Error(`alternative ${id} missing; listed: ${decision.alternatives.map((a) => a.id).join(', ')}`)
  return found
}

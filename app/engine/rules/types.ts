import type { AnswerPath, Answers } from '#app/engine/answers.ts'
import type { Area, Because, Comparator, Condition, Decision, Metric } from '#app/engine/brief.ts'
import type { Catalog } from '#app/engine/catalog.ts'

/** A measurable condition that reopens a decision, and the step to take when it holds. */
export interface TriggerDef {
  id: string
  area: Area
  title: string
  metric: Metric
  comparator: Comparator
  /** A fixed threshold, or one read from the answers (for example the stated budget). */
  threshold: number | ((answers: Answers) => number)
  alsoRequires?: readonly Omit<Condition, 'unit'>[]
  action: string
  guide: string
}

/** Everything the engine knows about one decision area: how it decides and what reopens it. */
export interface AreaRules {
  area: Area
  /** Decides from the answers; the catalog holds the vendor facts (regions, agreements) and prices candidates are checked against. */
  decide(answers: Answers, catalog: Catalog): Decision
  triggers: readonly TriggerDef[]
}

/** One entry of a `because` list: the rule that fired, the answers it read, one sentence. */
export function because(rule: string, inputs: readonly AnswerPath[], text: string): Because {
  return { rule, inputs: [...inputs], text }
}

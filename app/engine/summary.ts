import type { Answers } from './answers'
import type { Costs, Decision, Risk, Trigger } from './brief'

// PLACEHOLDER: replaced by the real summary.
export function summarize(
  a: Answers,
  _decisions: readonly Decision[],
  _costs: Costs,
  _risks: readonly Risk[],
  _triggers: readonly Trigger[],
): string {
  return `Brief for ${a.product.name}.`
}

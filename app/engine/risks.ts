import type { Answers } from './answers'
import type { Costs, Decision, Risk } from './brief'

// PLACEHOLDER: replaced by the risk rules.
export function assessRisks(_a: Answers, _decisions: readonly Decision[], _costs: Costs): Risk[] {
  return []
}

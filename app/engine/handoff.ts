import type { Answers } from './answers'
import type { DayOneItem, Decision } from './brief'

// PLACEHOLDER: replaced by the handoff steps.
export function writeHandoff(_a: Answers, _decisions: readonly Decision[], _dayOne: readonly DayOneItem[]): string[] {
  return []
}

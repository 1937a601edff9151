import type { Answers } from './answers'
import type { DayOneItem } from './brief'

// PLACEHOLDER: replaced by the day-one rules.
export function planDayOne(_a: Answers): DayOneItem[] {
  return []
}

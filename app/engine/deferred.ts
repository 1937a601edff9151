import type { Answers } from './answers'
import type { Decision, DeferredItem } from './brief'

// PLACEHOLDER: replaced by the deferral rules.
export function listDeferred(_a: Answers, _decisions: readonly Decision[]): DeferredItem[] {
  return []
}

import type { Answers } from './answers'
import type { DatabaseRationale, Decision } from './brief'

// PLACEHOLDER: replaced by the five-criteria scoring.
export function rateDatabases(_a: Answers, _decisions: readonly Decision[]): DatabaseRationale {
  return { chosen: 'postgres', criteria: [], options: [], because: [] }
}

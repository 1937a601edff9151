import { describeValue, problem } from '#app/lib/problems.ts'
import { InvalidInputError } from './errors.server.ts'

/** How many items a page of a list holds unless asked, and at most. */
export const LIST_LIMIT_DEFAULT = 20
export const LIST_LIMIT_MAX = 100
export const SEARCH_MAX_LENGTH = 200

/** The page size asked for, or `fallback`; InvalidInputError unless a whole number from 1 to `max`. */
export function checkLimit(limit: number | undefined, fallback = LIST_LIMIT_DEFAULT, max = LIST_LIMIT_MAX): number {
  if (limit === undefined) return fallback
  if (!Number.isInteger(limit) || limit < 1 || limit > max) {
    throw new InvalidInputError([problem('limit', `a whole number from 1 to ${max}`, describeValue(limit))])
  }
  return limit
}

/** The search text trimmed; InvalidInputError when longer than SEARCH_MAX_LENGTH. */
export function checkSearch(search: string | undefined): string {
  const text = search?.trim() ?? ''
  if (text.length > SEARCH_MAX_LENGTH) {
    throw new InvalidInputError([
      problem('search', `text of at most ${SEARCH_MAX_LENGTH} characters`, `${text.length} characters`),
    ])
  }
  return text
}

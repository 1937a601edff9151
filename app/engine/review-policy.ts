/**
 * When a brief is due for review: on the date someone chose, or else
 * REVIEW_AFTER_DAYS after its latest revision. A decision record's "review by"
 * date follows the same policy. Pure: today is passed in, as YYYY-MM-DD in UTC.
 */

export const REVIEW_AFTER_DAYS = 90

export interface ReviewDate {
  /** YYYY-MM-DD: the date chosen, or REVIEW_AFTER_DAYS after the latest revision. */
  reviewBy: string
  /** True when someone chose the date; false when it is the default. */
  reviewBySet: boolean
  /** The review date has passed (today, in UTC, is after it). */
  overdue: boolean
}

/** The default review date of a revision made on `day` (YYYY-MM-DD). */
export function defaultReviewBy(day: string): string {
  return addDays(day, REVIEW_AFTER_DAYS)
}

/** The review date and whether it has passed, from the date chosen (or null) and the latest revision's time. */
export function reviewDate(chosen: string | null, latestRevisionAt: string, today: string): ReviewDate {
  const reviewBy = chosen ?? defaultReviewBy(latestRevisionAt.slice(0, 10))
  return { reviewBy, reviewBySet: chosen !== null, overdue: today > reviewBy }
}

/**
 * The last day whose revisions are overdue by default today: a default review date is before `today`
 * exactly when its revision is dated before the day this returns.
 */
export function defaultOverdueIfRevisedBefore(today: string): string {
  return addDays(today, -REVIEW_AFTER_DAYS)
}

/** `day` (YYYY-MM-DD) moved by `days`, in the UTC calendar. */
export function addDays(day: string, days: number): string {
  const [y, m, d] = day.split('-').map(Number)
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10)
}

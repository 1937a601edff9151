import { describe, expect, it } from 'vitest'
import { addDays, defaultOverdueIfRevisedBefore, REVIEW_AFTER_DAYS, reviewDate } from './review-policy.ts'

describe('review policy', () => {
  it('is due 90 days after the latest revision unless a date was chosen', () => {
    expect(REVIEW_AFTER_DAYS).toBe(90)
    expect(reviewDate(null, '2026-01-01T09:30:00.000Z', '2026-04-01')).toEqual({
      reviewBy: '2026-04-01',
      reviewBySet: false,
      overdue: false,
    })
    expect(reviewDate(null, '2026-01-01T09:30:00.000Z', '2026-04-02').overdue).toBe(true)
    expect(reviewDate('2026-02-01', '2026-01-01T09:30:00.000Z', '2026-01-15')).toEqual({
      reviewBy: '2026-02-01',
      reviewBySet: true,
      overdue: false,
    })
  })

  it('names the day before which a revision is overdue by default, matching reviewDate', () => {
    const today = '2026-04-02'
    const cutoff = defaultOverdueIfRevisedBefore(today)
    expect(cutoff).toBe('2026-01-02')
    expect(reviewDate(null, `${addDays(cutoff, -1)}T23:59:59.000Z`, today).overdue).toBe(true)
    expect(reviewDate(null, `${cutoff}T00:00:00.000Z`, today).overdue).toBe(false)
  })

  it('moves days in the UTC calendar across months, leap days and years', () => {
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29')
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01')
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28')
  })
})

import { describe, expect, it } from 'vitest'
import { parseStep } from './schemas.ts'

describe('number fields read what a person meant, and refuse what is ambiguous', () => {
  const load = (activeUsersIn12Months: string) =>
    parseStep('load', { activeUsersAtLaunch: '100', activeUsersIn12Months }).submission

  it('reads "12,000" and "12 000" as twelve thousand', () => {
    for (const typed of ['12,000', '12 000']) {
      const submission = load(typed)
      if (submission.status !== 'success') throw new Error(`expected ${typed} to be read`)
      expect(submission.value.activeUsersIn12Months).toBe(12_000)
    }
  })

  it('refuses "12.000" with a message instead of reading 12 (issue 8, a German 12.000 read as 12)', () => {
    const submission = load('12.000')
    if (submission.status === 'success') throw new Error('expected 12.000 to be refused')
    expect(Object.keys(submission.error ?? {})).toContain('activeUsersIn12Months')
  })

  it('still reads a decimal such as "12.5"', () => {
    const submission = parseStep('load', {
      activeUsersAtLaunch: '100',
      activeUsersIn12Months: '1000',
      peakRequestsPerSecond: '12.5',
    }).submission
    if (submission.status !== 'success') throw new Error('expected 12.5 to be read')
    expect(submission.value.peakRequestsPerSecond).toBe(12.5)
  })
})

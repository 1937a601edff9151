/** Calendar days (YYYY-MM-DD) in words, read as UTC so the server and the browser print the same text. */
const DAY = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' })
const SHORT_DAY = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' })

function parseDay(day: string): Date | null {
  const date = new Date(`${day.slice(0, 10)}T00:00:00.000Z`)
  return Number.isNaN(date.getTime()) ? null : date
}

/** "20 Nov 2026". */
export function formatDay(day: string): string {
  const date = parseDay(day)
  return date ? DAY.format(date) : day
}

/** "20 Nov", for chart axes. */
export function formatShortDay(time: number): string {
  return SHORT_DAY.format(new Date(time))
}

/** Milliseconds since 1970 at the start of a day, for a time axis. */
export function dayTime(day: string): number {
  return parseDay(day)?.getTime() ?? 0
}

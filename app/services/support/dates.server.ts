/** Calendar days as YYYY-MM-DD text in UTC, the form the database stores and compares them in. */

const DATE = /^\d{4}-\d{2}-\d{2}$/

export function isoDate(at: Date): string {
  return at.toISOString().slice(0, 10)
}

export function isCalendarDate(text: string): boolean {
  if (!DATE.test(text)) return false
  const at = new Date(`${text}T00:00:00.000Z`)
  return !Number.isNaN(at.getTime()) && at.toISOString().slice(0, 10) === text
}

export function looksLikeDate(text: string): boolean {
  return DATE.test(text)
}

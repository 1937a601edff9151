/**
 * Formatting at the edge: money arrives as integer US cents, numbers as plain
 * numbers. A fixed locale keeps the server render and the browser identical.
 */

const LOCALE = 'en-US'

const integer = new Intl.NumberFormat(LOCALE, { maximumFractionDigits: 0 })
const decimal = new Intl.NumberFormat(LOCALE, { maximumFractionDigits: 2 })
const dollars = new Intl.NumberFormat(LOCALE, { style: 'currency', currency: 'USD', maximumFractionDigits: 0 })
const dollarsAndCents = new Intl.NumberFormat(LOCALE, {
  style: 'currency',
  currency: 'USD',
  minimumFractionDigits: 2,
  maximumFractionDigits: 2,
})

export function formatNumber(value: number): string {
  return Number.isInteger(value) ? integer.format(value) : decimal.format(value)
}

/** Whole dollars from $100 up; below that, cents matter (a $7.50 plan is not an $8 plan). */
export function formatUsd(cents: number): string {
  const value = cents / 100
  if (Math.abs(value) >= 100 || cents % 100 === 0) return dollars.format(value)
  return dollarsAndCents.format(value)
}

/** A range reads at a glance in whole dollars: "$78 – $1,190". */
export function formatUsdRange(lowCents: number, highCents: number): string {
  const low = dollars.format(Math.round(lowCents / 100))
  const high = dollars.format(Math.round(highCents / 100))
  return low === high ? low : `${low} – ${high}`
}

/** Whole dollars for chart axes: $1.2k rather than $1,200. */
export function formatUsdCompact(dollarsValue: number): string {
  return new Intl.NumberFormat(LOCALE, {
    style: 'currency',
    currency: 'USD',
    notation: 'compact',
    maximumFractionDigits: 1,
  }).format(dollarsValue)
}

export function formatList(items: readonly string[], empty = 'None'): string {
  if (items.length === 0) return empty
  if (items.length === 1) return items[0]
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`
}

export function monthLabel(index: number): string {
  return `Month ${index + 1}`
}

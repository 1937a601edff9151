import type { RESIDENCY_REGIONS } from './answers.ts'

/**
 * Small helpers for the sentences the engine writes. Money stays in integer
 * cents everywhere else; these turn it into words only when a sentence needs it.
 */

const THOUSANDS = /\B(?=(\d{3})+(?!\d))/g

/**
 * `text.replace(/\B(?=(\d{3})+(?!\d))/g, ',')`, without the regular expression
 * for the usual plain run of digits: the engine groups figures in hot loops.
 */
export function groupDigits(text: string): string {
  if (text.length <= 3) return text
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c < 48 || c > 57) return text.replace(THOUSANDS, ',')
  }
  const head = text.length % 3 || 3
  let out = text.slice(0, head)
  for (let i = head; i < text.length; i += 3) out += `,${text.slice(i, i + 3)}`
  return out
}

/** Digits in groups of three; figures too large for plain digits are left as JavaScript writes them. */
function group(digits: string): string {
  if (!/^\d+$/.test(digits)) return digits
  return groupDigits(digits)
}

/** 40000 → "40,000"; 12.345 → "12.3". */
export function formatNumber(n: number): string {
  const rounded = Math.round(Math.abs(n) * 10) / 10
  const [whole, fraction] = String(rounded).split('.')
  return `${n < 0 && rounded !== 0 ? '-' : ''}${group(whole)}${fraction ? `.${fraction}` : ''}`
}

/** Whole dollars when the amount is whole, otherwise dollars and cents: 123456 → "$1,234.56". */
export function formatUsd(cents: number): string {
  const sign = cents < 0 ? '-' : ''
  const abs = Math.abs(Math.round(cents))
  const dollars = Math.floor(abs / 100)
  const rest = abs % 100
  return `${sign}$${group(String(dollars))}${rest === 0 ? '' : `.${String(rest).padStart(2, '0')}`}`
}

/** "a", "a and b", "a, b and c". */
export function joinWords(words: readonly string[]): string {
  if (words.length <= 1) return words.join('')
  return `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`
}

/** "1 engineer", "3 engineers". */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`
}

const REGION_LABELS: Record<(typeof RESIDENCY_REGIONS)[number], string> = {
  us: 'the US',
  eu: 'the EU',
  uk: 'the UK',
  india: 'India',
  canada: 'Canada',
  australia: 'Australia',
  brazil: 'Brazil',
  singapore: 'Singapore',
  other: 'the other region named',
}

export function regionLabel(region: string): string {
  return REGION_LABELS[region as keyof typeof REGION_LABELS] ?? region
}

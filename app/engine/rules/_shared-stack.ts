import type { Answers } from '#app/engine/answers.ts'
import { groupDigits } from '#app/engine/prose.ts'

/**
 * Wording helpers for the stack-shape areas (repo, architecture style,
 * regions, hosting, framework, API, tenancy, analytics, observability).
 * They take plain values, never the whole answers, so each rule still reads
 * exactly the answer paths it names.
 */

type Language = Answers['team']['languages'][number]
type Region = Answers['compliance']['dataResidency'][number]
type Market = Answers['compliance']['markets'][number]
type Client = Answers['product']['clients'][number]

export const LANGUAGE_NAMES: Record<Language, string> = {
  typescript: 'TypeScript',
  javascript: 'JavaScript',
  ruby: 'Ruby',
  python: 'Python',
  go: 'Go',
  java: 'Java',
  kotlin: 'Kotlin',
  php: 'PHP',
  elixir: 'Elixir',
  csharp: 'C#',
  rust: 'Rust',
  other: 'another language',
}

export const REGION_NAMES: Record<Region, string> = {
  us: 'the US',
  eu: 'the EU',
  uk: 'the UK',
  india: 'India',
  canada: 'Canada',
  australia: 'Australia',
  brazil: 'Brazil',
  singapore: 'Singapore',
  other: 'the region your rules name',
}

export const MARKET_NAMES: Record<Market, string> = {
  us: 'the US',
  eu: 'the EU',
  uk: 'the UK',
  india: 'India',
  latam: 'Latin America',
  apac: 'Asia-Pacific',
  africa: 'Africa',
  global: 'around the world',
}

export const CLIENT_NAMES: Record<Client, string> = {
  web: 'your web app',
  mobile: 'your mobile app',
  public_api: 'public API users',
  partner_integrations: 'partner integrations',
}

/** "A", "A and B", "A, B and C". */
export function listPhrase(items: readonly string[]): string {
  if (items.length <= 1) return items.join('')
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`
}

/** 8000 → "8,000"; 2.5 → "2.5". Written by hand so the output never depends on the locale. */
export function formatNumber(n: number): string {
  const [whole, fraction] = String(Math.round(n * 100) / 100).split('.')
  const grouped = groupDigits(whole)
  return fraction ? `${grouped}.${fraction}` : grouped
}

/** A dollar figure from the answers, for sentences: "$2,500", "$12.50". */
export function formatUsd(dollars: number): string {
  const text = formatNumber(dollars)
  return `$${/\.\d$/.test(text) ? `${text}0` : text}`
}

/** "1 engineer", "3 engineers". */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${formatNumber(n)} ${n === 1 ? one : many}`
}

/** "your 3 engineers", or "a team of one". */
export function yourTeam(engineers: number): string {
  return engineers === 1 ? 'a team of one' : `your ${plural(engineers, 'engineer')}`
}

/** The team as the subject of a sentence with a plural verb: "You" or "Your 3 engineers". */
export function teamSubject(engineers: number): string {
  return engineers === 1 ? 'You' : `Your ${plural(engineers, 'engineer')}`
}

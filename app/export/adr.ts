import type { Answers } from '#app/engine/answers.ts'
import type { Area, Brief, Decision } from '#app/engine/brief.ts'
import { type AdrStyle, type ExistingRecord, highestNumber } from '#app/export/adr/parse.ts'
import { buildRecord, type RecordRef, recordTitle } from '#app/export/adr/record.ts'
import {
  type IndexRow,
  markDeprecated,
  markSuperseded,
  type RecordStatus,
  renderIndex,
  renderRecord,
} from '#app/export/adr/styles.ts'
import { code, md } from './escape.ts'

export { ADR_STYLES, type AdrStyle, type ExistingRecord, parseRecord, parseRecords } from '#app/export/adr/parse.ts'

/**
 * Architecture decision records from a brief: one file per decision a team
 * would keep in its repository (every adopted or deferred area whose choice is
 * not `none`), in MADR 4.0, adr-tools (Nygard) or Log4brains form. Pure: the
 * date, the review date and the brief's id come from the caller, and the
 * records already in the target folder come in as `previous`.
 *
 * Status: adopt → accepted, defer → proposed (see styles.ts for each tool's
 * spelling). Areas that are avoided or not needed get no record.
 *
 * Against `previous`, decision by decision (records are tied to areas by
 * `stackbrief-area`, see parse.ts):
 * - no record for the area yet: a new record;
 * - same choice and status (or a person rejected that same choice): nothing is written;
 * - another choice or status: a new record that supersedes the old one, and
 *   the old one's status becomes `superseded by ADR-NNNN`, links both ways;
 * - the area no longer needs a decision: the old record becomes `deprecated`;
 * - the folder holds a later revision of the same brief for the area: it is kept.
 */

export interface AdrOptions {
  style?: AdrStyle
  /** Number of the first new record; by default one above the highest in `previous`. Ignored by Log4brains, which names files by date. */
  startAt?: number
  /** YYYY-MM-DD: the records' date (and the Log4brains file-name prefix). */
  date: string
  /** YYYY-MM-DD: when to look at the decisions again; callers use `addDays(date, REVIEW_AFTER_DAYS)` by default (the engine's review policy). */
  reviewBy: string
  briefId: string
  revision: number
  previous?: readonly ExistingRecord[]
  deciders?: readonly string[]
  /** Address for guide links (`https://stackbrief.example`); without it a guide is named, not linked. */
  guideBaseUrl?: string
}

export interface AdrFile {
  path: string
  content: string
}

export type AdrChangeKind = 'new' | 'superseded' | 'deprecated' | 'unchanged' | 'kept'

export interface AdrChange {
  area: Area
  kind: AdrChangeKind
  /** The record written (new), or the existing one left alone (unchanged, kept) or deprecated. */
  path: string
  title: string
  status: string
  /** For `superseded`: the new record, which replaces `path`. */
  by?: string
}

export interface AdrExport {
  /** Files to write into the records folder, by name: new records, rewritten old ones and (MADR) index.md. */
  files: AdrFile[]
  changes: AdrChange[]
}

export const STATUS_BY_DECISION: Record<'adopt' | 'defer', RecordStatus> = { adopt: 'accepted', defer: 'proposed' }
const MAX_NUMBER = 9999

/** The decisions that get a record. */
export function recordedDecisions(brief: Brief): Decision[] {
  return brief.decisions.filter((d) => d.choice.id !== 'none' && (d.status === 'adopt' || d.status === 'defer'))
}

export function exportAdrs(brief: Brief, answers: Answers | null, options: AdrOptions): AdrExport {
  const style = options.style ?? 'madr'
  requireDate('date', options.date)
  requireDate('reviewBy', options.reviewBy)
  if (!Number.isSafeInteger(options.revision) || options.revision < 1) {
    throw new RangeError(`revision: expected a whole number from 1, got ${options.revision}`)
  }
  const previous = options.previous ?? []
  const top = highestNumber(previous.map((r) => r.path))
  const startAt = options.startAt ?? top + 1
  if (style !== 'log4brains' && (!Number.isSafeInteger(startAt) || startAt < 1 || startAt <= top)) {
    throw new RangeError(
      `startAt: expected a whole number above ${pad(top)}, the highest record already there, got ${startAt}`,
    )
  }

  const current = currentRecords(previous)
  const taken = new Set(previous.map((r) => r.path.toLowerCase()))
  const written = new Map<string, string>()
  const rows = new Map<string, IndexRow>()
  for (const r of previous) {
    if (r.number !== null)
      rows.set(r.path, { number: r.number, file: r.path, title: r.title, status: r.status, date: r.date })
  }
  const changes: AdrChange[] = []
  let next = startAt

  for (const d of brief.decisions) {
    const old = current.get(d.area)
    const recorded = d.choice.id !== 'none' && (d.status === 'adopt' || d.status === 'defer')
    if (old && old.briefId === options.briefId && old.revision !== null && old.revision > options.revision) {
      changes.push({ area: d.area, kind: 'kept', path: old.path, title: old.title, status: old.status ?? '' })
      continue
    }
    if (!recorded) {
      if (old) {
        const note = `Deprecated on ${options.date}: revision ${options.revision} of brief ${code(options.briefId)} no longer records a decision here (${d.choice.id === 'none' ? 'not needed' : 'avoided'}).`
        written.set(old.path, markDeprecated(old, note))
        const row = rows.get(old.path)
        if (row) row.status = 'deprecated'
        changes.push({ area: d.area, kind: 'deprecated', path: old.path, title: old.title, status: 'deprecated' })
      }
      continue
    }
    const status = STATUS_BY_DECISION[d.status as 'adopt' | 'defer']
    if (old && old.choice === d.choice.id && (old.statusWord === status || old.statusWord === 'rejected')) {
      changes.push({ area: d.area, kind: 'unchanged', path: old.path, title: old.title, status: old.status ?? '' })
      continue
    }

    const number = style === 'log4brains' ? null : next++
    if (number !== null && number > MAX_NUMBER) {
      throw new RangeError(`startAt: records would run past ${MAX_NUMBER}, the highest four-digit number`)
    }
    const title = recordTitle(d)
    const path = fileName(number, title, options.date, taken)
    taken.add(path.toLowerCase())
    const content = buildRecord(
      {
        decision: d,
        brief,
        answers,
        briefId: options.briefId,
        revision: options.revision,
        reviewBy: options.reviewBy,
        guideBaseUrl: options.guideBaseUrl,
      },
      style === 'log4brains' ? '-' : '*',
    )
    const ref: RecordRef = { label: labelOf(number, path), file: path, title: md(content.title), number }
    written.set(
      path,
      renderRecord(content, {
        style,
        number,
        status,
        date: options.date,
        reviewBy: options.reviewBy,
        briefId: options.briefId,
        revision: options.revision,
        area: d.area,
        choice: d.choice.id,
        deciders: decidersOf(d, options.deciders ?? []),
        supersedes: old ? refTo(old) : null,
      }),
    )
    if (number !== null) rows.set(path, { number, file: path, title: ref.title, status, date: options.date })
    changes.push({ area: d.area, kind: 'new', path, title, status })
    if (old) {
      written.set(old.path, markSuperseded(old, ref))
      const row = rows.get(old.path)
      if (row) row.status = `superseded by ${ref.label}`
      changes.push({
        area: d.area,
        kind: 'superseded',
        path: old.path,
        title: old.title,
        status: `superseded by ${ref.label}`,
        by: path,
      })
    }
  }

  if (style === 'madr' && written.size > 0) written.set('index.md', renderIndex([...rows.values()]))
  const files = [...written.entries()]
    .map(([path, content]) => ({ path, content }))
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
  return { files, changes }
}

/** Per area, the record that currently stands: the latest one stackbrief wrote that is not superseded or deprecated. */
function currentRecords(previous: readonly ExistingRecord[]): Map<Area, ExistingRecord> {
  const out = new Map<Area, ExistingRecord>()
  for (const r of previous) {
    if (r.area === null || r.choice === null || r.style === null) continue
    if (r.statusWord === 'superseded' || r.statusWord === 'deprecated') continue
    const seen = out.get(r.area)
    if (!seen || later(r, seen)) out.set(r.area, r)
  }
  return out
}

function later(a: ExistingRecord, b: ExistingRecord): boolean {
  if (a.number !== null && b.number !== null && a.number !== b.number) return a.number > b.number
  if ((a.revision ?? 0) !== (b.revision ?? 0)) return (a.revision ?? 0) > (b.revision ?? 0)
  return a.path > b.path
}

function refTo(r: ExistingRecord): RecordRef {
  return { label: labelOf(r.number, r.path), file: r.path, title: r.title, number: r.number }
}

function labelOf(number: number | null, path: string): string {
  return number === null ? path.replace(/\.md$/i, '') : `ADR-${pad(number)}`
}

function fileName(number: number | null, title: string, date: string, taken: ReadonlySet<string>): string {
  const slug = slugify(title)
  const prefix = number === null ? date.replace(/-/g, '') : pad(number)
  let name = `${prefix}-${slug}.md`
  for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${prefix}-${slug}-${n}.md`
  return name
}

/** `Primary database: PostgreSQL` → `primary-database-postgresql`, at most 60 characters, cut between words. */
export function slugify(title: string): string {
  const slug = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
  if (slug.length <= 60) return slug || 'decision'
  const cut = slug.slice(0, 61)
  const at = cut.lastIndexOf('-')
  return (at > 20 ? cut.slice(0, at) : slug.slice(0, 60)).replace(/-+$/, '')
}

function pad(n: number): string {
  return String(n).padStart(4, '0')
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/

function requireDate(name: string, value: string): void {
  const m = DATE.exec(value)
  const ok =
    m !== null &&
    (() => {
      const t = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])))
      return t.toISOString().slice(0, 10) === value
    })()
  if (!ok) throw new RangeError(`${name}: expected a date as YYYY-MM-DD, got ${JSON.stringify(value)}`)
}

/** `date` plus `days`, as YYYY-MM-DD, in UTC so no time zone moves it. */
export function addDays(date: string, days: number): string {
  requireDate('date', date)
  const [y, m, d] = date.split('-').map(Number)
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10)
}

export function isDate(value: string): boolean {
  try {
    requireDate('date', value)
    return true
  } catch {
    return false
  }
}

/** The person who overrode a decision decides it; the team's deciders follow. */
function decidersOf(d: Decision, deciders: readonly string[]): string[] {
  return d.override ? [d.override.by, ...deciders.filter((x) => x !== d.override?.by)] : [...deciders]
}

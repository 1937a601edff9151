import { parse as parseYaml } from 'yaml'
import { AREAS, type Area } from '#app/engine/brief.ts'
import { NOTES_FILE } from './notes.ts'
import { splitFrontMatter } from './yaml.ts'

/**
 * Reading a folder of decision records back: what number, title and status
 * each has, which convention it follows, and, for records stackbrief wrote,
 * which decision area and choice it records. Pure: the caller reads the files.
 *
 * How a record is tied to its area:
 * - MADR: the front-matter keys `stackbrief-area` and `stackbrief-choice`
 *   (with `brief-id` and `brief-revision`).
 * - adr-tools and Log4brains, which have no front matter: one HTML comment at
 *   the end of the file, `<!-- stackbrief-area: jobs; stackbrief-choice: queue;
 *   brief-id: …; brief-revision: 2 -->`, invisible when rendered.
 * A record without them was written by a person and is never rewritten.
 */

export type AdrStyle = 'madr' | 'adr-tools' | 'log4brains'
export const ADR_STYLES = ['madr', 'adr-tools', 'log4brains'] as const satisfies readonly AdrStyle[]

export interface ExistingRecord {
  /** File name inside the records folder, e.g. `0003-primary-database-postgresql.md`. */
  path: string
  /** The convention the file follows, or null when it does not look like a decision record. */
  style: AdrStyle | null
  /** From a `NNNN-` file name; null for date-named (Log4brains) or unnumbered files. */
  number: number | null
  /** File name without `.md`: how Log4brains names a record. */
  slug: string
  /** The first heading as written (Markdown), without adr-tools' `N. ` prefix. */
  title: string
  /** The status as written: `accepted`, `Superseded by [7. …](…)`, `superseded by ADR-0007`… */
  status: string | null
  /** The status's first word in lower case: accepted, proposed, rejected, deprecated, superseded, draft… */
  statusWord: string | null
  date: string | null
  area: Area | null
  choice: string | null
  briefId: string | null
  revision: number | null
  /** Every heading in order, with its marks: `# …`, `## Context and Problem Statement`… */
  headings: string[]
  frontMatter: Record<string, unknown> | null
  content: string
}

/** Files in a records folder that are not records. */
const NOT_RECORDS = new Set(['index.md', 'readme.md', 'template.md', 'adr-template.md', 'toc.md', NOTES_FILE])

/** Every record among `files` (other Markdown and non-Markdown files are left out), ordered by number, then name. */
export function parseRecords(files: readonly { path: string; content: string }[]): ExistingRecord[] {
  return files
    .filter((f) => isRecordFile(f.path))
    .map((f) => parseRecord(f.path, f.content))
    .sort(
      (a, b) => (a.number ?? Number.MAX_SAFE_INTEGER) - (b.number ?? Number.MAX_SAFE_INTEGER) || cmp(a.path, b.path),
    )
}

export function isRecordFile(path: string): boolean {
  const name = baseName(path)
  return name.toLowerCase().endsWith('.md') && !NOT_RECORDS.has(name.toLowerCase()) && !name.startsWith('.')
}

const NUMBERED = /^(\d{4})-/
const DATED = /^\d{8}-/

export function parseRecord(path: string, content: string): ExistingRecord {
  const name = baseName(path)
  const slug = name.replace(/\.md$/i, '')
  const numbered = NUMBERED.exec(name)
  const number = numbered && !DATED.test(name) ? Number(numbered[1]) : null
  const split = splitFrontMatter(content)
  const frontMatter = split ? readYaml(split.yaml) : null
  const body = split ? split.body : content
  const lines = body.split(/\r?\n/)
  const headings = headingsOf(lines)
  const h1 =
    headings
      .find((h) => h.startsWith('# '))
      ?.slice(2)
      .trim() ?? ''
  const style = styleOf(split !== null, h1, headings, lines, name)

  const base = { path: name, style, number, slug, headings, frontMatter, content }
  const marker = markerOf(body)
  if (style === 'adr-tools') {
    const status = sectionText(lines, '## Status')
    return {
      ...base,
      title: h1.replace(/^\d+\.\s*/, ''),
      status,
      statusWord: firstWord(status),
      date: /^Date:\s*(\S.*)$/m.exec(body)?.[1].trim() ?? null,
      ...marker,
    }
  }
  if (style === 'log4brains') {
    const status = headerBullet(lines, 'Status')
    return {
      ...base,
      title: h1,
      status,
      statusWord: firstWord(status),
      date: headerBullet(lines, 'Date'),
      ...marker,
    }
  }
  const fm = frontMatter ?? {}
  const status = typeof fm.status === 'string' ? fm.status.trim() : (headerBullet(lines, 'Status') ?? null)
  const area = typeof fm['stackbrief-area'] === 'string' ? asArea(fm['stackbrief-area']) : null
  const revision = fm['brief-revision']
  return {
    ...base,
    title: h1,
    status,
    statusWord: firstWord(status),
    date: typeof fm.date === 'string' ? fm.date : fm.date instanceof Date ? fm.date.toISOString().slice(0, 10) : null,
    area: area ?? marker.area,
    choice: typeof fm['stackbrief-choice'] === 'string' ? fm['stackbrief-choice'] : marker.choice,
    briefId: fm['brief-id'] === undefined ? marker.briefId : String(fm['brief-id']),
    revision: typeof revision === 'number' && Number.isInteger(revision) ? revision : marker.revision,
  }
}

function styleOf(
  hasFrontMatter: boolean,
  h1: string,
  headings: readonly string[],
  lines: readonly string[],
  name: string,
): AdrStyle | null {
  if (hasFrontMatter) return 'madr'
  if (/^\d+\.\s/.test(h1) && headings.includes('## Status')) return 'adr-tools'
  if (headerBullet(lines, 'Status') !== null && (DATED.test(name) || !headings.includes('## Status'))) {
    return DATED.test(name) ? 'log4brains' : 'madr'
  }
  if (headings.includes('## Context and Problem Statement')) return 'madr'
  return null
}

/** Headings outside fenced code, trailing `#`s and HTML comments removed. */
export function headingsOf(lines: readonly string[]): string[] {
  const out: string[] = []
  let fence: string | null = null
  for (const line of lines) {
    const f = /^ {0,3}(`{3,}|~{3,})/.exec(line)
    if (f) {
      if (fence === null) fence = f[1]
      else if (f[1][0] === fence[0] && f[1].length >= fence.length && line.trim() === f[1]) fence = null
      continue
    }
    if (fence !== null) continue
    const h = /^(#{1,6})\s+(.*?)\s*#*\s*$/.exec(line)
    if (h) out.push(`${h[1]} ${h[2].replace(/<!--.*?-->/g, '').trim()}`)
  }
  return out
}

/** The text under a heading up to the next heading of the same or a higher level, blank lines dropped. */
function sectionText(lines: readonly string[], heading: string): string | null {
  const start = lines.findIndex((l) => l.trim() === heading)
  if (start < 0) return null
  const level = heading.indexOf(' ')
  const out: string[] = []
  for (const line of lines.slice(start + 1)) {
    const h = /^(#{1,6})\s/.exec(line)
    if (h && h[1].length <= level) break
    if (line.trim() !== '') out.push(line.trim())
  }
  return out.length > 0 ? out.join('\n') : null
}

/** `- Status: accepted` in the list right under the title, the way Log4brains (and MADR 2) keep metadata. */
function headerBullet(lines: readonly string[], key: string): string | null {
  const pattern = new RegExp(`^\\s*[-*+]\\s*${key}\\s*:\\s*(.*?)\\s*(<!--.*-->)?\\s*$`, 'i')
  let seenTitle = false
  for (const line of lines) {
    if (/^#\s/.test(line)) {
      seenTitle = true
      continue
    }
    if (/^#{2,6}\s/.test(line)) break
    if (!seenTitle) continue
    const m = pattern.exec(line)
    if (m) return m[1]
  }
  return null
}

const MARKER =
  /<!--\s*stackbrief-area:\s*([a-z_]+);\s*stackbrief-choice:\s*([a-z0-9_]+);\s*brief-id:\s*(\S*);\s*brief-revision:\s*(\d+)\s*-->/

function markerOf(body: string): Pick<ExistingRecord, 'area' | 'choice' | 'briefId' | 'revision'> {
  const m = MARKER.exec(body)
  if (!m) return { area: null, choice: null, briefId: null, revision: null }
  let briefId: string | null
  try {
    briefId = decodeURIComponent(m[3])
  } catch {
    briefId = null
  }
  return { area: asArea(m[1]), choice: m[2], briefId, revision: Number(m[4]) }
}

/** The comment that ties an adr-tools or Log4brains record to its area; the brief id is percent-encoded so it cannot end the comment. */
export function markerComment(m: { area: Area; choice: string; briefId: string; revision: number }): string {
  return `<!-- stackbrief-area: ${m.area}; stackbrief-choice: ${m.choice}; brief-id: ${encodeURIComponent(m.briefId)}; brief-revision: ${m.revision} -->`
}

function readYaml(text: string): Record<string, unknown> | null {
  try {
    const data = parseYaml(text, { schema: 'core' }) as unknown
    return data !== null && typeof data === 'object' && !Array.isArray(data) ? (data as Record<string, unknown>) : null
  } catch {
    return null
  }
}

function asArea(value: string): Area | null {
  return (AREAS as readonly string[]).includes(value) ? (value as Area) : null
}

function firstWord(status: string | null): string | null {
  const w = /^[\s*_[]*([A-Za-z]+)/.exec(status ?? '')?.[1]
  return w ? w.toLowerCase() : null
}

function baseName(path: string): string {
  return path.split(/[\\/]/).pop() ?? path
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

/** The highest `NNNN-` number among the files, 0 when there is none. Counts files that did not parse as records too. */
export function highestNumber(paths: readonly string[]): number {
  let top = 0
  for (const p of paths) {
    const name = baseName(p)
    if (DATED.test(name)) continue
    const m = NUMBERED.exec(name)
    if (m && name.toLowerCase().endsWith('.md')) top = Math.max(top, Number(m[1]))
  }
  return top
}

import type { Area } from '#app/engine/brief.ts'
import { linkUrl, md, oneLine } from '#app/export/escape.ts'
import { type AdrStyle, type ExistingRecord, markerComment } from './parse.ts'
import type { RecordContent, RecordRef } from './record.ts'
import { frontMatter, splitFrontMatter, yamlString } from './yaml.ts'

/**
 * The same record content laid out in each convention, and the edits that
 * mark an existing record superseded or deprecated in its own convention.
 *
 * Status words, by what the brief says of the area:
 * | brief                     | MADR                     | adr-tools                        | Log4brains                       |
 * | adopt                     | accepted                 | Accepted                         | accepted                         |
 * | defer                     | proposed                 | Proposed                         | proposed                         |
 * | changed in a later export | superseded by ADR-NNNN   | Superseded by [N. Title](file)   | superseded by [slug](file)       |
 * | no longer applies         | deprecated               | Deprecated                       | deprecated                       |
 * Every one starts with a word all three tools understand.
 */

export type RecordStatus = 'accepted' | 'proposed'

export interface RecordMeta {
  style: AdrStyle
  number: number | null
  status: RecordStatus
  date: string
  reviewBy: string
  briefId: string
  revision: number
  area: Area
  choice: string
  deciders: readonly string[]
  supersedes: RecordRef | null
}

export function renderRecord(content: RecordContent, meta: RecordMeta): string {
  switch (meta.style) {
    case 'madr':
      return madr(content, meta)
    case 'adr-tools':
      return adrTools(content, meta)
    case 'log4brains':
      return log4brains(content, meta)
  }
}

function madr(c: RecordContent, m: RecordMeta): string {
  const head = frontMatter([
    ['status', m.status],
    ['date', m.date],
    ['decision-makers', m.deciders.length > 0 ? [...m.deciders] : undefined],
    ['review-by', m.reviewBy],
    ['brief-id', m.briefId],
    ['brief-revision', m.revision],
    ['stackbrief-area', m.area],
    ['stackbrief-choice', m.choice],
    ['supersedes', m.supersedes?.label],
    ['tags', [m.area, m.status]],
  ])
  return document([head, `# ${md(c.title)}`, ...madrBody(c, m, '*')])
}

function madrBody(c: RecordContent, m: RecordMeta, bullet: '*' | '-'): string[] {
  const more = [...c.moreInformation]
  if (m.supersedes && m.style === 'madr') more.push(`Supersedes ${refLink(m.supersedes)}: ${m.supersedes.title}.`)
  return [
    '## Context and Problem Statement',
    ...c.context,
    '## Decision Drivers',
    ...c.drivers,
    '## Considered Options',
    ...c.options,
    '## Decision Outcome',
    ...c.outcome,
    '### Consequences',
    ...c.consequences,
    '### Confirmation',
    ...c.confirmation,
    '## Pros and Cons of the Options',
    ...c.prosAndCons.flatMap((o) => [`### ${o.title}`, ...o.bullets]),
    '## More Information',
    ...more,
    ...(m.supersedes && m.style === 'log4brains'
      ? ['## Links', `${bullet} Supersedes [${m.supersedes.label}](${linkUrl(m.supersedes.file)})`]
      : []),
  ]
}

function log4brains(c: RecordContent, m: RecordMeta): string {
  const deciders = m.deciders.map((d) => md(d)).join(', ')
  const header = [
    `- Status: ${m.status}`,
    `- Deciders:${deciders ? ` ${deciders}` : ''}`,
    `- Date: ${m.date}`,
    `- Tags: ${m.area}, ${m.status}`,
  ].join('\n')
  return document([`# ${md(c.title)}`, header, ...madrBody(c, m, '-'), marker(m)])
}

const ADR_TOOLS_STATUS: Record<RecordStatus, string> = { accepted: 'Accepted', proposed: 'Proposed' }

function adrTools(c: RecordContent, m: RecordMeta): string {
  const status = [ADR_TOOLS_STATUS[m.status]]
  if (m.supersedes) status.push(`Supersedes ${adrToolsLink(m.supersedes)}`)
  return document([
    `# ${m.number ?? 0}. ${md(c.title)}`,
    `Date: ${m.date}`,
    '## Status',
    ...status,
    '## Context',
    ...c.context,
    'Decision drivers:',
    ...c.drivers,
    'Considered options:',
    ...c.options,
    '## Decision',
    ...c.outcome,
    'The options, good and bad:',
    ...c.prosAndCons.flatMap((o) => [`**${o.title}**`, ...o.bullets]),
    '## Consequences',
    ...c.consequences,
    'Confirmation:',
    ...c.confirmation,
    ...c.moreInformation,
    marker(m),
  ])
}

function marker(m: RecordMeta): string {
  return markerComment({ area: m.area, choice: m.choice, briefId: m.briefId, revision: m.revision })
}

function document(blocks: readonly string[]): string {
  return `${blocks.filter((b) => b !== '').join('\n\n')}\n`
}

function refLink(ref: RecordRef): string {
  return `[${md(ref.label)}](${linkUrl(ref.file)})`
}

function adrToolsLink(ref: RecordRef): string {
  return `[${ref.number ?? ref.label}. ${ref.title}](${linkUrl(ref.file)})`
}

/** How the record that replaces `old` is named in `old`'s own convention. */
export function supersededStatus(old: ExistingRecord, by: RecordRef): string {
  switch (old.style) {
    case 'adr-tools':
      return `Superseded by ${adrToolsLink(by)}`
    case 'log4brains':
      return `superseded by [${by.label}](${linkUrl(by.file)})`
    default:
      return `superseded by ${by.label}`
  }
}

/** `old` marked superseded by `by`: its status changes, and a MADR record says so in More Information too. */
export function markSuperseded(old: ExistingRecord, by: RecordRef): string {
  const status = supersededStatus(old, by)
  return rewriteStatus(old, status, 'superseded', `Superseded by ${refLink(by)}: ${by.title}.`)
}

/** `old` marked deprecated, with the reason in More Information (MADR). */
export function markDeprecated(old: ExistingRecord, note: string): string {
  return rewriteStatus(old, old.style === 'adr-tools' ? 'Deprecated' : 'deprecated', 'deprecated', note)
}

function rewriteStatus(old: ExistingRecord, status: string, word: string, note: string): string {
  const eol = old.content.includes('\r\n') ? '\r\n' : '\n'
  const lines = old.content.split(/\r?\n/)
  let out: string[]
  switch (old.style) {
    case 'adr-tools':
      out = replaceStatusSection(lines, status)
      break
    case 'log4brains':
      out = lines.map((l) => (/^\s*[-*+]\s*Status\s*:/i.test(l) ? `- Status: ${status}` : l))
      break
    default:
      out = appendToSection(replaceFrontMatterStatus(lines, status, old.statusWord, word), '## More Information', note)
  }
  return out.join(eol)
}

function replaceFrontMatterStatus(lines: string[], status: string, oldWord: string | null, word: string): string[] {
  if (splitFrontMatter(lines.join('\n')) === null) return lines
  const end = lines.findIndex((l, i) => i > 0 && /^(---|\.\.\.)\s*$/.test(l))
  if (end < 0) return lines
  const head = lines.slice(1, end)
  const statusLine = `status: ${yamlString(status)}`
  const at = head.findIndex((l) => /^status\s*:/.test(l))
  if (at >= 0) head[at] = statusLine
  else head.unshift(statusLine)
  const tags = head.findIndex((l) => /^tags\s*:\s*$/.test(l))
  if (tags >= 0 && oldWord) {
    for (let i = tags + 1; i < head.length && /^\s+-/.test(head[i]); i++) {
      const item = /^\s+-\s*["']?([^"']*)["']?\s*$/.exec(head[i])?.[1]
      if (item?.toLowerCase() === oldWord) head[i] = `  - ${yamlString(word)}`
    }
  }
  return [lines[0], ...head, ...lines.slice(end)]
}

/** adr-tools keeps links under `## Status`; the status word lines go, the new status comes first. */
function replaceStatusSection(lines: string[], status: string): string[] {
  const start = lines.findIndex((l) => l.trim() === '## Status')
  if (start < 0) return lines
  let end = lines.findIndex((l, i) => i > start && /^#{1,2}\s/.test(l))
  if (end < 0) end = lines.length
  const kept = lines
    .slice(start + 1, end)
    .map((l) => l.trim())
    .filter((l) => l !== '' && !/^(proposed|accepted|rejected|deprecated|draft)\.?$/i.test(l))
  return [...lines.slice(0, start + 1), '', status, ...kept.flatMap((l) => ['', l]), '', ...lines.slice(end)]
}

/** Adds a paragraph at the end of a section, before the next `## ` heading or stackbrief's marker; adds the section when it is missing. */
function appendToSection(lines: string[], heading: string, paragraph: string): string[] {
  const start = lines.findIndex((l) => l.trim() === heading)
  const isEnd = (l: string) => /^#{1,2}\s/.test(l) || l.startsWith('<!-- stackbrief-area:')
  if (start < 0) {
    const body = trimEnd(lines)
    return [...body, '', heading, '', paragraph, '']
  }
  let end = lines.findIndex((l, i) => i > start && isEnd(l))
  if (end < 0) end = lines.length
  const section = trimEnd(lines.slice(0, end))
  const rest = lines.slice(end)
  return rest.length > 0 ? [...section, '', paragraph, '', ...rest] : [...section, '', paragraph, '']
}

function trimEnd(lines: string[]): string[] {
  let n = lines.length
  while (n > 0 && lines[n - 1].trim() === '') n--
  return lines.slice(0, n)
}

export interface IndexRow {
  number: number
  file: string
  /** Markdown, as in the record's heading. */
  title: string
  status: string | null
  date: string | null
}

/** `index.md`: number, title, status and date of every numbered record, like `adr generate toc` with a table. */
export function renderIndex(rows: readonly IndexRow[]): string {
  const sorted = [...rows].sort((a, b) => a.number - b.number || (a.file < b.file ? -1 : 1))
  return document([
    '# Architecture decision records',
    'One record per decision, oldest first. A record that a later one replaces stays, marked superseded, so the history reads in order.',
    [
      '| Number | Title | Status | Date |',
      '| ---: | --- | --- | --- |',
      ...sorted.map(
        (r) =>
          `| ${String(r.number).padStart(4, '0')} | [${cell(r.title)}](${linkUrl(r.file)}) | ${md(r.status ?? 'unknown')} | ${md(r.date ?? '') || ' '} |`,
      ),
    ].join('\n'),
  ])
}

/** Heading Markdown in a table cell: one line, with any pipe not already escaped escaped. */
function cell(markdown: string): string {
  return oneLine(markdown).replace(/(^|[^\\])((?:\\\\)*)\|/g, '$1$2\\|')
}

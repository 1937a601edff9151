import { AREAS, type Area, type Brief, type Decision, type Trigger } from '#app/engine/brief.ts'
import { overrideSentence } from '#app/engine/overrides.ts'
import { oneLine } from './escape.ts'

/**
 * The brief as a Thoughtworks "build your own radar" file, CSV or JSON, with
 * exactly the columns that tool reads: name, ring, quadrant, isNew, description.
 *
 * Rings:
 * - Adopt: every adopted choice (choice `none` is left out).
 * - Assess: the alternatives a trigger would move the stack to, so the team
 *   learns them before it needs them (TRIGGER_TARGETS: a dedicated vector
 *   database, a queue, Timescale, a dedicated search engine, separate
 *   services, a warehouse), named as the brief's deferred list names them.
 * - Hold: what is deliberately put off: decisions the brief defers or avoids,
 *   and deferred items that no trigger turns into a new system (read replicas,
 *   a second region).
 * Trial is not used: a brief recommends or waits, it does not pilot.
 *
 * Quadrants, by decision area (AREA_QUADRANTS); an Assess or Hold entry takes
 * the quadrant of the area whose trigger reopens it. The radar tool draws
 * exactly four quadrants, and every brief fills all four: a framework, a
 * repository layout, a database and a sign-in provider are always adopted.
 *
 * `isNew` is "true" for an entry whose name was not on the previous radar
 * (every entry when there is none) and "false" otherwise. It is a string in
 * JSON as in CSV, because the tool trims every value as text. Descriptions are
 * HTML in the tool, so `&`, `<` and `>` are written as entities.
 */

export const RADAR_COLUMNS = ['name', 'ring', 'quadrant', 'isNew', 'description'] as const
export const RINGS = ['Adopt', 'Trial', 'Assess', 'Hold'] as const
export type Ring = (typeof RINGS)[number]
export const QUADRANTS = ['Techniques', 'Platforms', 'Tools', 'Languages & Frameworks'] as const
export type Quadrant = (typeof QUADRANTS)[number]

export const AREA_QUADRANTS: Record<Area, Quadrant> = {
  repo: 'Techniques',
  architecture_style: 'Techniques',
  deploy_regions: 'Techniques',
  api: 'Techniques',
  tenancy: 'Techniques',
  cache: 'Techniques',
  hosting: 'Platforms',
  database: 'Platforms',
  timeseries_store: 'Platforms',
  vector_store: 'Platforms',
  document_store: 'Platforms',
  search: 'Platforms',
  file_storage: 'Platforms',
  jobs: 'Platforms',
  auth: 'Tools',
  payments: 'Tools',
  email: 'Tools',
  observability: 'Tools',
  analytics: 'Tools',
  framework: 'Languages & Frameworks',
  realtime: 'Platforms',
  ingestion: 'Platforms',
  llm: 'Tools',
}

/**
 * What a trigger moves the stack to when it holds: choice, alternative or
 * deferred-item ids, the first being the one the radar names it by. These are
 * the alternatives worth watching (Assess); the ADR export also names them in
 * the pros and cons.
 */
export const TRIGGER_TARGETS: Readonly<Record<string, readonly string[]>> = {
  vector_latency_under_load: ['dedicated_vector_db'],
  jobs_exceed_request_budget: ['queue'],
  jobs_table_backlog: ['queue'],
  timeseries_ingest_volume: ['timescale'],
  search_outgrows_postgres: ['dedicated_search_engine'],
  team_outgrows_one_service: ['split_services', 'extract_services'],
  warehouse_justified: ['warehouse', 'data_warehouse'],
}

export interface RadarEntry {
  name: string
  ring: Ring
  quadrant: Quadrant
  isNew: boolean
  description: string
}

export interface RadarOptions {
  /** The previous radar's entries (only names are compared, in any case); without it every entry is new. */
  previous?: readonly { name: string }[]
}

interface Draft {
  key: string
  area: Area
  ring: Ring
  name: string
  description: string
}

export function buildRadar(brief: Brief, options: RadarOptions = {}): RadarEntry[] {
  const triggers = new Map(brief.triggers.map((t) => [t.id, t]))
  const areaOf = (triggerId: string, fallback: Area): Area => triggers.get(triggerId)?.area ?? fallback
  const drafts: Draft[] = []
  const taken = new Set<string>()
  const add = (draft: Draft) => {
    if (taken.has(draft.key)) return
    taken.add(draft.key)
    drafts.push(draft)
  }
  const present = (d: Decision) => d.choice.id !== 'none'

  for (const d of brief.decisions) {
    if (present(d) && (d.status === 'adopt' || d.status === 'trial')) {
      add({
        key: d.choice.id,
        area: d.area,
        ring: d.status === 'trial' ? 'Trial' : 'Adopt',
        name: d.choice.name,
        description: about(d.title, reason(d)),
      })
    }
  }
  // Assess: deferred items first (their names read best out of context), then alternatives no deferred item covers.
  for (const item of brief.deferred) {
    const targets = TRIGGER_TARGETS[item.until] ?? []
    if (!targets.includes(item.id)) continue
    const area = areaOf(item.until, 'architecture_style')
    add({
      key: targets[0],
      area,
      ring: 'Assess',
      name: item.what,
      description: about(titleOf(brief, area), `${item.because[0]?.text ?? ''} ${watchFor(triggers.get(item.until))}`),
    })
  }
  for (const d of brief.decisions) {
    for (const id of d.revisitWhen) {
      const targets = TRIGGER_TARGETS[id] ?? []
      for (const alt of d.alternatives.filter((a) => targets.includes(a.id))) {
        add({
          key: targets[0],
          area: d.area,
          ring: 'Assess',
          name: alt.name,
          description: about(d.title, `${watchFor(triggers.get(id))} For now: ${alt.whyNot}`),
        })
      }
    }
  }
  for (const d of brief.decisions) {
    if (present(d) && d.status !== 'adopt' && d.status !== 'trial' && d.status !== 'not_applicable') {
      const t = triggers.get(d.revisitWhen[0] ?? '')
      add({
        key: d.choice.id,
        area: d.area,
        ring: 'Hold',
        name: d.choice.name,
        description: about(d.title, `${reason(d)} ${d.status === 'avoid' ? '' : watchFor(t)}`),
      })
    }
  }
  for (const item of brief.deferred) {
    const area = areaOf(item.until, 'architecture_style')
    add({
      key: item.id,
      area,
      ring: 'Hold',
      name: item.what,
      description: about(titleOf(brief, area), `${item.because[0]?.text ?? ''} ${watchFor(triggers.get(item.until))}`),
    })
  }

  const before = new Set((options.previous ?? []).map((p) => nameKey(p.name)))
  const names = new Set<string>()
  return drafts
    .map((draft, i) => ({ draft, i }))
    .sort(
      (a, b) =>
        RINGS.indexOf(a.draft.ring) - RINGS.indexOf(b.draft.ring) ||
        QUADRANTS.indexOf(AREA_QUADRANTS[a.draft.area]) - QUADRANTS.indexOf(AREA_QUADRANTS[b.draft.area]) ||
        AREAS.indexOf(a.draft.area) - AREAS.indexOf(b.draft.area) ||
        a.i - b.i,
    )
    .map(({ draft }) => {
      // The tool tells blips apart by name, so a name is never used twice.
      let name = oneLine(draft.name)
      if (names.has(nameKey(name))) name = `${name} (${titleOf(brief, draft.area)})`
      names.add(nameKey(name))
      return {
        name,
        ring: draft.ring,
        quadrant: AREA_QUADRANTS[draft.area],
        isNew: options.previous === undefined || !before.has(nameKey(name)),
        description: html(oneLine(draft.description)),
      }
    })
}

/** The first reason; for an overridden decision, who decided, against what, and the recommendation's own first reason. */
function reason(d: Decision): string {
  const decided = overrideSentence(d)
  if (!decided || !d.override) return d.because[0]?.text ?? ''
  return `${decided} The recommendation's reason: ${d.override.recommendedBecause[0]?.text ?? ''}`
}

function about(title: string, text: string): string {
  return `${title}: ${text.trim()}`
}

function titleOf(brief: Brief, area: Area): string {
  return brief.decisions.find((d) => d.area === area)?.title ?? area
}

function watchFor(t: Trigger | undefined): string {
  return t ? `Reopens when: ${t.title.replace(/\.$/, '')} (${t.id}).` : ''
}

function nameKey(name: string): string {
  return oneLine(name).toLowerCase()
}

function html(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
}

/** RFC 4180: CRLF line ends, a field in double quotes when it holds a comma, a quote or a line break, quotes doubled. */
export function radarCsv(entries: readonly RadarEntry[]): string {
  const rows = [[...RADAR_COLUMNS], ...entries.map((e) => [e.name, e.ring, e.quadrant, String(e.isNew), e.description])]
  return `${rows.map((row) => row.map(csvField).join(',')).join('\r\n')}\r\n`
}

export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value
}

export function radarJson(entries: readonly RadarEntry[]): string {
  const rows = entries.map((e) => ({
    name: e.name,
    ring: e.ring,
    quadrant: e.quadrant,
    isNew: String(e.isNew),
    description: e.description,
  }))
  return `${JSON.stringify(rows, null, 2)}\n`
}

/** Parses RFC 4180 CSV (CRLF or LF line ends) into rows of fields; throws on a quote left open. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = []
  let row: string[] = []
  let field = ''
  let i = 0
  let quoted = false
  const s = text.replace(/^\uFEFF/, '')
  while (i < s.length) {
    const c = s[i]
    if (quoted) {
      if (c === '"') {
        if (s[i + 1] === '"') {
          field += '"'
          i += 2
          continue
        }
        quoted = false
        i++
        continue
      }
      field += c
      i++
      continue
    }
    if (c === '"' && field === '') {
      quoted = true
      i++
    } else if (c === ',') {
      row.push(field)
      field = ''
      i++
    } else if (c === '\r' || c === '\n') {
      row.push(field)
      rows.push(row)
      row = []
      field = ''
      i += c === '\r' && s[i + 1] === '\n' ? 2 : 1
    } else {
      field += c
      i++
    }
  }
  if (quoted) throw new SyntaxError('a quoted CSV field is never closed')
  if (field !== '' || row.length > 0) {
    row.push(field)
    rows.push(row)
  }
  return rows
}

/**
 * A radar read back from CSV or JSON (by its first character), as entries,
 * for comparing with a new one. Only the five columns are kept.
 */
export function parseRadar(
  text: string,
): { name: string; ring: string; quadrant: string; isNew: string; description: string }[] {
  const trimmed = text.replace(/^\uFEFF/, '').trimStart()
  const records: Record<string, unknown>[] = trimmed.startsWith('[')
    ? (JSON.parse(trimmed) as Record<string, unknown>[])
    : (() => {
        const [head = [], ...rows] = parseCsv(trimmed)
        const keys = head.map((h) => h.trim())
        return rows.map((r) => Object.fromEntries(keys.map((k, i) => [k, r[i] ?? ''])))
      })()
  if (!Array.isArray(records)) throw new SyntaxError('a radar is a list of entries')
  return records.map((r) => ({
    name: String(r.name ?? ''),
    ring: String(r.ring ?? ''),
    quadrant: String(r.quadrant ?? ''),
    isNew: String(r.isNew ?? ''),
    description: String(r.description ?? ''),
  }))
}

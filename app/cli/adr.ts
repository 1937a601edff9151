import { mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises'
import { isAbsolute, join, relative, resolve } from 'node:path'
import type { Answers } from '#app/engine/answers.ts'
import type { Brief } from '#app/engine/brief.ts'
import { REVIEW_AFTER_DAYS } from '#app/engine/review-policy.ts'
import type { AdrStyle, ExistingRecord } from '#app/export/adr.ts'
import { describeValue, problem } from '#app/lib/problems.ts'
import { BASE_URL_FLAG, baseUrlOption, type CliIO, defineCommand } from './command.ts'
import { InputError } from './errors.ts'

// Kept here rather than imported so that loading the command table (for --help) reads no exporter.
const STYLES = ['madr', 'adr-tools', 'log4brains'] as const
const STYLE_NAMES: Record<AdrStyle, string> = { madr: 'MADR', 'adr-tools': 'adr-tools', log4brains: 'Log4brains' }

export const adr = defineCommand({
  name: 'adr',
  summary: 'Write decision records into a folder, continuing its numbering',
  description: [
    'Write one architecture decision record per adopted or deferred decision into a repository, in the convention it already uses:',
    '.adr-dir means adr-tools (records in the folder it names), .log4brains.yml means Log4brains (its adrFolder), docs/decisions/ or MADR files mean MADR.',
    'New records continue the highest number there. A decision whose choice changed since the records were written gets a new record that supersedes the old one; unchanged decisions are left alone.',
    'FILE is answers (a brief is generated from them), a Brief JSON (told apart by its schemaVersion) or a revision JSON with both.',
  ].join(' '),
  args: [
    {
      name: 'FILE',
      key: 'file',
      summary: 'answers (JSON or YAML), a Brief JSON or a revision JSON; - reads standard input',
      expected: 'a path to an answers or brief file, or - for standard input',
    },
  ],
  flags: [
    { name: 'into', value: 'DIR', summary: 'the repository, or the records folder itself, to write into (required)' },
    { name: 'date', value: 'YYYY-MM-DD', summary: "the records' date (default: today)" },
    { name: 'start', value: 'N', summary: 'number of the first new record (default: one above the highest there)' },
    {
      name: 'review-by',
      value: 'YYYY-MM-DD',
      summary: `when to review the decisions (default: ${REVIEW_AFTER_DAYS} days after the date)`,
    },
    {
      name: 'style',
      value: STYLES.join('|'),
      summary: 'the convention for a folder that has none yet (default: madr)',
    },
    BASE_URL_FLAG,
  ],
  options: (z) => {
    const date = z.string().refine(isDate, { message: 'a date as YYYY-MM-DD' })
    return z.strictObject({
      file: z.string(),
      into: z.custom<string>((v) => typeof v === 'string' && v.length > 0, {
        message: 'a folder to write the records into (--into DIR)',
      }),
      date: date.optional(),
      start: z
        .string()
        .refine((v) => /^\d{1,4}$/.test(v) && Number(v) >= 1, { message: 'a whole number from 1 to 9999' })
        .transform(Number)
        .optional(),
      reviewBy: date.optional(),
      style: z.enum(STYLES).optional(),
      baseUrl: baseUrlOption(z),
    })
  },
  examples: [
    'stackbrief adr answers.yaml --into .',
    'stackbrief adr brief.json --into docs/decisions --date 2025-06-01',
    'stackbrief adr answers.yaml --into . --start 20',
  ],
  async run(options, io) {
    const { readRevisionFile } = await import('./revision-file.ts')
    const { brief, answers } = await readRevisionFile(options.file, io)
    await writeAdrs({ brief, answers, io, ...options })
  },
})

export interface WriteAdrsInput {
  brief: Brief
  answers: Answers | null
  into: string
  io: CliIO
  date?: string
  start?: number
  reviewBy?: string
  style?: AdrStyle
  /** Where the app is served; guide links start with it, and without it guides are named, not linked. */
  baseUrl?: string
  /** How the folder flag is named in messages (generate calls it --out). */
  flag?: string
}

/** Detects the folder's convention, reads its records, writes the new and changed ones and says what it did. */
export async function writeAdrs(input: WriteAdrsInput): Promise<void> {
  const { io } = input
  const flag = input.flag ?? '--into'
  const dir = resolve(io.cwd, input.into)
  const found = await detectConvention(dir, input.style, flag)
  const files = await readFolder(found.folder, flag)
  const [{ exportAdrs, addDays, parseRecords }, { highestNumber }] = await Promise.all([
    import('#app/export/adr.ts'),
    import('#app/export/adr/parse.ts'),
  ])
  const previous = parseRecords(files)
  const top = highestNumber(files.map((f) => f.path))
  if (input.start !== undefined) {
    if (found.style === 'log4brains') {
      throw new InputError([
        problem('--start', 'no --start for Log4brains, whose files are named by date', String(input.start)),
      ])
    }
    if (input.start <= top) {
      throw new InputError([
        problem(
          '--start',
          `a number above ${pad(top)}, the highest record in ${shown(io, found.folder)}`,
          String(input.start),
        ),
      ])
    }
  }
  const date = input.date ?? today()
  const { briefId, revision } = identity(input.brief, previous)
  const result = exportAdrs(input.brief, input.answers, {
    style: found.style,
    startAt: input.start ?? top + 1,
    date,
    reviewBy: input.reviewBy ?? addDays(date, REVIEW_AFTER_DAYS),
    briefId,
    revision,
    previous,
    guideBaseUrl: input.baseUrl,
  })

  try {
    await mkdir(found.folder, { recursive: true })
    for (const f of result.files) await writeFile(join(found.folder, f.path), f.content)
  } catch (error) {
    throw new InputError([problem(flag, `a folder that can be written (${shown(io, found.folder)})`, fsWords(error))])
  }

  const where = shown(io, found.folder)
  const lines = [`${STYLE_NAMES[found.style]} records in ${where} (${found.reason})`]
  for (const c of result.changes) {
    if (c.kind === 'new') lines.push(`  wrote       ${c.path}  ${c.title} (${c.status})`)
    if (c.kind === 'superseded') lines.push(`  superseded  ${c.path}  by ${c.by}`)
    if (c.kind === 'deprecated') lines.push(`  deprecated  ${c.path}`)
    if (c.kind === 'kept') lines.push(`  kept        ${c.path}  (written from a later revision)`)
  }
  const unchanged = result.changes.filter((c) => c.kind === 'unchanged').length
  if (unchanged > 0) lines.push(`  unchanged   ${unchanged} ${unchanged === 1 ? 'record' : 'records'}`)
  if (result.files.some((f) => f.path === 'index.md')) lines.push('  updated     index.md')
  if (result.files.length === 0) lines.push('  nothing to write: every decision matches its record')
  io.stdout(`${lines.join('\n')}\n`)
}

export interface Convention {
  style: AdrStyle
  folder: string
  reason: string
}

/**
 * Which convention a repository uses and where its records are. In order:
 * `.adr-dir` (adr-tools, the folder it names), `.log4brains.yml` (Log4brains,
 * its `project.adrFolder`), `docs/decisions/` (MADR), records in DIR itself
 * (their own convention), adr-tools' default `doc/adr/`. With none of these,
 * `requested` (or MADR) in DIR when it is empty or new, else in the
 * convention's usual folder under DIR.
 */
export async function detectConvention(
  dir: string,
  requested: AdrStyle | undefined,
  flag = '--into',
): Promise<Convention> {
  const kind = await kindOf(dir)
  if (kind === 'file') throw new InputError([problem(flag, 'a folder', 'a file')])
  const pick = (style: AdrStyle, folder: string, reason: string): Convention => {
    if (requested && requested !== style) {
      throw new InputError([problem('--style', `${style} (the convention there: ${reason})`, describeValue(requested))])
    }
    return { style, folder, reason }
  }
  if (kind === 'missing') return { style: requested ?? 'madr', folder: dir, reason: 'a new folder' }

  const adrDir = await readIfFile(join(dir, '.adr-dir'))
  if (adrDir !== null) {
    const named = adrDir.split(/\r?\n/)[0].trim() || 'doc/adr'
    return pick('adr-tools', resolve(dir, named), '.adr-dir')
  }
  const log4brains = await readIfFile(join(dir, '.log4brains.yml'))
  if (log4brains !== null) {
    const { parse } = await import('yaml')
    let folder = './docs/adr'
    try {
      const config = parse(log4brains) as { project?: { adrFolder?: unknown } } | null
      if (typeof config?.project?.adrFolder === 'string' && config.project.adrFolder.trim()) {
        folder = config.project.adrFolder.trim()
      }
    } catch {
      throw new InputError([
        problem(join(dir, '.log4brains.yml'), 'valid YAML with project.adrFolder', 'a syntax error'),
      ])
    }
    return pick('log4brains', resolve(dir, folder), '.log4brains.yml')
  }
  if ((await kindOf(join(dir, 'docs', 'decisions'))) === 'dir') {
    return pick('madr', join(dir, 'docs', 'decisions'), 'docs/decisions/')
  }
  const own = await styleOfRecords(dir)
  if (own) return pick(own, dir, `${STYLE_NAMES[own]} records there`)
  const adrDefault = join(dir, 'doc', 'adr')
  if ((await kindOf(adrDefault)) === 'dir' && (await styleOfRecords(adrDefault)) === 'adr-tools') {
    return pick('adr-tools', adrDefault, 'doc/adr/ with adr-tools records')
  }
  const style = requested ?? 'madr'
  if ((await readdir(dir)).length === 0) return { style, folder: dir, reason: 'an empty folder' }
  const usual = { madr: ['docs', 'decisions'], 'adr-tools': ['doc', 'adr'], log4brains: ['docs', 'adr'] }[style]
  return { style, folder: join(dir, ...usual), reason: `no records yet; ${STYLE_NAMES[style]}'s usual folder` }
}

async function styleOfRecords(dir: string): Promise<AdrStyle | null> {
  const { parseRecords } = await import('#app/export/adr.ts')
  const records = parseRecords(await readFolder(dir, '--into'))
  const counts = new Map<AdrStyle, number>()
  for (const r of records) if (r.style) counts.set(r.style, (counts.get(r.style) ?? 0) + 1)
  let best: AdrStyle | null = null
  for (const style of STYLES) if ((counts.get(style) ?? 0) > (best ? (counts.get(best) ?? 0) : 0)) best = style
  return best
}

async function readFolder(folder: string, flag: string): Promise<{ path: string; content: string }[]> {
  let names: string[]
  try {
    names = await readdir(folder)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return []
    throw new InputError([problem(flag, `a readable folder (${folder})`, fsWords(error))])
  }
  const files: { path: string; content: string }[] = []
  for (const name of names.filter((n) => n.toLowerCase().endsWith('.md')).sort()) {
    if ((await kindOf(join(folder, name))) !== 'file') continue
    files.push({ path: name, content: await readFile(join(folder, name), 'utf8') })
  }
  return files
}

/** The brief id of the records already there (so a folder keeps one), the next revision number. */
function identity(brief: Brief, previous: readonly ExistingRecord[]): { briefId: string; revision: number } {
  const ours = previous.filter((r) => r.area !== null && r.briefId !== null)
  const latest = ours.reduce<ExistingRecord | null>(
    (a, r) => (!a || (r.revision ?? 0) > (a.revision ?? 0) ? r : a),
    null,
  )
  const briefId = latest?.briefId ?? (slug(brief.title) || 'brief')
  // A fold, not Math.max(...list): a folder may hold more records than the call stack takes arguments.
  const highest = ours.reduce((top, r) => (r.briefId === briefId ? Math.max(top, r.revision ?? 0) : top), 0)
  return { briefId, revision: highest + 1 }
}

async function kindOf(path: string): Promise<'file' | 'dir' | 'missing' | 'other'> {
  try {
    const s = await stat(path)
    return s.isDirectory() ? 'dir' : s.isFile() ? 'file' : 'other'
  } catch {
    return 'missing'
  }
}

async function readIfFile(path: string): Promise<string | null> {
  return (await kindOf(path)) === 'file' ? readFile(path, 'utf8') : null
}

function fsWords(error: unknown): string {
  const code = (error as NodeJS.ErrnoException)?.code
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') return 'permission denied'
  if (code === 'ENOTDIR' || code === 'EEXIST') return 'a path that runs through a file'
  if (code === 'EISDIR') return 'a folder where a record file should go'
  return code ?? (error instanceof Error ? error.message : String(error))
}

function shown(io: CliIO, path: string): string {
  const rel = relative(io.cwd, path)
  return rel.startsWith('..') || isAbsolute(rel) ? path : rel || '.'
}

function isDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value)
  if (!m) return false
  return new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))).toISOString().slice(0, 10) === value
}

/** Today in the local calendar: the date a person at this machine would write on the record. */
function today(): string {
  const now = new Date()
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`
}

function pad(n: number): string {
  return String(n).padStart(4, '0')
}

function slug(text: string): string {
  return text
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/, '')
}

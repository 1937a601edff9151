import { isAbsolute, resolve } from 'node:path'
import { describeValue, problem } from '#app/lib/problems.ts'
import { defineCommand } from './command.ts'
import { InputError } from './errors.ts'

export const migrate = defineCommand({
  name: 'migrate',
  summary: 'Create or update the database tables',
  description:
    'Apply every database migration not yet applied, to the database --database names, else DATABASE_URL, else the SQLite file ./data/stackbrief.db. A postgres:// or postgresql:// URL is PostgreSQL; a file: URL or a path is a SQLite file, created with its folder if missing. Prints what was applied and where, never the password. The server applies the same migrations when it starts.',
  args: [],
  flags: [
    {
      name: 'database',
      value: 'URL',
      summary: 'postgres://user:password@host:5432/name, or a SQLite file path (default: DATABASE_URL)',
    },
  ],
  options: (z) => z.strictObject({ database: z.string().trim().min(1).optional() }),
  examples: [
    'stackbrief migrate',
    'stackbrief migrate --database ./data/stackbrief.db',
    'DATABASE_URL=postgres://app@db.internal:5432/stackbrief stackbrief migrate',
  ],
  async run({ database }, io) {
    const url = targetUrl(
      database ?? io.env.DATABASE_URL,
      database !== undefined ? '--database' : 'DATABASE_URL',
      io.cwd,
    )
    const [{ describeDatabase, describeDbError, migrateToLatest, openDatabase }, { MIGRATIONS }] = await Promise.all([
      import('#db/client.server.ts'),
      import('#db/migrations/index.ts'),
    ])
    const where = describeDatabase(url)
    const opened = openDatabase(url)
    let applied: string[]
    try {
      applied = await migrateToLatest(opened.db, opened.dialect)
    } catch (error) {
      throw new Error(`could not migrate ${where}: ${describeDbError(error)}`)
    } finally {
      await opened.close().catch(() => {})
    }
    const total = Object.keys(MIGRATIONS).length
    if (applied.length === 0) {
      io.stdout(`${where} is up to date (${plural(total, 'migration')}, none pending).\n`)
      return
    }
    io.stdout(`Applied ${plural(applied.length, 'migration')} to ${where}:\n${applied.map((m) => `  ${m}\n`).join('')}`)
  },
})

/** The URL to open: checked for a scheme we know, and a plain path taken from the working folder. */
export function targetUrl(given: string | undefined, source: string, cwd: string): string {
  const url = given?.trim() || './data/stackbrief.db'
  if (/^postgres(ql)?:\/\//i.test(url)) {
    let host = ''
    try {
      host = new URL(url).hostname
    } catch {}
    if (!host) {
      throw new InputError([
        problem(source, 'a PostgreSQL URL such as postgres://user@host:5432/name', describeValue(redact(url))),
      ])
    }
    return url
  }
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(url) && !url.startsWith('file:')) {
    throw new InputError([
      problem(
        source,
        'a postgres:// or postgresql:// URL, a file: URL or a path to a SQLite file',
        describeValue(redact(url)),
      ),
    ])
  }
  if (url.startsWith('file:') || url === ':memory:' || isAbsolute(url)) return url
  return resolve(cwd, url)
}

/** The URL with any password replaced, so a mistyped URL can be shown back safely. */
export function redact(url: string): string {
  return url.replace(/^([a-z][a-z0-9+.-]*:\/\/[^/:@]*):[^/@]*@/i, '$1:***@')
}

function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`
}

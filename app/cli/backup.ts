import { resolve } from 'node:path'
import { describeValue, problem } from '#app/lib/problems.ts'
import { defineCommand } from './command.ts'
import { DATABASE_FLAG, formatBytes, plural } from './database.ts'
import { InputError } from './errors.ts'
import { targetUrl } from './migrate.ts'

export const backup = defineCommand({
  name: 'backup',
  summary: 'Copy a SQLite database consistently, even while the server writes',
  description:
    "Copy the SQLite database into FILE with VACUUM INTO: one read transaction, so the copy holds every write committed before it began (including those still in the write-ahead log, which a plain file copy misses) and none after, while the server goes on writing. The copy is written beside FILE, checked with SQLite's quick_check, and renamed into place. For PostgreSQL, prints the pg_dump command to run instead (and the pg_restore command that reads it back) and exits 0.",
  args: [],
  flags: [
    { name: 'out', value: 'FILE', summary: 'the backup file to write; must not exist yet (required)' },
    DATABASE_FLAG,
  ],
  options: (z) =>
    z.strictObject({
      out: z.custom<string>((v) => typeof v === 'string' && v.length > 0 && v !== '-', {
        message: 'a file to write the backup to (--out FILE)',
      }),
      database: z.string().trim().min(1).optional(),
    }),
  examples: [
    'stackbrief backup --out backups/stackbrief-2025-06-01.db',
    'DATABASE_URL=postgres://app@db.internal:5432/stackbrief stackbrief backup --out stackbrief.dump',
  ],
  async run({ out, database }, io) {
    const source = database !== undefined ? '--database' : 'DATABASE_URL'
    const url = targetUrl(database ?? io.env.DATABASE_URL, source, io.cwd)
    if (/^postgres(ql)?:\/\//i.test(url)) {
      const shown = withoutPassword(url)
      io.stdout(
        [
          'PostgreSQL is backed up with its own tools, which copy a consistent snapshot while the server writes:',
          '',
          `  pg_dump --format=custom --no-owner --file ${shellQuote(out)} ${shellQuote(shown)}`,
          '',
          'and read back into an empty database with:',
          '',
          `  pg_restore --no-owner --exit-on-error --dbname ${shellQuote(shown)} ${shellQuote(out)}`,
          '',
          shown === url ? '' : 'Give the password in PGPASSWORD or ~/.pgpass rather than in the URL.\n',
        ].join('\n'),
      )
      return
    }
    const [{ existsSync }, { rename, rm, stat }, { default: SQLite }] = await Promise.all([
      import('node:fs'),
      import('node:fs/promises'),
      import('better-sqlite3'),
    ])
    const path = url.startsWith('file:') ? new URL(url).pathname : url
    const file = resolve(io.cwd, out)
    if (path === ':memory:' || !existsSync(path)) {
      throw new InputError([problem(source, 'a SQLite database file that exists', describeValue(path))])
    }
    if (existsSync(file)) {
      throw new InputError([
        problem('--out', 'a file that does not exist yet (a backup never overwrites)', describeValue(out)),
      ])
    }
    const partial = `${file}.partial`
    await rm(partial, { force: true })
    const started = performance.now()
    const db = new SQLite(path, { fileMustExist: true })
    try {
      db.pragma('busy_timeout = 10000')
      db.prepare('VACUUM INTO ?').run(partial)
    } catch (error) {
      await rm(partial, { force: true })
      const code = (error as { code?: string }).code ?? ''
      if (code === 'SQLITE_CANTOPEN') {
        throw new InputError([problem('--out', 'a file path that can be written', describeValue(out))])
      }
      throw error
    } finally {
      db.close()
    }
    const seconds = (performance.now() - started) / 1000
    const copy = new SQLite(partial, { readonly: true })
    let revisions = 0
    try {
      const check = copy.pragma('quick_check', { simple: true })
      if (check !== 'ok') throw new Error(`the copy failed its check: ${String(check)}`)
      revisions = Number((copy.prepare('select count(*) as n from revisions').get() as { n: number }).n)
    } catch (error) {
      copy.close()
      await rm(partial, { force: true })
      throw error
    }
    copy.close()
    await rename(partial, file)
    const size = (await stat(file)).size
    io.stdout(
      `Backed up SQLite at ${path} to ${out} (${formatBytes(size)}, ${plural(revisions, 'revision')}, ${seconds.toFixed(2)} s).\nTo restore: stop the server, move ${path} and any ${path}-wal and ${path}-shm aside, copy ${out} to ${path}, and start the server.\n`,
    )
  },
})

/** The URL without its password, which belongs in PGPASSWORD or ~/.pgpass rather than in a printed command. */
function withoutPassword(url: string): string {
  return url.replace(/^([a-z][a-z0-9+.-]*:\/\/[^/:@]*):[^/@]*@/i, '$1@')
}

function shellQuote(text: string): string {
  return /^[\w@%+=:,./-]+$/.test(text) ? text : `'${text.replace(/'/g, "'\\''")}'`
}

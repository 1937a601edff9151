import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pg from 'pg'
import { afterAll, describe, expect, it } from 'vitest'
import { MIGRATIONS } from '#db/migrations/index.ts'
import { isPostgresReachable, TEST_POSTGRES_URL } from '#tests/support/databases.ts'
import type { CliIO } from './command.ts'
import { run } from './main.ts'

const postgres = await isPostgresReachable()
const NAMES = Object.keys(MIGRATIONS)
const n = NAMES.length
const applied = (where: string) =>
  `Applied ${n} migration${n === 1 ? '' : 's'} to ${where}:\n${NAMES.map((m) => `  ${m}\n`).join('')}`
const upToDate = (where: string) => `${where} is up to date (${n} migration${n === 1 ? '' : 's'}, none pending).\n`
const dir = mkdtempSync(join(tmpdir(), 'stackbrief-migrate-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

async function migrate(args: string[], env: Record<string, string> = {}) {
  let stdout = ''
  let stderr = ''
  const io: CliIO = {
    stdout: (text) => {
      stdout += text
    },
    stderr: (text) => {
      stderr += text
    },
    cwd: dir,
    env,
    readStdin: async () => new Uint8Array(),
  }
  const code = await run(['migrate', ...args], io)
  return { code, stdout, stderr }
}

describe('stackbrief migrate', () => {
  it('applies the migrations to a new SQLite file, then finds it up to date', async () => {
    const file = join(dir, 'new', 'app.db')
    const first = await migrate(['--database', file])
    expect(first).toEqual({ code: 0, stdout: applied(`SQLite at ${file}`), stderr: '' })
    const again = await migrate(['--database', file])
    expect(again.code).toBe(0)
    expect(again.stdout).toBe(upToDate(`SQLite at ${file}`))
  })

  it('reads DATABASE_URL when --database is not given, and takes paths from the working folder', async () => {
    const result = await migrate([], { DATABASE_URL: 'from-env.db' })
    expect(result.code).toBe(0)
    expect(result.stdout).toContain(`SQLite at ${join(dir, 'from-env.db')}`)
  })

  it('exits 2 on a URL it cannot use, without showing the password', async () => {
    for (const url of ['mysql://app:hunter2@db/app', 'postgres://:hunter2@/app']) {
      const result = await migrate(['--database', url])
      expect(result.code).toBe(2)
      expect(result.stderr).toMatch(/^--database: expected .*, got ".*:\*\*\*@/)
      expect(result.stderr).not.toContain('hunter2')
    }
    expect((await migrate([], { DATABASE_URL: 'redis://x:hunter2@y' })).stderr).toMatch(/^DATABASE_URL: expected/)
  })

  it('exits 1 with one line when the database cannot be reached, without the password', async () => {
    const result = await migrate(['--database', 'postgres://app:hunter2@127.0.0.1:1/app'])
    expect(result.code).toBe(1)
    expect(result.stderr).toMatch(/^error: could not migrate PostgreSQL at 127\.0\.0\.1:1\/app: .*ECONNREFUSED.*\n$/)
    expect(result.stderr).not.toContain('hunter2')
  })

  it.runIf(postgres)('applies the migrations to PostgreSQL', async () => {
    const schema = `m_${randomBytes(6).toString('hex')}`
    const admin = new pg.Client({ connectionString: TEST_POSTGRES_URL })
    await admin.connect()
    await admin.query(`create schema ${schema}`)
    try {
      const url = new URL(TEST_POSTGRES_URL)
      url.searchParams.set('options', `-c search_path=${schema}`)
      const first = await migrate(['--database', url.toString()])
      expect(first.code).toBe(0)
      expect(first.stdout).toBe(applied(`PostgreSQL at ${url.host}${url.pathname}`))
      expect((await migrate(['--database', url.toString()])).stdout).toContain('is up to date')
      const tables = await admin.query('select table_name from information_schema.tables where table_schema = $1', [
        schema,
      ])
      expect(tables.rows.map((r) => r.table_name)).toEqual(expect.arrayContaining(['briefs', 'revisions']))
    } finally {
      await admin.query(`drop schema ${schema} cascade`)
      await admin.end()
    }
  })
})

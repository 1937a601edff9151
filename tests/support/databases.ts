import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pg from 'pg'
import { type Db, migrateToLatest, openDatabase } from '#db/client.server.ts'

/**
 * The real databases service and route tests run against: a fresh SQLite file,
 * and a fresh schema in the PostgreSQL at TEST_POSTGRES_URL (default
 * 127.0.0.1:5432/test). When PostgreSQL cannot be reached the PostgreSQL cases
 * are skipped and say so; CI sets REQUIRE_POSTGRES=1 to make that a failure.
 */

export const TEST_POSTGRES_URL = process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test'

export interface TestDatabase {
  name: 'sqlite' | 'postgres'
  /** Opens a fresh, migrated, empty database; `cleanup` drops it. */
  open(): Promise<{ db: Db; url: string; cleanup: () => Promise<void> }>
}

let postgresReachable: Promise<boolean> | undefined

export function isPostgresReachable(): Promise<boolean> {
  postgresReachable ??= (async () => {
    const client = new pg.Client({ connectionString: TEST_POSTGRES_URL, connectionTimeoutMillis: 2000 })
    try {
      await client.connect()
      await client.query('select 1')
      return true
    } catch {
      return false
    } finally {
      await client.end().catch(() => {})
    }
  })()
  return postgresReachable
}

const sqlite: TestDatabase = {
  name: 'sqlite',
  async open() {
    const dir = mkdtempSync(join(tmpdir(), 'stackbrief-test-'))
    const url = join(dir, 'test.db')
    const db = openDatabase(url)
    await migrateToLatest(db.db, db.dialect)
    return {
      db,
      url,
      cleanup: async () => {
        await db.close()
        rmSync(dir, { recursive: true, force: true })
      },
    }
  },
}

/** Any fixed number: the advisory lock every test process takes around migrating and dropping schemas. */
const SCHEMA_DROP_LOCK = 7_260_601

const postgres: TestDatabase = {
  name: 'postgres',
  async open() {
    const schema = `t_${randomBytes(6).toString('hex')}`
    const admin = new pg.Client({ connectionString: TEST_POSTGRES_URL })
    await admin.connect()
    await admin.query(`create schema ${schema}`)
    const url = withSearchPath(TEST_POSTGRES_URL, schema)
    const db = openDatabase(url)
    // Kysely's migrator reads the tables of every schema; one dropped meanwhile by another
    // test process fails that read, so migrations share a lock that drops take alone.
    await admin.query('select pg_advisory_lock_shared($1)', [SCHEMA_DROP_LOCK])
    try {
      await migrateToLatest(db.db, db.dialect)
    } finally {
      await admin.end()
    }
    return {
      db,
      url,
      cleanup: async () => {
        await db.close()
        const client = new pg.Client({ connectionString: TEST_POSTGRES_URL })
        await client.connect()
        await client.query('select pg_advisory_lock($1)', [SCHEMA_DROP_LOCK])
        await client.query(`drop schema ${schema} cascade`)
        await client.end()
      },
    }
  },
}

function withSearchPath(url: string, schema: string): string {
  const u = new URL(url)
  u.searchParams.set('options', `-c search_path=${schema}`)
  return u.toString()
}

/**
 * The databases to run a suite against, for `describe.each`. PostgreSQL is
 * listed only when reachable (or required); a skipped run prints why.
 */
export async function testDatabases(): Promise<TestDatabase[]> {
  if (await isPostgresReachable()) return [sqlite, postgres]
  if (process.env.REQUIRE_POSTGRES === '1') {
    throw new Error(`PostgreSQL is required (REQUIRE_POSTGRES=1) but ${TEST_POSTGRES_URL} cannot be reached`)
  }
  console.warn(`PostgreSQL at ${TEST_POSTGRES_URL} cannot be reached: PostgreSQL tests skipped, SQLite only.`)
  return [sqlite]
}

import { mkdirSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import SQLite from 'better-sqlite3'
import { Kysely, type MigrationProvider, Migrator, PostgresDialect, SqliteDialect, sql } from 'kysely'
import pg from 'pg'
import { MIGRATIONS } from './migrations'
import type { Database } from './schema'

export type Dialect = 'sqlite' | 'postgres'

export interface Db {
  db: Kysely<Database>
  dialect: Dialect
  /** Where the data lives, without credentials: a file path or host/database. */
  location: string
  close(): Promise<void>
}

export const DEFAULT_SQLITE_PATH = './data/stackbrief.db'

/**
 * `DATABASE_URL` chooses the store: unset → ./data/stackbrief.db; a `file:`
 * URL or a plain path → that SQLite file (its folder created if missing);
 * `postgres://` or `postgresql://` → PostgreSQL.
 */
export function openDatabase(url: string | undefined = process.env.DATABASE_URL): Db {
  const target = url?.trim() || DEFAULT_SQLITE_PATH
  if (/^postgres(ql)?:\/\//.test(target)) return openPostgres(target)
  return openSqlite(target.startsWith('file:') ? sqlitePathFromFileUrl(target) : target)
}

function sqlitePathFromFileUrl(url: string): string {
  if (url.startsWith('file://')) return fileURLToPath(url)
  return url.slice('file:'.length).split('?')[0]
}

function openSqlite(path: string): Db {
  const memory = path === ':memory:'
  const file = memory ? path : resolve(path)
  if (!memory) mkdirSync(dirname(file), { recursive: true })
  const database = new SQLite(file)
  database.pragma('journal_mode = WAL')
  database.pragma('foreign_keys = ON')
  database.pragma('busy_timeout = 5000')
  database.pragma('synchronous = NORMAL')
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database }) })
  return { db, dialect: 'sqlite', location: file, close: () => db.destroy() }
}

function openPostgres(url: string): Db {
  const pool = new pg.Pool({ connectionString: url, max: Number(process.env.DATABASE_POOL_MAX ?? 10) })
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) })
  const { host, pathname } = new URL(url)
  return { db, dialect: 'postgres', location: `${host}${pathname}`, close: () => db.destroy() }
}

const provider: MigrationProvider = { getMigrations: async () => MIGRATIONS }

/** Applies every pending migration; throws with the failing migration's name. */
export async function migrateToLatest(db: Kysely<Database>, dialect: Dialect): Promise<string[]> {
  // Kysely looks for its bookkeeping tables in any schema; pin them to ours so
  // a database shared by several schemas (tests, previews) keeps them apart.
  const migrationTableSchema =
    dialect === 'postgres'
      ? (await sql<{ schema: string }>`select current_schema() as schema`.execute(db)).rows[0]?.schema
      : undefined
  const migrator = new Migrator({ db, provider, migrationTableSchema })
  const { error, results = [] } = await migrator.migrateToLatest()
  const failed = results.find((r) => r.status === 'Error')
  if (error) {
    const reason = error instanceof Error ? error.message : String(error)
    throw new Error(`migration ${failed?.migrationName ?? '(unknown)'} failed: ${reason}`)
  }
  return results.filter((r) => r.status === 'Success').map((r) => r.migrationName)
}

let shared: Promise<Db> | undefined

/** The process-wide database, opened and migrated on first use. */
export function getDb(): Promise<Db> {
  shared ??= (async () => {
    const opened = openDatabase()
    await migrateToLatest(opened.db, opened.dialect)
    return opened
  })()
  return shared
}

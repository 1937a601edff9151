import { mkdirSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import SQLite from 'better-sqlite3'
import {
  Kysely,
  type MigrationProvider,
  type MigrationResultSet,
  Migrator,
  PostgresDialect,
  SqliteDialect,
  sql,
} from 'kysely'
import pg from 'pg'
import { MIGRATIONS } from '#db/migrations/index.ts'
import type { Database } from './schema.ts'

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
  // SQLite's lower() folds ASCII only; fold all of Unicode, as PostgreSQL does, so searches agree.
  database.function('lower', { deterministic: true }, (text: unknown) =>
    typeof text === 'string' ? text.toLowerCase() : text,
  )
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database }) })
  return { db, dialect: 'sqlite', location: file, close: () => db.destroy() }
}

function openPostgres(url: string): Db {
  const pool = new pg.Pool({ connectionString: url, max: Number(process.env.DATABASE_POOL_MAX ?? 10) })
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) })
  const { host, pathname } = new URL(url)
  return { db, dialect: 'postgres', location: `${host}${pathname}`, close: () => db.destroy() }
}

/** Where a DATABASE_URL points, in words and without credentials, for messages. */
export function describeDatabase(url: string | undefined = process.env.DATABASE_URL): string {
  const target = url?.trim() || DEFAULT_SQLITE_PATH
  if (/^postgres(ql)?:\/\//.test(target)) {
    try {
      const { host, pathname } = new URL(target)
      return `PostgreSQL at ${host}${pathname}`
    } catch {
      return 'PostgreSQL at a URL that does not parse'
    }
  }
  const path = target.startsWith('file:') ? sqlitePathFromFileUrl(target) : target
  return `SQLite at ${path === ':memory:' ? path : resolve(path)}`
}

/** Why opening or migrating failed, on one line (a refused connection to every address included). */
export function describeDbError(error: unknown): string {
  if (error instanceof AggregateError && error.errors.length > 0) {
    return [...new Set(error.errors.map(describeDbError))].join('; ')
  }
  if (error instanceof Error) {
    const text = error.message || (error as NodeJS.ErrnoException).code || error.name
    return text.split('\n')[0]
  }
  return String(error)
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
  let outcome = await migrator.migrateToLatest()
  // Kysely's check for its tables reads every schema in the catalog, and fails when another
  // schema is dropped meanwhile (parallel test runs). Nothing was applied then; try again.
  for (let retry = 0; retry < 3 && otherSchemaVanished(outcome, migrationTableSchema); retry++) {
    outcome = await migrator.migrateToLatest()
  }
  const { error, results = [] } = outcome
  const failed = results.find((r) => r.status === 'Error')
  if (error) {
    const reason = error instanceof Error ? error.message : String(error)
    throw new Error(`migration ${failed?.migrationName ?? '(unknown)'} failed: ${reason}`)
  }
  return results.filter((r) => r.status === 'Success').map((r) => r.migrationName)
}

function otherSchemaVanished({ error, results = [] }: MigrationResultSet, ours: string | undefined): boolean {
  const vanished = /^schema "([^"]+)" does not exist$/.exec(error instanceof Error ? error.message : '')
  return results.length === 0 && vanished !== null && vanished[1] !== ours
}

// Kept on globalThis: server.ts and the routes (loaded by Vite in development,
// bundled in production) hold separate copies of this module but share one database.
const SHARED = Symbol.for('stackbrief.db')
const holder = globalThis as { [SHARED]?: Promise<Db> }

/** The process-wide database, opened and migrated on first use. */
export function getDb(): Promise<Db> {
  holder[SHARED] ??= (async () => {
    const opened = openDatabase()
    await migrateToLatest(opened.db, opened.dialect)
    return opened
  })().catch((error: unknown) => {
    delete holder[SHARED]
    throw error
  })
  return holder[SHARED]
}

/** Makes `getDb()` answer with `db` (a test database); `undefined` goes back to DATABASE_URL. */
export function setDbForTests(db: Db | undefined): void {
  if (db) holder[SHARED] = Promise.resolve(db)
  else delete holder[SHARED]
}

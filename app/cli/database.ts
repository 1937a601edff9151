import type { Db } from '#db/client.server.ts'
import { targetUrl } from './migrate.ts'

/** The database a data command works on: --database, else DATABASE_URL, else ./data/stackbrief.db; opened and migrated. */
export async function openTarget(
  database: string | undefined,
  io: { cwd: string; env: Readonly<Record<string, string | undefined>> },
): Promise<{ db: Db; url: string; where: string }> {
  const url = targetUrl(database ?? io.env.DATABASE_URL, database !== undefined ? '--database' : 'DATABASE_URL', io.cwd)
  const { describeDatabase, describeDbError, migrateToLatest, openDatabase } = await import('#db/client.server.ts')
  const where = describeDatabase(url)
  const db = openDatabase(url)
  try {
    await migrateToLatest(db.db, db.dialect)
  } catch (error) {
    await db.close().catch(() => {})
    throw new Error(`could not open ${where}: ${describeDbError(error)}`)
  }
  return { db, url, where }
}

export const DATABASE_FLAG = {
  name: 'database',
  value: 'URL',
  summary: 'postgres://user:password@host:5432/name, or a SQLite file path (default: DATABASE_URL)',
} as const

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`
}

export function plural(n: number, noun: string): string {
  return `${n.toLocaleString('en-US')} ${noun}${n === 1 ? '' : 's'}`
}

export const WORKSPACE_FLAG = {
  name: 'workspace',
  value: 'ID|EMAIL',
  summary: 'the workspace: its id, or the email of an account that works in it (default: the local workspace)',
} as const

/** The workspace --workspace names, or the local one; an unknown name is an input error. */
export async function workspaceOption(db: Db, reference: string | undefined): Promise<{ id: string; name: string }> {
  const [{ findWorkspace }, { LOCAL_WORKSPACE_ID }, { problem }, { InputError }] = await Promise.all([
    import('#app/services/workspaces.server.ts'),
    import('#db/migrations/0001-initial.ts'),
    import('#app/lib/problems.ts'),
    import('./errors.ts'),
  ])
  const found = await findWorkspace(db, reference ?? LOCAL_WORKSPACE_ID)
  if (found) return found
  throw new InputError([
    problem(
      '--workspace',
      'the id of a workspace or the email of an account on this database (stackbrief workspaces lists them)',
      JSON.stringify(reference),
    ),
  ])
}

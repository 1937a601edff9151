import type { Kysely } from 'kysely'
import type { Db } from '#db/client.server.ts'
import { LOCAL_WORKSPACE_ID } from '#db/migrations/0001-initial.ts'
import { membershipOf } from './accounts.server.ts'

/**
 * The workspaces of an instance as its operator sees them from the command
 * line: which to export, where to import. A workspace is named by its id or
 * by the email of an account that works in it.
 */

export interface WorkspaceSummary {
  id: string
  name: string
  createdAt: string
  /** Emails of its owners; anonymous identities have none worth showing. */
  owners: string[]
  /** Briefs not deleted. */
  briefs: number
  /** Held by an anonymous identity only. */
  anonymous: boolean
}

export const WORKSPACE_LIST_LIMIT = 500

/** Every workspace with at least one live brief, plus the local one; the most briefs first. */
export async function listWorkspaces(db: Db, input: { limit?: number } = {}): Promise<WorkspaceSummary[]> {
  const limit = Math.min(input.limit ?? WORKSPACE_LIST_LIMIT, WORKSPACE_LIST_LIMIT)
  const rows = await db.db
    .selectFrom('workspaces as w')
    .leftJoin('briefs as b', (join) => join.onRef('b.workspace_id', '=', 'w.id').on('b.deleted_at', 'is', null))
    .select((eb) => ['w.id', 'w.name', 'w.created_at', eb.fn.count<string | number>('b.id').as('briefs')])
    .groupBy(['w.id', 'w.name', 'w.created_at'])
    .having((eb) => eb.or([eb(eb.fn.count('b.id'), '>', 0), eb('w.id', '=', LOCAL_WORKSPACE_ID)]))
    .orderBy('briefs', 'desc')
    .orderBy('w.created_at')
    .orderBy('w.id')
    .limit(limit)
    .execute()
  const ids = rows.map((row) => row.id)
  const members =
    ids.length === 0
      ? []
      : await (db.db as unknown as Kysely<MemberTables>)
          .selectFrom('workspace_members as m')
          .innerJoin('auth_user as u', 'u.id', 'm.user_id')
          .select(['m.workspace_id', 'm.role', 'u.email', 'u.isAnonymous'])
          .where('m.workspace_id', 'in', ids)
          .orderBy('m.created_at')
          .execute()
  return rows.map((row) => {
    const own = members.filter((m) => m.workspace_id === row.id)
    return {
      id: row.id,
      name: row.name,
      createdAt: row.created_at,
      owners: own.filter((m) => m.role === 'owner' && !m.isAnonymous).map((m) => m.email),
      briefs: Number(row.briefs),
      anonymous: own.length > 0 && own.every((m) => Boolean(m.isAnonymous)),
    }
  })
}

/** The workspace a reference names: its id, or the email of an account (the workspace it works in). */
export async function findWorkspace(db: Db, reference: string): Promise<{ id: string; name: string } | null> {
  const byId = await db.db
    .selectFrom('workspaces')
    .select(['id', 'name'])
    .where('id', '=', reference)
    .executeTakeFirst()
  if (byId) return byId
  if (!reference.includes('@')) return null
  const user = await (db.db as unknown as Kysely<MemberTables>)
    .selectFrom('auth_user')
    .select('id')
    .where('email', '=', reference.trim().toLowerCase())
    .executeTakeFirst()
  const membership = user ? await membershipOf(db.db, user.id) : null
  if (!membership) return null
  return db.db
    .selectFrom('workspaces')
    .select(['id', 'name'])
    .where('id', '=', membership.workspaceId)
    .executeTakeFirstOrThrow()
}

interface MemberTables {
  workspace_members: { workspace_id: string; user_id: string; role: string; created_at: string }
  auth_user: { id: string; email: string; isAnonymous: number | boolean | null }
}

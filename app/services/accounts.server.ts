import { type Kysely, sql } from 'kysely'
import type { Db } from '#db/client.server.ts'
import { LOCAL_WORKSPACE_ID } from '#db/migrations/0001-initial.ts'
import type { Database, Role } from '#db/schema.ts'
import { newId } from './support/ids.server.ts'

/**
 * Where accounts keep their briefs. Every identity, anonymous or not, works
 * in one workspace of its own; the instance's local workspace (the briefs
 * written before accounts existed) goes to the first real account. When an
 * anonymous identity becomes an account, its briefs move into that
 * account's workspace.
 */

export interface Membership {
  workspaceId: string
  role: Role
}

const ROLE_ORDER: Record<Role, number> = { owner: 0, admin: 1, editor: 2, viewer: 3 }

/** Gives a new identity its workspace: the unclaimed local one for the first real account, else a new one. */
export async function placeNewAccount(
  db: Db,
  input: { userId: string; anonymous: boolean; name: string; now?: Date },
): Promise<Membership> {
  const now = (input.now ?? new Date()).toISOString()
  return db.db.transaction().execute(async (trx) => {
    if (!input.anonymous) {
      // Two first sign-ups at once must not both take the local workspace. SQLite's one writer
      // already serialises them; PostgreSQL's read-committed inserts would not see each other,
      // so the local workspace's row is locked until this transaction ends.
      if (db.dialect === 'postgres') {
        await trx.selectFrom('workspaces').select('id').where('id', '=', LOCAL_WORKSPACE_ID).forUpdate().execute()
      }
      const taken = await sql`
        insert into workspace_members (workspace_id, user_id, role, created_at)
        select ${LOCAL_WORKSPACE_ID}, ${input.userId}, 'owner', ${now}
        where not exists (select 1 from workspace_members where workspace_id = ${LOCAL_WORKSPACE_ID})
      `.execute(trx)
      if (Number(taken.numAffectedRows ?? 0) > 0) return { workspaceId: LOCAL_WORKSPACE_ID, role: 'owner' as const }
    }
    const workspaceId = newId('w')
    const name = input.anonymous ? 'Your briefs' : `${input.name.slice(0, 80)}'s workspace`
    await trx.insertInto('workspaces').values({ id: workspaceId, name, created_at: now }).execute()
    await trx
      .insertInto('workspace_members')
      .values({ workspace_id: workspaceId, user_id: input.userId, role: 'owner', created_at: now })
      .execute()
    return { workspaceId, role: 'owner' as const }
  })
}

/**
 * The workspace an identity works in: the one it last chose (joining one
 * chooses it), else the one where it holds the strongest role, the oldest first.
 */
export async function membershipOf(db: Kysely<Database>, userId: string): Promise<Membership | null> {
  const rows = await db
    .selectFrom('workspace_members')
    .select(['workspace_id', 'role', 'created_at', 'chosen_at'])
    .where('user_id', '=', userId)
    .execute()
  rows.sort(
    (a, b) =>
      (b.chosen_at ?? '').localeCompare(a.chosen_at ?? '') ||
      ROLE_ORDER[a.role] - ROLE_ORDER[b.role] ||
      a.created_at.localeCompare(b.created_at),
  )
  const first = rows[0]
  return first ? { workspaceId: first.workspace_id, role: first.role } : null
}

/** True while no account owns the local workspace: the first one to sign up will. */
export async function localWorkspaceUnclaimed(db: Db): Promise<boolean> {
  const owner = await db.db
    .selectFrom('workspace_members')
    .select('user_id')
    .where('workspace_id', '=', LOCAL_WORKSPACE_ID)
    .executeTakeFirst()
  return owner === undefined
}

/**
 * Moves what an anonymous identity wrote (briefs with their revisions,
 * check-ins, tokens, notes and export options, and drafts) into the account
 * it became, then removes its emptied workspace.
 */
export async function claimAnonymousWork(db: Db, input: { anonymousUserId: string; userId: string }): Promise<number> {
  const from = await membershipOf(db.db, input.anonymousUserId)
  const to = await membershipOf(db.db, input.userId)
  if (!from || !to || from.workspaceId === to.workspaceId) return 0
  return db.db.transaction().execute(async (trx) => {
    const moved = await trx
      .updateTable('briefs')
      .set({ workspace_id: to.workspaceId })
      .where('workspace_id', '=', from.workspaceId)
      .executeTakeFirst()
    await trx
      .updateTable('drafts')
      .set({ workspace_id: to.workspaceId })
      .where('workspace_id', '=', from.workspaceId)
      .execute()
    await trx
      .updateTable('brief_notes')
      .set({ workspace_id: to.workspaceId })
      .where('workspace_id', '=', from.workspaceId)
      .execute()
    await trx
      .updateTable('brief_export_options')
      .set({ workspace_id: to.workspaceId })
      .where('workspace_id', '=', from.workspaceId)
      .execute()
    // Replays of the anonymous identity's requests cannot come again: its session ends here.
    await trx.deleteFrom('idempotency_keys').where('workspace_id', '=', from.workspaceId).execute()
    await trx.deleteFrom('api_keys').where('workspace_id', '=', from.workspaceId).execute()
    await trx.deleteFrom('workspace_invitations').where('workspace_id', '=', from.workspaceId).execute()
    await trx.deleteFrom('workspace_members').where('workspace_id', '=', from.workspaceId).execute()
    await trx.deleteFrom('workspaces').where('id', '=', from.workspaceId).execute()
    return Number(moved.numUpdatedRows)
  })
}

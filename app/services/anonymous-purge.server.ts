import type { Kysely } from 'kysely'
import type { Db } from '#db/client.server.ts'
import type { Database } from '#db/schema.ts'
import { inTransaction } from './support/transaction.server.ts'

/**
 * Anonymous identities that nobody can reach any more. A visitor's first
 * write makes one, held only by a session cookie; once every session it had
 * has been over for 30 days, no browser can prove to be it again, so what it
 * wrote can never be opened. Its briefs are deleted the usual way (hidden at
 * once, removed by the brief purge after its own 30 days), and when its
 * workspace holds no brief any more the identity goes with its workspace,
 * drafts and keys. Real accounts are never touched, nor a workspace that
 * anyone else belongs to.
 */

export const ANONYMOUS_GRACE_DAYS = 30
const DAY_MS = 24 * 60 * 60 * 1000

export interface AnonymousPurge {
  /** Identities removed with their workspaces. */
  identities: number
  /** Briefs of unreachable identities deleted (to be purged after the usual grace period). */
  briefsDeleted: number
  more: boolean
}

export async function purgeAbandonedAnonymous(
  db: Db,
  input: { now?: Date; limit?: number } = {},
): Promise<AnonymousPurge> {
  const now = input.now ?? new Date()
  const cutoff = new Date(now.getTime() - ANONYMOUS_GRACE_DAYS * DAY_MS).toISOString()
  const limit = input.limit ?? 200
  const auth = db.db as unknown as Kysely<AuthTables>
  const due = await auth
    .selectFrom('auth_user as u')
    .innerJoin('workspace_members as m', 'm.user_id', 'u.id')
    .select(['u.id as userId', 'm.workspace_id as workspaceId'])
    .where('u.isAnonymous', '=', db.dialect === 'postgres' ? true : 1)
    .where('u.createdAt', '<', cutoff)
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('auth_session as s')
            .select('s.id')
            .whereRef('s.userId', '=', 'u.id')
            .where('s.expiresAt', '>=', cutoff),
        ),
      ),
    )
    // Only a workspace the identity has to itself.
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('workspace_members as other')
            .select('other.user_id')
            .whereRef('other.workspace_id', '=', 'm.workspace_id')
            .whereRef('other.user_id', '!=', 'u.id'),
        ),
      ),
    )
    .orderBy('u.createdAt')
    .orderBy('u.id')
    .limit(limit + 1)
    .execute()

  let identities = 0
  let briefsDeleted = 0
  for (const { userId, workspaceId } of due.slice(0, limit)) {
    await inTransaction(db, async (trx) => {
      const hidden = await trx
        .updateTable('briefs')
        .set({ deleted_at: now.toISOString() })
        .where('workspace_id', '=', workspaceId)
        .where('deleted_at', 'is', null)
        .executeTakeFirst()
      briefsDeleted += Number(hidden.numUpdatedRows)
      const remaining = await trx
        .selectFrom('briefs')
        .select('id')
        .where('workspace_id', '=', workspaceId)
        .limit(1)
        .execute()
      if (remaining.length > 0) return
      await removeEmptyWorkspace(trx, workspaceId)
      await (trx as unknown as Kysely<AuthTables>).deleteFrom('auth_user').where('id', '=', userId).execute()
      identities++
    })
  }
  return { identities, briefsDeleted, more: due.length > limit }
}

/** Everything a workspace without briefs still holds, then the workspace. */
async function removeEmptyWorkspace(trx: Kysely<Database>, workspaceId: string) {
  await trx.deleteFrom('drafts').where('workspace_id', '=', workspaceId).execute()
  await trx.deleteFrom('idempotency_keys').where('workspace_id', '=', workspaceId).execute()
  await trx.deleteFrom('api_keys').where('workspace_id', '=', workspaceId).execute()
  await trx.deleteFrom('workspace_invitations').where('workspace_id', '=', workspaceId).execute()
  await trx.deleteFrom('workspace_members').where('workspace_id', '=', workspaceId).execute()
  await trx.deleteFrom('workspaces').where('id', '=', workspaceId).execute()
}

/** The columns of the authentication library's tables this purge reads, as each database stores them. */
interface AuthTables {
  auth_user: { id: string; isAnonymous: number | boolean | null; createdAt: string }
  auth_session: { id: string; userId: string; expiresAt: string }
  workspace_members: { workspace_id: string; user_id: string }
}

import type { Db } from '#db/client.server.ts'
import { inTransaction } from './support/transaction.server.ts'

/**
 * What happens to data that is let go. A deleted brief is hidden everywhere
 * at once (deleteBrief sets deleted_at) and can be restored for 30 days;
 * after that a scheduled job removes it with everything that hangs off it:
 * revisions, check-ins, tokens and drafts editing it. Drafts nobody has
 * touched for 30 days go the same way.
 */

export const DELETED_GRACE_DAYS = 30
export const ABANDONED_DRAFT_DAYS = 30
const DAY_MS = 24 * 60 * 60 * 1000
export const DELETED_LIST_LIMIT = 100

export interface DeletedBrief {
  id: string
  title: string
  headRevision: number
  deletedAt: string
  /** When the purge job may remove it for good. */
  purgeAfter: string
}

const daysBefore = (now: Date, days: number) => new Date(now.getTime() - days * DAY_MS).toISOString()

/** The workspace's briefs deleted in the last 30 days, the most recently deleted first (at most 100). */
export async function listDeletedBriefs(
  db: Db,
  input: { workspaceId: string; now?: Date; limit?: number },
): Promise<DeletedBrief[]> {
  const cutoff = daysBefore(input.now ?? new Date(), DELETED_GRACE_DAYS)
  const rows = await db.db
    .selectFrom('briefs')
    .select(['id', 'title', 'head_revision', 'deleted_at'])
    .where('workspace_id', '=', input.workspaceId)
    .where('deleted_at', 'is not', null)
    .where('deleted_at', '>=', cutoff)
    .orderBy('deleted_at', 'desc')
    .orderBy('id', 'desc')
    .limit(Math.min(input.limit ?? DELETED_LIST_LIMIT, DELETED_LIST_LIMIT))
    .execute()
  return rows.map((row) => {
    const deletedAt = row.deleted_at as string
    return {
      id: row.id,
      title: row.title,
      headRevision: Number(row.head_revision),
      deletedAt,
      purgeAfter: new Date(Date.parse(deletedAt) + DELETED_GRACE_DAYS * DAY_MS).toISOString(),
    }
  })
}

/** Brings a deleted brief back; false when there is none deleted in the last 30 days. */
export async function restoreBrief(
  db: Db,
  input: { workspaceId: string; briefId: string; now?: Date },
): Promise<boolean> {
  const cutoff = daysBefore(input.now ?? new Date(), DELETED_GRACE_DAYS)
  const result = await db.db
    .updateTable('briefs')
    .set({ deleted_at: null })
    .where('id', '=', input.briefId)
    .where('workspace_id', '=', input.workspaceId)
    .where('deleted_at', 'is not', null)
    .where('deleted_at', '>=', cutoff)
    .executeTakeFirst()
  return Number(result.numUpdatedRows) > 0
}

/**
 * Removes up to `limit` briefs whose 30 days are over, each in its own
 * transaction with its revisions, check-ins, tokens and drafts. Returns how
 * many, and whether more are waiting.
 */
export async function purgeDeletedBriefs(
  db: Db,
  input: { now?: Date; limit?: number } = {},
): Promise<{ purged: number; more: boolean }> {
  const cutoff = daysBefore(input.now ?? new Date(), DELETED_GRACE_DAYS)
  const limit = input.limit ?? 20
  const due = await db.db
    .selectFrom('briefs')
    .select('id')
    .where('deleted_at', 'is not', null)
    .where('deleted_at', '<', cutoff)
    .orderBy('deleted_at')
    .limit(limit + 1)
    .execute()
  let purged = 0
  for (const { id } of due.slice(0, limit)) {
    const done = await inTransaction(db, async (trx) => {
      await trx.deleteFrom('drafts').where('brief_id', '=', id).execute()
      await trx.deleteFrom('brief_tokens').where('brief_id', '=', id).execute()
      await trx.deleteFrom('share_links').where('brief_id', '=', id).execute()
      await trx.deleteFrom('brief_export_options').where('brief_id', '=', id).execute()
      await trx.deleteFrom('brief_notes').where('brief_id', '=', id).execute()
      await trx.deleteFrom('checkins').where('brief_id', '=', id).execute()
      await trx.deleteFrom('revisions').where('brief_id', '=', id).execute()
      const removed = await trx
        .deleteFrom('briefs')
        .where('id', '=', id)
        .where('deleted_at', '<', cutoff)
        .executeTakeFirst()
      return Number(removed.numDeletedRows) > 0
    })
    if (done) purged++
  }
  return { purged, more: due.length > limit }
}

/** Removes up to `limit` drafts not saved for 30 days; returns how many, and whether more are waiting. */
export async function purgeAbandonedDrafts(
  db: Db,
  input: { now?: Date; limit?: number } = {},
): Promise<{ purged: number; more: boolean }> {
  const cutoff = daysBefore(input.now ?? new Date(), ABANDONED_DRAFT_DAYS)
  const limit = input.limit ?? 1000
  const result = await db.db
    .deleteFrom('drafts')
    .where('id', 'in', (eb) =>
      eb.selectFrom('drafts').select('id').where('updated_at', '<', cutoff).orderBy('updated_at').limit(limit),
    )
    .executeTakeFirst()
  const purged = Number(result.numDeletedRows)
  return { purged, more: purged === limit }
}

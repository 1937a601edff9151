import { type Expression, type Kysely, type SqlBool, sql } from 'kysely'
import type { Database } from '#db/schema.ts'

/**
 * The tenant boundary of every brief query: a brief row belongs to a
 * workspace, and a soft-deleted one is gone from all of them. Said here once
 * so no query can forget half of it.
 */

/** `briefs` is a live brief of this workspace; for any query that has the `briefs` table in scope. */
export function liveBriefIn(workspaceId: string): Expression<SqlBool> {
  return sql<SqlBool>`(${sql.ref('briefs.workspace_id')} = ${workspaceId} and ${sql.ref('briefs.deleted_at')} is null)`
}

/** The live brief with this id in this workspace, to select from, join to, or lock by updating. */
export function selectLiveBrief(db: Kysely<Database>, input: { workspaceId: string; briefId: string }) {
  return db.selectFrom('briefs').where('briefs.id', '=', input.briefId).where(liveBriefIn(input.workspaceId))
}

export async function liveBriefExists(
  db: Kysely<Database>,
  input: { workspaceId: string; briefId: string },
): Promise<boolean> {
  return (await selectLiveBrief(db, input).select('briefs.id').executeTakeFirst()) !== undefined
}

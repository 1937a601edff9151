import { createHash, randomBytes } from 'node:crypto'
import type { Db } from '#db/client.server.ts'
import type { Role } from '#db/schema.ts'
import { newId } from './support/ids.server.ts'

/**
 * API keys for scripts and CI: `sbk_` and 43 base64url characters (256
 * bits), sent as `Authorization: Bearer sbk_…`. Only the sha256 is kept, so
 * a lookup by hash is enough (no timing to compare); the key acts as the
 * person who made it, in that person's workspace, until it is revoked.
 */

export const API_KEY_PATTERN = /^sbk_[A-Za-z0-9_-]{43}$/
export const API_KEY_NAME_MAX_LENGTH = 80

export interface ApiKeySummary {
  id: string
  name: string
  hint: string
  createdAt: string
  lastUsedAt: string | null
}

const hash = (key: string) => createHash('sha256').update(key, 'utf8').digest('hex')

export async function createApiKey(
  db: Db,
  input: { userId: string; workspaceId: string; name: string; now?: Date },
): Promise<{ key: string; summary: ApiKeySummary }> {
  const key = `sbk_${randomBytes(32).toString('base64url')}`
  const createdAt = (input.now ?? new Date()).toISOString()
  const id = newId('k')
  const hint = key.slice(-4)
  await db.db
    .insertInto('api_keys')
    .values({
      id,
      user_id: input.userId,
      workspace_id: input.workspaceId,
      name: input.name,
      hash: hash(key),
      hint,
      created_at: createdAt,
      last_used_at: null,
      revoked_at: null,
    })
    .execute()
  return { key, summary: { id, name: input.name, hint, createdAt, lastUsedAt: null } }
}

export async function listApiKeys(db: Db, input: { userId: string }): Promise<ApiKeySummary[]> {
  const rows = await db.db
    .selectFrom('api_keys')
    .select(['id', 'name', 'hint', 'created_at', 'last_used_at'])
    .where('user_id', '=', input.userId)
    .where('revoked_at', 'is', null)
    .orderBy('created_at', 'desc')
    .limit(100)
    .execute()
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    hint: r.hint,
    createdAt: r.created_at,
    lastUsedAt: r.last_used_at,
  }))
}

/** Revokes one of the person's own keys; false when there is no such live key of theirs. */
export async function revokeApiKey(db: Db, input: { userId: string; keyId: string; now?: Date }): Promise<boolean> {
  const result = await db.db
    .updateTable('api_keys')
    .set({ revoked_at: (input.now ?? new Date()).toISOString() })
    .where('id', '=', input.keyId)
    .where('user_id', '=', input.userId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst()
  return Number(result.numUpdatedRows) > 0
}

/** The person and workspace a live key acts for, with the person's role there now; null for anything else. */
export async function authenticateApiKey(
  db: Db,
  key: string,
): Promise<{ userId: string; name: string; email: string; workspaceId: string; role: Role } | null> {
  if (!API_KEY_PATTERN.test(key)) return null
  const row = await db.db
    .selectFrom('api_keys')
    .innerJoin('workspace_members', (join) =>
      join
        .onRef('workspace_members.user_id', '=', 'api_keys.user_id')
        .onRef('workspace_members.workspace_id', '=', 'api_keys.workspace_id'),
    )
    .innerJoin('auth_user', 'auth_user.id', 'api_keys.user_id')
    .select(['api_keys.id', 'api_keys.user_id', 'api_keys.workspace_id', 'workspace_members.role'])
    .select(['auth_user.name', 'auth_user.email'])
    .where('api_keys.hash', '=', hash(key))
    .where('api_keys.revoked_at', 'is', null)
    .executeTakeFirst()
  if (!row) return null
  await db.db.updateTable('api_keys').set({ last_used_at: new Date().toISOString() }).where('id', '=', row.id).execute()
  return { userId: row.user_id, name: row.name, email: row.email, workspaceId: row.workspace_id, role: row.role }
}

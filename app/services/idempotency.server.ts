import { createHash } from 'node:crypto'
import type { Db } from '#db/client.server.ts'
import type { IdempotencyKeyRow } from '#db/schema.ts'

/**
 * Idempotent creates: a client that sends an `Idempotency-Key` with a create
 * may retry it safely. Keys are scoped per workspace and per operation and
 * remembered for 24 hours with a hash of the canonical request and the
 * response that was given; the same key with the same request gets that
 * response again, and the same key with another request is refused.
 *
 * The key row is inserted first, in the same transaction as the create, so a
 * concurrent retry waits on it and then replays instead of creating twice.
 */

export const IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000
/** Visible ASCII, 1 to 255 characters: a UUID or any token a client makes up. */
export const IDEMPOTENCY_KEY_PATTERN = /^[\x21-\x7e]{1,255}$/

export interface StoredResponse {
  status: number
  body: unknown
}

export type IdempotentOutcome =
  | ({ kind: 'fresh' } & StoredResponse)
  | ({ kind: 'replayed' } & StoredResponse)
  | { kind: 'conflict' }

export interface IdempotencyInput {
  workspaceId: string
  /** The operation the key is scoped to, such as `create-brief`. */
  operation: string
  key: string
  /** What identifies the request: its body and any path parameters. Hashed in canonical form. */
  request: unknown
  now?: Date
}

/**
 * Runs `work` once per key: inside one transaction with the key row, handed a
 * `Db` bound to that transaction. A response of 400 or more is not
 * remembered, so a client may fix its request and retry with the same key.
 */
export async function withIdempotency(
  db: Db,
  input: IdempotencyInput,
  work: (db: Db) => Promise<StoredResponse>,
): Promise<IdempotentOutcome> {
  const now = input.now ?? new Date()
  const requestHash = hashRequest(input.request)
  const expiredBefore = new Date(now.getTime() - IDEMPOTENCY_TTL_MS).toISOString()
  const byKey = { workspace_id: input.workspaceId, scope: input.operation, key: input.key }

  return db.db.transaction().execute(async (trx) => {
    const findKey = () =>
      trx
        .selectFrom('idempotency_keys')
        .select(['request_hash', 'status', 'body', 'created_at'])
        .where((eb) => eb.and(byKey))
        .executeTakeFirst()
    const existing = await findKey()
    if (existing && existing.created_at >= expiredBefore) return outcomeOf(existing, requestHash)
    if (existing)
      await trx
        .deleteFrom('idempotency_keys')
        .where((eb) => eb.and(byKey))
        .execute()

    const claimed = await trx
      .insertInto('idempotency_keys')
      .values({
        workspace_id: input.workspaceId,
        scope: input.operation,
        key: input.key,
        request_hash: requestHash,
        status: 0,
        body: '',
        created_at: now.toISOString(),
      })
      .onConflict((oc) => oc.columns(['workspace_id', 'scope', 'key']).doNothing())
      .returning('key')
      .executeTakeFirst()
    if (!claimed) {
      // Another request with this key committed while this one waited on the row.
      const winner = await findKey()
      if (!winner) throw new Error('idempotency key vanished while it was being claimed')
      return outcomeOf(winner, requestHash)
    }

    const response = await work({ ...db, db: trx })
    if (response.status >= 400) {
      await trx
        .deleteFrom('idempotency_keys')
        .where((eb) => eb.and(byKey))
        .execute()
    } else {
      await trx
        .updateTable('idempotency_keys')
        .set({ status: response.status, body: JSON.stringify(response.body) })
        .where((eb) => eb.and(byKey))
        .execute()
    }
    return { kind: 'fresh', ...response }
  })
}

/** Forgets keys older than 24 hours; returns how many. */
export async function purgeExpiredIdempotencyKeys(db: Db, now = new Date()): Promise<number> {
  const result = await db.db
    .deleteFrom('idempotency_keys')
    .where('created_at', '<', new Date(now.getTime() - IDEMPOTENCY_TTL_MS).toISOString())
    .executeTakeFirst()
  return Number(result.numDeletedRows)
}

export function hashRequest(request: unknown): string {
  return createHash('sha256').update(canonicalJson(request)).digest('hex')
}

/** JSON with object keys sorted at every level, so the same request always hashes the same. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? 'null' : canonicalJson(v))).join(',')}]`
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`
  }
  return JSON.stringify(value) ?? 'null'
}

function outcomeOf(
  row: Pick<IdempotencyKeyRow, 'request_hash' | 'status' | 'body'>,
  requestHash: string,
): IdempotentOutcome {
  if (row.request_hash !== requestHash) return { kind: 'conflict' }
  return { kind: 'replayed', status: Number(row.status), body: JSON.parse(row.body) }
}

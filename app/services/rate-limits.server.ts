import { sql } from 'kysely'
import type { Db } from '#db/client.server.ts'

/**
 * Fixed-window counters in the database, so every instance on one database
 * shares them. A hit is one statement (insert, or on conflict move the
 * counter), which PostgreSQL and SQLite each run atomically on the row: two
 * instances hitting the same bucket at once both count.
 */

export interface WindowCount {
  /** Hits in the current window, this one included. */
  hits: number
  /** When the current window ends, milliseconds since 1970. */
  resetAt: number
}

/** Windows start on multiples of their length, the same on every instance. */
export function windowStart(now: number, windowMs: number): number {
  return now - (now % windowMs)
}

/** Counts one hit in the bucket's current window; a window that has passed starts again at 1. */
export async function hitRateLimit(
  db: Db,
  input: { bucket: string; windowMs: number; now?: number },
): Promise<WindowCount> {
  const [count] = await hitRateLimits(db, [{ bucket: input.bucket, windowMs: input.windowMs }], input.now)
  return count
}

/**
 * Counts one hit in each bucket (distinct buckets), in one statement: one round trip and one commit
 * for every limit a request meets. On PostgreSQL the commit does not wait for the disk: a counter
 * lost in a crash costs a client a few free requests, and waiting would double a write's time.
 */
export async function hitRateLimits(
  db: Db,
  hits: ReadonlyArray<{ bucket: string; windowMs: number }>,
  now = Date.now(),
): Promise<WindowCount[]> {
  const values = hits.map((h) => ({ bucket: h.bucket, window_start: windowStart(now, h.windowMs), hits: 1 }))
  const upsert = (q: Db['db']) =>
    q
      .insertInto('rate_limits')
      .values(values)
      .onConflict((oc) =>
        oc.column('bucket').doUpdateSet({
          // An instance whose clock runs a little behind counts into the newer window rather than resetting it.
          hits: sql`case when excluded.window_start <= rate_limits.window_start then rate_limits.hits + 1 else 1 end`,
          window_start: sql`case when excluded.window_start > rate_limits.window_start then excluded.window_start else rate_limits.window_start end`,
        }),
      )
      .returning(['bucket', 'hits', 'window_start'])
      .execute()
  const rows = await withoutWaitingForDisk(db, upsert)
  return hits.map((h) => {
    const row = rows.find((r) => r.bucket === h.bucket)
    if (!row) throw new Error(`rate limit bucket ${h.bucket} was not counted`)
    return { hits: Number(row.hits), resetAt: Number(row.window_start) + h.windowMs }
  })
}

/** Takes back a hit counted in the window that is still current (a request that turned out not to count). */
export async function refundRateLimit(db: Db, input: { bucket: string; resetAt: number; windowMs: number }) {
  await withoutWaitingForDisk(db, (q) =>
    q
      .updateTable('rate_limits')
      .set({ hits: sql`hits - 1` })
      .where('bucket', '=', input.bucket)
      .where('window_start', '=', input.resetAt - input.windowMs)
      .where('hits', '>', 0)
      .execute(),
  )
}

/** Runs a counter write whose PostgreSQL commit returns before the disk has it (SQLite's WAL is cheap already). */
function withoutWaitingForDisk<T>(db: Db, work: (q: Db['db']) => Promise<T>): Promise<T> {
  if (db.dialect !== 'postgres') return work(db.db)
  return db.db.transaction().execute(async (trx) => {
    await sql`set local synchronous_commit to off`.execute(trx)
    return work(trx)
  })
}

/** Deletes counters whose window ended before `before`; they would start again at 1 anyway. */
export async function sweepRateLimits(db: Db, before: number): Promise<number> {
  const result = await db.db.deleteFrom('rate_limits').where('window_start', '<', before).executeTakeFirst()
  return Number(result.numDeletedRows)
}

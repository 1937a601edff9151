import { sql } from 'kysely'
import type { Db } from '../../db/client.server'

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
  const start = windowStart(input.now ?? Date.now(), input.windowMs)
  // An instance whose clock runs a little behind counts into the newer window rather than resetting it.
  const row = await db.db
    .insertInto('rate_limits')
    .values({ bucket: input.bucket, window_start: start, hits: 1 })
    .onConflict((oc) =>
      oc.column('bucket').doUpdateSet({
        hits: sql`case when excluded.window_start <= rate_limits.window_start then rate_limits.hits + 1 else 1 end`,
        window_start: sql`case when excluded.window_start > rate_limits.window_start then excluded.window_start else rate_limits.window_start end`,
      }),
    )
    .returning(['hits', 'window_start'])
    .executeTakeFirstOrThrow()
  return { hits: Number(row.hits), resetAt: Number(row.window_start) + input.windowMs }
}

/** Takes back a hit counted in the window that is still current (a request that turned out not to count). */
export async function refundRateLimit(db: Db, input: { bucket: string; resetAt: number; windowMs: number }) {
  await db.db
    .updateTable('rate_limits')
    .set({ hits: sql`hits - 1` })
    .where('bucket', '=', input.bucket)
    .where('window_start', '=', input.resetAt - input.windowMs)
    .where('hits', '>', 0)
    .execute()
}

/** Deletes counters whose window ended before `before`; they would start again at 1 anyway. */
export async function sweepRateLimits(db: Db, before: number): Promise<number> {
  const result = await db.db.deleteFrom('rate_limits').where('window_start', '<', before).executeTakeFirst()
  return Number(result.numDeletedRows)
}

import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import {
  hitRateLimit,
  hitRateLimits,
  refundRateLimit,
  sweepRateLimits,
  windowStart,
} from '#app/services/rate-limits.server.ts'
import { type Db, openDatabase } from '#db/client.server.ts'
import { testDatabases } from '#tests/support/databases.ts'

const dbs = await testDatabases()
const MINUTE = 60_000
const T0 = Date.parse('2026-06-01T09:00:00.000Z')

describe.each(dbs)('rate limit counters on $name', (t) => {
  let db: Db
  let url: string
  let cleanup: () => Promise<void>

  beforeEach(async () => {
    ;({ db, url, cleanup } = await t.open())
  })
  afterEach(() => cleanup())

  it('counts hits in a fixed window and starts again at 1 in the next', async () => {
    const bucket = 'writes:203.0.113.7'
    expect(await hitRateLimit(db, { bucket, windowMs: MINUTE, now: T0 + 5 })).toEqual({ hits: 1, resetAt: T0 + MINUTE })
    expect((await hitRateLimit(db, { bucket, windowMs: MINUTE, now: T0 + 59_999 })).hits).toBe(2)
    expect(await hitRateLimit(db, { bucket, windowMs: MINUTE, now: T0 + MINUTE })).toEqual({
      hits: 1,
      resetAt: T0 + 2 * MINUTE,
    })
    // A hit stamped a little behind (another instance's clock) counts in the newer window, not a reset.
    expect(await hitRateLimit(db, { bucket, windowMs: MINUTE, now: T0 + 59_000 })).toEqual({
      hits: 2,
      resetAt: T0 + 2 * MINUTE,
    })
    expect((await hitRateLimit(db, { bucket: 'writes:198.51.100.1', windowMs: MINUTE, now: T0 })).hits).toBe(1)
  })

  it('counts every limit a request meets in one statement, each in its own window', async () => {
    const hits = [
      { bucket: 'checkin-token-guess:203.0.113.7', windowMs: 15 * MINUTE },
      { bucket: 'writes:203.0.113.7', windowMs: MINUTE },
    ]
    await hitRateLimit(db, { bucket: 'writes:203.0.113.7', windowMs: MINUTE, now: T0 })
    expect(await hitRateLimits(db, hits, T0 + 1)).toEqual([
      { hits: 1, resetAt: T0 + 15 * MINUTE },
      { hits: 2, resetAt: T0 + MINUTE },
    ])
  })

  it('loses no hit when two connections count the same bucket at once', async () => {
    // A second handle on the same database: another pool (PostgreSQL) or connection (SQLite), as a second instance has.
    const other = openDatabase(url)
    try {
      const bucket = 'checkin-token-guess:203.0.113.7'
      const counts = await Promise.all(
        Array.from({ length: 60 }, (_, i) => hitRateLimit(i % 2 ? db : other, { bucket, windowMs: MINUTE, now: T0 })),
      )
      expect(counts.map((c) => c.hits).sort((a, b) => a - b)).toEqual(Array.from({ length: 60 }, (_, i) => i + 1))
    } finally {
      await other.close()
    }
  })

  it('takes a hit back within its window only, and sweeps windows long past', async () => {
    const bucket = 'checkin-token-guess:203.0.113.7'
    const first = await hitRateLimit(db, { bucket, windowMs: MINUTE, now: T0 })
    await hitRateLimit(db, { bucket, windowMs: MINUTE, now: T0 + 1 })
    await refundRateLimit(db, { bucket, resetAt: first.resetAt, windowMs: MINUTE })
    expect((await hitRateLimit(db, { bucket, windowMs: MINUTE, now: T0 + 2 })).hits).toBe(2)
    // A refund for a window that has passed changes nothing.
    await refundRateLimit(db, { bucket, resetAt: T0 - MINUTE, windowMs: MINUTE })
    expect((await hitRateLimit(db, { bucket, windowMs: MINUTE, now: T0 + 3 })).hits).toBe(3)
    await hitRateLimit(db, { bucket: 'old', windowMs: MINUTE, now: T0 - 10 * MINUTE })
    expect(await sweepRateLimits(db, T0 - MINUTE)).toBe(1)
    expect(windowStart(T0 + 61_000, MINUTE)).toBe(T0 + MINUTE)
  })
})

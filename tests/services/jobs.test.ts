import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { startJobRunner } from '#app/services/job-runner.server.ts'
import {
  claimJobs,
  completeJob,
  enqueueJob,
  ensureRecurringJobs,
  failJob,
  MAX_ATTEMPTS,
  RETRY_BASE_MS,
} from '#app/services/jobs.server.ts'
import type { JobDefinition } from '#app/services/lifecycle-jobs.server.ts'
import { type Db, openDatabase } from '#db/client.server.ts'
import { testDatabases } from '#tests/support/databases.ts'

const dbs = await testDatabases()
const T0 = new Date('2026-06-01T09:00:00.000Z')
const at = (ms: number) => new Date(T0.getTime() + ms)

describe.each(dbs)('jobs table on $name', (t) => {
  let db: Db
  let url: string
  let cleanup: () => Promise<void>

  beforeEach(async () => {
    ;({ db, url, cleanup } = await t.open())
  })
  afterEach(() => cleanup())

  it('claims a due job once, with a lease another runner cannot take until it expires', async () => {
    await ensureRecurringJobs(db, [{ kind: 'tidy', everySeconds: 3600 }], T0)
    await ensureRecurringJobs(db, [{ kind: 'tidy', everySeconds: 3600 }], at(10)) // a second instance starting
    const [job] = await claimJobs(db, { runner: 'a', now: at(1000), leaseMs: 60_000 })
    expect(job).toMatchObject({ id: 'tidy', kind: 'tidy', attempt: 1, everySeconds: 3600 })
    expect(await claimJobs(db, { runner: 'b', now: at(2000), leaseMs: 60_000 })).toEqual([])
    // Runner a died: after its lease, b takes the job, and a can no longer finish it.
    const [again] = await claimJobs(db, { runner: 'b', now: at(62_000), leaseMs: 60_000 })
    expect(again).toMatchObject({ id: 'tidy', attempt: 2 })
    expect(await completeJob(db, { job, runner: 'a', now: at(63_000) })).toBe(false)
    expect(await completeJob(db, { job: again, runner: 'b', now: at(63_000) })).toBe(true)
    // Recurring: due again an hour later, not before.
    expect(await claimJobs(db, { runner: 'a', now: at(63_000 + 3_599_000) })).toEqual([])
    const [next] = await claimJobs(db, { runner: 'a', now: at(63_000 + 3_600_000) })
    expect(next).toMatchObject({ id: 'tidy', attempt: 1 })
  })

  it('retries a failing job with a doubling backoff and gives a one-off job up after its attempts', async () => {
    const id = await enqueueJob(db, { kind: 'flaky', payload: { n: 1 }, now: T0 })
    let now = T0.getTime()
    const delays: number[] = []
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      const [job] = await claimJobs(db, { runner: 'a', now: new Date(now) })
      expect(job).toMatchObject({ id, attempt, payload: { n: 1 } })
      const { retryAt } = await failJob(db, { job, runner: 'a', error: new Error('boom'), now: new Date(now) })
      if (attempt < MAX_ATTEMPTS) {
        expect(retryAt).not.toBeNull()
        delays.push(Date.parse(retryAt as string) - now)
        // Not due a moment before the backoff ends.
        expect(await claimJobs(db, { runner: 'a', now: new Date(Date.parse(retryAt as string) - 1) })).toEqual([])
        now = Date.parse(retryAt as string)
      } else expect(retryAt).toBeNull()
    }
    expect(delays).toEqual([1, 2, 4, 8].map((k) => k * RETRY_BASE_MS))
    expect(await claimJobs(db, { runner: 'a', now: at(365 * 86_400_000) })).toEqual([])
    const row = await db.db.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirstOrThrow()
    expect(row.last_error).toBe('boom')
    expect(row.failed_at).not.toBeNull()
  })

  it('runs each job once with two runners on two connections', async () => {
    const other = openDatabase(url)
    const seen: string[] = []
    const work: JobDefinition = {
      kind: 'count',
      async run(_db, { payload }) {
        seen.push((payload as { id: string }).id)
        await new Promise((r) => setTimeout(r, 2))
        return { summary: {} }
      },
    }
    const ids: string[] = []
    for (let i = 0; i < 60; i++) ids.push(await enqueueJob(db, { kind: 'count', payload: { id: `job-${i}` } }))
    const a = await startJobRunner({ db, jobs: [work], pollMs: 0, batch: 4, id: 'a' })
    const b = await startJobRunner({ db: other, jobs: [work], pollMs: 0, batch: 4, id: 'b' })
    const drain = async (r: typeof a) => {
      let total = 0
      for (let i = 0; i < 100; i++) {
        const ran = await r.tick().catch(() => 0) // SQLite may refuse a claim while the other writes
        total += ran
        if (ran === 0 && (await db.db.selectFrom('jobs').select('id').execute()).length === 0) break
      }
      return total
    }
    try {
      const [ranA, ranB] = await Promise.all([drain(a), drain(b)])
      expect(ranA + ranB).toBe(60)
      expect([...seen].sort()).toEqual(ids.map((_, i) => `job-${i}`).sort())
      expect(new Set(seen).size).toBe(60)
      if (t.name === 'postgres') expect(Math.min(ranA, ranB)).toBeGreaterThan(0)
    } finally {
      await Promise.all([a.stop(), b.stop()])
      await other.close()
    }
  })

  it('a runner stops cleanly and a recurring job that throws is retried, not lost', async () => {
    let calls = 0
    const failing: JobDefinition = {
      kind: 'nightly',
      everySeconds: 86_400,
      async run() {
        calls++
        throw new Error('not today')
      },
    }
    const runner = await startJobRunner({ db, jobs: [failing], pollMs: 0, id: 'r' })
    // The row is made due at the runner's start, on the real clock.
    const started = Date.now() + 1000
    const since = (ms: number) => new Date(started + ms)
    expect(await runner.tick(since(0))).toBe(1)
    expect(calls).toBe(1)
    expect(await runner.tick(since(RETRY_BASE_MS - 1))).toBe(0)
    expect(await runner.tick(since(RETRY_BASE_MS))).toBe(1)
    await runner.stop()
    const row = await db.db.selectFrom('jobs').selectAll().where('id', '=', 'nightly').executeTakeFirstOrThrow()
    expect(row).toMatchObject({ attempts: 2, last_error: 'not today', failed_at: null, locked_by: null })
  })
})

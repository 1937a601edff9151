import type { Db } from '#db/client.server.ts'
import type { JobRow } from '#db/schema.ts'
import { newId } from './support/ids.server.ts'

/**
 * The jobs table as a queue. A runner claims due jobs with a lease, runs
 * them, and marks each done or failed; the lease is what makes several
 * instances on one database safe: a claimed job is invisible to other
 * claims until it is finished or its lease runs out (the runner died).
 * PostgreSQL claims with `FOR UPDATE SKIP LOCKED`, so concurrent claims pass
 * each other's rows by; SQLite claims in one UPDATE … RETURNING, which holds
 * the database's single write lock for the whole statement.
 */

export interface Job {
  id: string
  kind: string
  payload: unknown
  /** This claim's number: 1 on the first run, 2 on the first retry … */
  attempt: number
  everySeconds: number | null
}

/** Retries wait 30 s, 1 min, 2 min … doubling, at most an hour (and at most the job's own interval). */
export const RETRY_BASE_MS = 30_000
export const RETRY_MAX_MS = 60 * 60 * 1000
/** A one-off job is given up (failed_at set) after this many attempts; a recurring one never is. */
export const MAX_ATTEMPTS = 5
export const DEFAULT_LEASE_MS = 5 * 60 * 1000

/**
 * Makes sure every recurring job has its row, due now when new. Safe to call
 * from every instance at every start: an existing row keeps its schedule and
 * takes the interval given here.
 */
export async function ensureRecurringJobs(
  db: Db,
  jobs: readonly { kind: string; everySeconds: number }[],
  now = new Date(),
): Promise<void> {
  for (const job of jobs) {
    await db.db
      .insertInto('jobs')
      .values({
        id: job.kind,
        kind: job.kind,
        payload: '{}',
        every_seconds: job.everySeconds,
        run_at: now.toISOString(),
        created_at: now.toISOString(),
        ...NEVER_RUN,
      })
      .onConflict((oc) => oc.column('id').doUpdateSet({ every_seconds: job.everySeconds }))
      .execute()
  }
}

/** The columns of a job no runner has claimed yet. */
const NEVER_RUN = {
  locked_by: null,
  locked_until: null,
  last_error: null,
  last_run_at: null,
  failed_at: null,
} as const

/** A one-off job, due at `runAt` (now by default); returns its id. */
export async function enqueueJob(
  db: Db,
  input: { kind: string; payload?: unknown; runAt?: Date; now?: Date },
): Promise<string> {
  const now = input.now ?? new Date()
  const id = newId('j')
  await db.db
    .insertInto('jobs')
    .values({
      id,
      kind: input.kind,
      payload: JSON.stringify(input.payload ?? {}),
      every_seconds: null,
      run_at: (input.runAt ?? now).toISOString(),
      created_at: now.toISOString(),
      ...NEVER_RUN,
    })
    .execute()
  return id
}

/** Claims up to `limit` due jobs for `runner`, earliest first, each with a lease of `leaseMs`. */
export async function claimJobs(
  db: Db,
  input: { runner: string; now?: Date; leaseMs?: number; limit?: number },
): Promise<Job[]> {
  const now = (input.now ?? new Date()).toISOString()
  const lease = new Date(Date.parse(now) + (input.leaseMs ?? DEFAULT_LEASE_MS)).toISOString()
  const rows = await db.db
    .updateTable('jobs')
    .set((eb) => ({ locked_by: input.runner, locked_until: lease, attempts: eb('attempts', '+', 1) }))
    .where('id', 'in', (eb) => {
      const due = eb
        .selectFrom('jobs')
        .select('id')
        .where('run_at', '<=', now)
        .where('failed_at', 'is', null)
        .where((w) => w.or([w('locked_until', 'is', null), w('locked_until', '<', now)]))
        .orderBy('run_at')
        .orderBy('id')
        .limit(input.limit ?? 10)
      return db.dialect === 'postgres' ? due.forUpdate().skipLocked() : due
    })
    .returningAll()
    .execute()
  return rows.map(toJob).sort((a, b) => (a.id < b.id ? -1 : 1))
}

/**
 * A job ran to its end: a recurring job is due again `everySeconds` later (or
 * at once when it says there is more to do), a one-off job is removed. False
 * when the lease was lost meanwhile, and nothing is changed.
 */
export async function completeJob(
  db: Db,
  input: { job: Job; runner: string; now?: Date; more?: boolean },
): Promise<boolean> {
  const now = input.now ?? new Date()
  if (input.job.everySeconds === null) {
    const result = await db.db
      .deleteFrom('jobs')
      .where('id', '=', input.job.id)
      .where('locked_by', '=', input.runner)
      .executeTakeFirst()
    return Number(result.numDeletedRows) > 0
  }
  const next = input.more ? now : new Date(now.getTime() + input.job.everySeconds * 1000)
  const result = await db.db
    .updateTable('jobs')
    .set({
      run_at: next.toISOString(),
      attempts: 0,
      locked_by: null,
      locked_until: null,
      last_error: null,
      last_run_at: now.toISOString(),
    })
    .where('id', '=', input.job.id)
    .where('locked_by', '=', input.runner)
    .executeTakeFirst()
  return Number(result.numUpdatedRows) > 0
}

/** A job threw: it is due again after a backoff, or given up when a one-off job has used its attempts. */
export async function failJob(
  db: Db,
  input: { job: Job; runner: string; error: unknown; now?: Date },
): Promise<{ retryAt: string | null }> {
  const now = input.now ?? new Date()
  const message = (input.error instanceof Error ? input.error.message : String(input.error)).slice(0, 2000)
  const givenUp = input.job.everySeconds === null && input.job.attempt >= MAX_ATTEMPTS
  const retryAt = givenUp ? null : new Date(now.getTime() + retryDelayMs(input.job)).toISOString()
  await db.db
    .updateTable('jobs')
    .set({
      locked_by: null,
      locked_until: null,
      last_error: message,
      last_run_at: now.toISOString(),
      ...(retryAt ? { run_at: retryAt } : { failed_at: now.toISOString() }),
    })
    .where('id', '=', input.job.id)
    .where('locked_by', '=', input.runner)
    .execute()
  return { retryAt }
}

export function retryDelayMs(job: Pick<Job, 'attempt' | 'everySeconds'>): number {
  const backoff = Math.min(RETRY_BASE_MS * 2 ** Math.min(job.attempt - 1, 20), RETRY_MAX_MS)
  return job.everySeconds === null ? backoff : Math.min(backoff, job.everySeconds * 1000)
}

function toJob(row: JobRow): Job {
  let payload: unknown = {}
  try {
    payload = JSON.parse(row.payload)
  } catch {}
  return {
    id: row.id,
    kind: row.kind,
    payload,
    attempt: Number(row.attempts),
    everySeconds: row.every_seconds === null ? null : Number(row.every_seconds),
  }
}

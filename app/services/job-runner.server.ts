import { randomBytes } from 'node:crypto'
import { hostname } from 'node:os'
import type { Db } from '#db/client.server.ts'
import { claimJobs, completeJob, DEFAULT_LEASE_MS, ensureRecurringJobs, failJob } from './jobs.server.ts'
import type { JobDefinition } from './lifecycle-jobs.server.ts'

/**
 * The runner inside the server: every `pollMs` it claims due jobs and runs
 * them one after another. Any number of instances may run one each against
 * the same database; the lease in the jobs table keeps each job to one of them.
 */

export interface RunnerLogger {
  info(obj: object, msg: string): void
  error(obj: object, msg: string): void
}

export interface JobRunner {
  readonly id: string
  /** Claims and runs what is due now; resolves to how many jobs ran. */
  tick(now?: Date): Promise<number>
  /** Stops polling and waits for the job in hand to finish. */
  stop(): Promise<void>
}

export interface RunnerOptions {
  db: Db
  jobs: readonly JobDefinition[]
  logger?: RunnerLogger
  /** How often to look for due jobs; 0 runs nothing by itself (tests call tick). */
  pollMs?: number
  leaseMs?: number
  batch?: number
  id?: string
}

const SILENT: RunnerLogger = { info() {}, error() {} }

export async function startJobRunner(options: RunnerOptions): Promise<JobRunner> {
  const { db, jobs, logger = SILENT, pollMs = 30_000, leaseMs = DEFAULT_LEASE_MS, batch = 10 } = options
  const id = options.id ?? `${hostname()}-${process.pid}-${randomBytes(3).toString('hex')}`
  const byKind = new Map(jobs.map((j) => [j.kind, j]))
  await ensureRecurringJobs(
    db,
    jobs.flatMap((j) => (j.everySeconds ? [{ kind: j.kind, everySeconds: j.everySeconds }] : [])),
  )

  let stopped = false
  let timer: NodeJS.Timeout | undefined
  let running: Promise<number> = Promise.resolve(0)

  async function runDue(now?: Date): Promise<number> {
    const claimed = await claimJobs(db, { runner: id, now, leaseMs, limit: batch })
    let ran = 0
    for (const job of claimed) {
      if (stopped && now === undefined) {
        // Give the rest back at once rather than leaving them to their lease.
        await db.db
          .updateTable('jobs')
          .set({ locked_by: null, locked_until: null })
          .where('id', '=', job.id)
          .where('locked_by', '=', id)
          .execute()
        continue
      }
      const definition = byKind.get(job.kind)
      const started = Date.now()
      try {
        if (!definition) throw new Error(`no job kind "${job.kind}" in this version`)
        const result = await definition.run(db, { now: now ?? new Date(), payload: job.payload })
        await completeJob(db, { job, runner: id, now, more: result.more })
        logger.info({ job: job.kind, jobId: job.id, ms: Date.now() - started, ...result.summary }, 'job done')
      } catch (error) {
        const { retryAt } = await failJob(db, { job, runner: id, error, now })
        logger.error(
          { job: job.kind, jobId: job.id, attempt: job.attempt, retryAt, err: error },
          retryAt ? 'job failed, will retry' : 'job failed, given up',
        )
      }
      ran++
    }
    return ran
  }

  function tick(now?: Date): Promise<number> {
    running = running.then(
      () => runDue(now),
      () => runDue(now),
    )
    return running
  }

  function schedule() {
    if (stopped || pollMs <= 0) return
    timer = setTimeout(() => {
      tick()
        .catch((error: unknown) => logger.error({ err: error }, 'job runner could not claim jobs'))
        .finally(schedule)
    }, pollMs)
  }
  schedule()
  // The first look soon after start, so a fresh instance catches up on what fell due while it was down.
  if (pollMs > 0) setTimeout(() => !stopped && tick().catch(() => {}), 1_000).unref()

  return {
    id,
    tick,
    async stop() {
      stopped = true
      if (timer) clearTimeout(timer)
      await running.catch(() => 0)
    },
  }
}

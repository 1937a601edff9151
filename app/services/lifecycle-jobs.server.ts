import type { Db } from '#db/client.server.ts'
import { purgeAbandonedAnonymous } from './anonymous-purge.server.ts'
import { purgeAbandonedDrafts, purgeDeletedBriefs } from './deletion.server.ts'
import { purgeExpiredIdempotencyKeys } from './idempotency.server.ts'

/**
 * The recurring jobs the server runs. Each does a bounded batch and says
 * when there is more, so one run never holds the database for long and a
 * backlog is worked off in the following runs.
 */

export interface JobResult {
  /** What the run did, for the log. */
  summary: Record<string, number>
  /** More is waiting: run again at once rather than at the next interval. */
  more?: boolean
}

export interface JobDefinition {
  kind: string
  /** Run every so many seconds; omitted for a kind that is only enqueued. */
  everySeconds?: number
  run(db: Db, input: { now: Date; payload: unknown }): Promise<JobResult>
}

const HOUR = 60 * 60

export const LIFECYCLE_JOBS: readonly JobDefinition[] = [
  {
    kind: 'purge-idempotency-keys',
    everySeconds: HOUR,
    async run(db, { now }) {
      return { summary: { deleted: await purgeExpiredIdempotencyKeys(db, now) } }
    },
  },
  {
    kind: 'purge-abandoned-drafts',
    everySeconds: HOUR,
    async run(db, { now }) {
      const { purged, more } = await purgeAbandonedDrafts(db, { now })
      return { summary: { deleted: purged }, more }
    },
  },
  {
    kind: 'purge-abandoned-anonymous',
    everySeconds: HOUR,
    async run(db, { now }) {
      const { identities, briefsDeleted, more } = await purgeAbandonedAnonymous(db, { now })
      return { summary: { deleted: identities, briefsDeleted }, more }
    },
  },
  {
    kind: 'purge-deleted-briefs',
    everySeconds: HOUR,
    async run(db, { now }) {
      const { purged, more } = await purgeDeletedBriefs(db, { now })
      return { summary: { deleted: purged }, more }
    },
  },
]

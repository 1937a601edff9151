import { sql } from 'kysely'
import type { Answers } from '#app/engine/answers.ts'
import type { Brief, Trigger } from '#app/engine/brief.ts'
import {
  defaultOverdueIfRevisedBefore,
  type ReviewDate,
  reviewDate as reviewDateOn,
} from '#app/engine/review-policy.ts'
import { evaluateSignals, type TriggerEvaluation } from '#app/engine/signals.ts'
import { describeValue, problem } from '#app/lib/problems.ts'
import type { Db } from '#db/client.server.ts'
import type { BriefRow } from '#db/schema.ts'
import { type BriefSummary, type RevisionRecord, readHeadRevision, toSummary } from './briefs.server.ts'
import { type CheckinRecord, newestCheckinQuery, signalsOf, toCheckin } from './checkins.server.ts'
import { isCalendarDate, isoDate } from './support/dates.server.ts'
import { InvalidInputError } from './support/errors.server.ts'
import { checkLimit } from './support/limits.server.ts'
import { liveBriefIn } from './support/scope.server.ts'

/**
 * Whether a brief needs attention: it is due for review on the date someone
 * chose, or by the engine's review policy a set number of days after its
 * latest revision, and needs attention when that date has passed or a
 * measured figure fired one of its triggers.
 */

export type { ReviewDate }

export interface TriggerCounts {
  fired: number
  approaching: number
  ok: number
  /** Triggers whose metric the check-in lacks: their status is the brief's own. */
  notMeasured: number
}

export interface BriefStatus extends ReviewDate {
  briefId: string
  /** The revision whose triggers were judged: the latest. */
  revision: number
  /** The newest check-in, or null before the first one. */
  checkin: CheckinRecord | null
  /** Every trigger of the latest revision judged against the newest check-in, in the brief's order; empty without a check-in. */
  triggers: TriggerEvaluation[]
  counts: TriggerCounts
  /** Ids of the triggers a measured figure fired (not those fired only in the brief's own forecast). */
  fired: string[]
  /** Overdue, or a measured figure fired a trigger. */
  needsAttention: boolean
}

export interface AttentionItem extends BriefSummary, ReviewDate {
  fired: string[]
  /** The measured day of the newest check-in, or null when there is none. */
  latestMeasuredAt: string | null
}

export const ATTENTION_LIMIT_DEFAULT = 20
export const ATTENTION_LIMIT_MAX = 100

/**
 * The latest revision's triggers judged against the newest check-in, with
 * the review date; null when the workspace has no such brief.
 */
export async function briefStatus(
  db: Db,
  input: { workspaceId: string; briefId: string; now?: Date },
): Promise<BriefStatus | null> {
  const head = await readHeadRevision(db.db, input)
  if (!head) return null
  return statusAt(db, input.briefId, head, input.now ?? new Date())
}

/**
 * briefStatus for a head revision the caller has read already (the brief
 * page), so a page reads its head once: only the brief row's review date is
 * read beside the newest check-in. Should a revision have been added in
 * between, the newest one is read and judged instead.
 */
export async function briefStatusAt(
  db: Db,
  input: {
    workspaceId: string
    briefId: string
    head: Pick<RevisionRecord, 'number' | 'createdAt' | 'answers' | 'brief'>
    now?: Date
  },
): Promise<BriefStatus | null> {
  const row = await db.db
    .selectFrom('briefs')
    .select(['review_by', 'head_revision'])
    .where('id', '=', input.briefId)
    .where(liveBriefIn(input.workspaceId))
    .executeTakeFirst()
  if (!row) return null
  if (Number(row.head_revision) !== input.head.number) return briefStatus(db, input)
  const { number, createdAt, answers, brief } = input.head
  return statusAt(
    db,
    input.briefId,
    { number, createdAt, reviewBy: row.review_by, answers, brief },
    input.now ?? new Date(),
  )
}

async function statusAt(
  db: Db,
  briefId: string,
  head: { number: number; createdAt: string; reviewBy: string | null; answers: Answers; brief: Brief },
  now: Date,
): Promise<BriefStatus> {
  const row = await newestCheckinQuery(db.db, briefId).executeTakeFirst()
  const checkin = row ? toCheckin(row) : null
  const triggers = checkin ? evaluateSignals(head.brief, head.answers, checkin.signals) : []
  const fired = firedByMeasurement(triggers)
  const review = reviewDate(head.reviewBy, head.createdAt, now)
  return {
    briefId,
    revision: head.number,
    checkin,
    triggers,
    counts: countTriggers(triggers),
    fired,
    ...review,
    needsAttention: review.overdue || fired.length > 0,
  }
}

/**
 * Chooses the review date (YYYY-MM-DD), or with null goes back to the
 * policy's default after the latest revision; null when the workspace has no
 * such brief. The date chosen stands across later revisions until it is
 * changed or cleared.
 */
export async function setReviewBy(
  db: Db,
  input: { workspaceId: string; briefId: string; reviewBy: string | null; now?: Date },
): Promise<ReviewDate | null> {
  if (input.reviewBy !== null && !isCalendarDate(input.reviewBy)) {
    throw new InvalidInputError([problem('reviewBy', 'a calendar date as YYYY-MM-DD', describeValue(input.reviewBy))])
  }
  const updated = await db.db
    .updateTable('briefs')
    .set({ review_by: input.reviewBy })
    .where('id', '=', input.briefId)
    .where(liveBriefIn(input.workspaceId))
    .returning(['review_by', 'updated_at'])
    .executeTakeFirst()
  // The brief row's updated_at is its latest revision's time (createBrief and addRevision move it together).
  return updated ? reviewDate(updated.review_by, updated.updated_at, input.now ?? new Date()) : null
}

/**
 * The briefs of a workspace that need attention, for the top of the home
 * list: those with a trigger fired by their newest check-in first, then those
 * past their review date; within each, the earliest review date first. At
 * most `limit` items; `total` counts them all.
 *
 * A separate list rather than an ordering of listBriefs: whether a brief
 * needs attention changes with the clock and with every check-in, so a
 * keyset cursor over it would skip or repeat briefs between pages.
 *
 * Only a brief with a check-in can have fired, so only those are judged
 * against their latest revision's triggers. Whether a brief is overdue its
 * own row answers: the database returns the first `limit` overdue briefs in
 * list order and counts them all, without reading a revision.
 */
export async function listBriefsNeedingAttention(
  db: Db,
  input: { workspaceId: string; now?: Date; limit?: number },
): Promise<{ items: AttentionItem[]; total: number }> {
  const now = input.now ?? new Date()
  const limit = checkLimit(input.limit, ATTENTION_LIMIT_DEFAULT, ATTENTION_LIMIT_MAX)
  const today = isoDate(now)
  const revisedBefore = defaultOverdueIfRevisedBefore(today)

  const live = db.db.selectFrom('briefs').where(liveBriefIn(input.workspaceId))
  const chosenOverdue = live.where('briefs.review_by', 'is not', null).where('briefs.review_by', '<', today)
  const defaultOverdue = live.where('briefs.review_by', 'is', null).where(REVISED_ON, '<', revisedBefore)
  const [checkedIn, chosen, defaulted, overdue] = await Promise.all([
    readCheckedInBriefs(db, input.workspaceId),
    // Ordered as the list is, so migration 0003's indexes hand over the first rows without sorting them all.
    chosenOverdue
      .select(ATTENTION_COLUMNS)
      .orderBy('briefs.review_by')
      .orderBy('briefs.created_at', 'desc')
      .orderBy('briefs.id', 'desc')
      .limit(limit)
      .execute(),
    defaultOverdue
      .select(ATTENTION_COLUMNS)
      .orderBy(REVISED_ON)
      .orderBy('briefs.created_at', 'desc')
      .orderBy('briefs.id', 'desc')
      .limit(limit)
      .execute(),
    db.db
      .selectNoFrom([
        chosenOverdue.select(({ fn }) => fn.countAll().as('n')).as('chosen'),
        defaultOverdue.select(({ fn }) => fn.countAll().as('n')).as('defaulted'),
      ])
      .executeTakeFirstOrThrow(),
  ])

  // Those that fired come first, so the first `limit` overdue briefs of each kind hold every other one the list can show.
  const judged = checkedIn.map((row) => toAttentionItem(row, now))
  const judgedIds = new Set(judged.map((item) => item.id))
  const items = [
    ...judged.filter((item) => item.overdue || item.fired.length > 0),
    ...[...chosen, ...defaulted]
      .filter((row) => !judgedIds.has(row.id))
      .map((row) => toAttentionItem({ ...row, measured_at: null }, now)),
  ]
  items.sort(
    (a, b) =>
      Number(b.fired.length > 0) - Number(a.fired.length > 0) ||
      Number(b.overdue) - Number(a.overdue) ||
      compareText(a.reviewBy, b.reviewBy) ||
      compareText(b.createdAt, a.createdAt) ||
      compareText(b.id, a.id),
  )
  const firedBeforeDue = judged.filter((item) => !item.overdue && item.fired.length > 0).length
  return {
    items: items.slice(0, limit),
    total: Number(overdue.chosen ?? 0) + Number(overdue.defaulted ?? 0) + firedBeforeDue,
  }
}

const ATTENTION_COLUMNS = [
  'briefs.id',
  'briefs.title',
  'briefs.head_revision',
  'briefs.created_at',
  'briefs.updated_at',
  'briefs.review_by',
] as const

/**
 * The day of a brief's latest revision: createBrief and addRevision set updated_at to the revision's time in the
 * transaction that writes it. Written as in migration 0003's index: the databases use an index on an expression
 * only for the same expression.
 */
const REVISED_ON = sql<string>`substr(briefs.updated_at, 1, 10)`

type AttentionRow = Pick<BriefRow, 'id' | 'title' | 'head_revision' | 'created_at' | 'updated_at' | 'review_by'> & {
  measured_at: string | null
  figures?: string
  triggers?: string | null
}

/** Every brief of the workspace with a check-in: its newest check-in and its latest revision's triggers. */
function readCheckedInBriefs(db: Db, workspaceId: string): Promise<AttentionRow[]> {
  return (
    db.db
      .selectFrom('briefs')
      .innerJoin('checkins', (join) =>
        join.on((eb) =>
          eb(
            'checkins.id',
            '=',
            eb
              .selectFrom('checkins as newest')
              .select('newest.id')
              .whereRef('newest.brief_id', '=', 'briefs.id')
              .orderBy('newest.measured_at', 'desc')
              .orderBy('newest.id', 'desc')
              .limit(1),
          ),
        ),
      )
      .select([...ATTENTION_COLUMNS, 'checkins.measured_at', 'checkins.figures'])
      // A subquery in the select list reads a revision only for a brief that has a check-in.
      .select((eb) =>
        eb
          .selectFrom('revisions as head')
          .select(triggersJson(db).as('triggers'))
          .whereRef('head.brief_id', '=', 'briefs.id')
          .whereRef('head.number', '=', 'briefs.head_revision')
          .as('triggers'),
      )
      .where(liveBriefIn(workspaceId))
      // Said again on its own so PostgreSQL keeps the briefs with a check-in before it looks for their newest.
      .where(({ exists, selectFrom }) =>
        exists(selectFrom('checkins as any').select('any.id').whereRef('any.brief_id', '=', 'briefs.id')),
      )
      .execute()
  )
}

function toAttentionItem(row: AttentionRow, now: Date): AttentionItem {
  let fired: string[] = []
  if (row.measured_at !== null && row.figures !== undefined && row.triggers) {
    const signals = signalsOf({ measured_at: row.measured_at, figures: row.figures })
    try {
      const triggers = JSON.parse(row.triggers) as Trigger[]
      // evaluateSignals reads only the brief's triggers; the rest of the 50 KB brief is left in the database.
      fired = firedByMeasurement(evaluateSignals({ triggers } as Pick<Brief, 'triggers'> as Brief, null, signals))
    } catch {
      // A corrupt head revision is reported where it is read in full (its own pages), not on every workspace's list.
      fired = []
    }
  }
  return {
    ...toSummary(row),
    ...reviewDate(row.review_by, row.updated_at, now),
    fired,
    latestMeasuredAt: row.measured_at,
  }
}

/** The review date and whether it has passed at `now`, from the stored choice or the latest revision's time. */
export function reviewDate(chosen: string | null, latestRevisionAt: string, now: Date): ReviewDate {
  return reviewDateOn(chosen, latestRevisionAt, isoDate(now))
}

export function countTriggers(triggers: readonly TriggerEvaluation[]): TriggerCounts {
  return {
    fired: triggers.filter((t) => t.status === 'fired').length,
    approaching: triggers.filter((t) => t.status === 'approaching').length,
    ok: triggers.filter((t) => t.status === 'ok').length,
    notMeasured: triggers.filter((t) => t.source === 'brief').length,
  }
}

function firedByMeasurement(triggers: readonly TriggerEvaluation[]): string[] {
  return triggers.filter((t) => t.source === 'check_in' && t.status === 'fired').map((t) => t.id)
}

/** The `triggers` array of the head revision's brief (`revisions as head`) as JSON text, extracted by the database. */
function triggersJson(db: Db) {
  return db.dialect === 'postgres'
    ? sql<string>`(head.brief::json -> 'triggers')::text`
    : sql<string>`case when json_valid(head.brief) then json_extract(head.brief, '$.triggers') end`
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

import { randomBytes } from 'node:crypto'
import { type Kysely, sql } from 'kysely'
import { type Answers, readStoredAnswers } from '#app/engine/answers.ts'
import type { Brief, Trigger } from '#app/engine/brief.ts'
import { evaluateSignals, SIGNAL_FIELDS, type Signals, type TriggerEvaluation } from '#app/engine/signals.ts'
import { describeValue, problem } from '#app/lib/problems.ts'
import type { Db } from '#db/client.server.ts'
import type { CheckinSource, Database } from '#db/schema.ts'
import {
  type BriefSummary,
  InvalidInputError,
  inTransaction,
  LIST_LIMIT_DEFAULT,
  LIST_LIMIT_MAX,
  type RevisionRecord,
  readStoredBrief,
} from './briefs.server.ts'
import { maxCheckinsPerBrief, QuotaExceededError } from './quotas.server.ts'

/**
 * Check-ins: figures a team measured, recorded against a brief and judged
 * against the triggers of its latest revision. A check-in is written once;
 * "the newest" is the latest measured day, and on the same day the later
 * write. A brief is due for review 90 days after its latest revision unless
 * someone chose another date, and needs attention when that date has passed
 * or a measured figure fired one of its triggers.
 */

export type { CheckinSource }

export interface CheckinRecord {
  id: string
  briefId: string
  /** The day the figures were measured, YYYY-MM-DD. */
  measuredAt: string
  /** The parsed check-in: measuredAt and every figure given, in its canonical unit. */
  signals: Signals
  source: CheckinSource
  createdAt: string
}

export interface TriggerCounts {
  fired: number
  approaching: number
  ok: number
  /** Triggers whose metric the check-in lacks: their status is the brief's own. */
  notMeasured: number
}

export interface ReviewDate {
  /** YYYY-MM-DD: the date chosen, or 90 days after the latest revision. */
  reviewBy: string
  /** True when someone chose the date; false when it is the 90-day default. */
  reviewBySet: boolean
  /** The review date has passed (today, in UTC, is after it). */
  overdue: boolean
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

export const REVIEW_AFTER_DAYS = 90
/** A check-in may be dated at most this many days after today in UTC, for teams ahead of UTC. */
export const MEASURED_AT_MAX_DAYS_AHEAD = 1
export const ATTENTION_LIMIT_DEFAULT = 20
export const ATTENTION_LIMIT_MAX = 100
export const CHECKIN_ID_PATTERN = /^c_[0-9a-hjkmnp-tv-z]{20}$/

const DAY_MS = 24 * 60 * 60 * 1000
const DATE = /^\d{4}-\d{2}-\d{2}$/

/**
 * Records a parsed check-in and judges it against the latest revision's
 * triggers; null when the workspace has no such brief. Throws
 * InvalidInputError for a measuredAt after tomorrow (UTC).
 */
export async function recordCheckin(
  db: Db,
  input: {
    workspaceId: string
    briefId: string
    signals: Signals
    source: CheckinSource
    now?: Date
    maxCheckins?: number
  },
): Promise<{ checkin: CheckinRecord; revision: number; triggers: TriggerEvaluation[] } | null> {
  const now = input.now ?? new Date()
  const max = input.maxCheckins ?? maxCheckinsPerBrief()
  const latestAllowed = addDays(isoDate(now), MEASURED_AT_MAX_DAYS_AHEAD)
  if (input.signals.measuredAt > latestAllowed) {
    throw new InvalidInputError([
      problem('measuredAt', `a day no later than ${latestAllowed}`, describeValue(input.signals.measuredAt)),
    ])
  }
  return inTransaction(db, async (trx) => {
    // Counting up first holds the brief row, so concurrent check-ins cannot pass the quota together.
    const counted = await trx
      .updateTable('briefs')
      .set((eb) => ({ checkin_count: eb('checkin_count', '+', 1) }))
      .where('id', '=', input.briefId)
      .where('workspace_id', '=', input.workspaceId)
      .where('deleted_at', 'is', null)
      .where('checkin_count', '<', max)
      .executeTakeFirst()
    if (Number(counted.numUpdatedRows) === 0) {
      if (await briefExists(trx, input.workspaceId, input.briefId)) throw new QuotaExceededError('checkins', max)
      return null
    }
    const head = await readHead(trx, input.workspaceId, input.briefId)
    if (!head) return null
    const checkin: CheckinRecord = {
      id: newCheckinId(now),
      briefId: input.briefId,
      measuredAt: input.signals.measuredAt,
      signals: normalised(input.signals),
      source: input.source,
      createdAt: now.toISOString(),
    }
    await trx
      .insertInto('checkins')
      .values({
        id: checkin.id,
        brief_id: checkin.briefId,
        measured_at: checkin.measuredAt,
        figures: JSON.stringify(figuresOf(checkin.signals)),
        source: checkin.source,
        created_at: checkin.createdAt,
      })
      .execute()
    return {
      checkin,
      revision: head.number,
      triggers: evaluateSignals(head.brief, head.answers, checkin.signals),
    }
  })
}

/**
 * A brief's check-ins, newest first, a page at a time; null when the
 * workspace has no such brief. Pass one page's `nextCursor` as `cursor` for
 * the next; null means the last page.
 */
export async function listCheckins(
  db: Db,
  input: { workspaceId: string; briefId: string; limit?: number; cursor?: string },
): Promise<{ items: CheckinRecord[]; nextCursor: string | null } | null> {
  const limit = checkLimit(input.limit, LIST_LIMIT_DEFAULT, LIST_LIMIT_MAX)
  const after = input.cursor === undefined || input.cursor === '' ? null : decodeCheckinCursor(input.cursor)
  if (!(await briefExists(db.db, input.workspaceId, input.briefId))) return null
  let query = db.db
    .selectFrom('checkins')
    .select(['id', 'brief_id', 'measured_at', 'figures', 'source', 'created_at'])
    .where('brief_id', '=', input.briefId)
  if (after) {
    query = query.where((eb) =>
      eb.or([
        eb('measured_at', '<', after.measuredAt),
        eb.and([eb('measured_at', '=', after.measuredAt), eb('id', '<', after.id)]),
      ]),
    )
  }
  const rows = await query
    .orderBy('measured_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit + 1)
    .execute()
  const items = rows.slice(0, limit).map(toCheckin)
  const last = items.at(-1)
  return { items, nextCursor: rows.length > limit && last ? encodeCheckinCursor(last.measuredAt, last.id) : null }
}

/** The newest check-in of a brief; null when there is none or no such brief in the workspace. */
export async function latestCheckin(
  db: Db,
  input: { workspaceId: string; briefId: string },
): Promise<CheckinRecord | null> {
  const row = await newestCheckinQuery(db.db, input.briefId)
    .innerJoin('briefs', 'briefs.id', 'checkins.brief_id')
    .where('briefs.workspace_id', '=', input.workspaceId)
    .where('briefs.deleted_at', 'is', null)
    .executeTakeFirst()
  return row ? toCheckin(row) : null
}

/** One check-in of a brief; null when the workspace has no such brief or the brief no such check-in. */
export async function getCheckin(
  db: Db,
  input: { workspaceId: string; briefId: string; checkinId: string },
): Promise<CheckinRecord | null> {
  const row = await db.db
    .selectFrom('checkins')
    .innerJoin('briefs', 'briefs.id', 'checkins.brief_id')
    .select([
      'checkins.id',
      'checkins.brief_id',
      'checkins.measured_at',
      'checkins.figures',
      'checkins.source',
      'checkins.created_at',
    ])
    .where('checkins.id', '=', input.checkinId)
    .where('checkins.brief_id', '=', input.briefId)
    .where('briefs.workspace_id', '=', input.workspaceId)
    .where('briefs.deleted_at', 'is', null)
    .executeTakeFirst()
  return row ? toCheckin(row) : null
}

/**
 * The latest revision's triggers judged against the newest check-in, with
 * the review date; null when the workspace has no such brief.
 */
export async function briefStatus(
  db: Db,
  input: { workspaceId: string; briefId: string; now?: Date },
): Promise<BriefStatus | null> {
  const head = await readHead(db.db, input.workspaceId, input.briefId)
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
    .where('workspace_id', '=', input.workspaceId)
    .where('deleted_at', 'is', null)
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

async function statusAt(db: Db, briefId: string, head: Head, now: Date): Promise<BriefStatus> {
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
 * Chooses the review date (YYYY-MM-DD), or with null goes back to 90 days
 * after the latest revision; null when the workspace has no such brief.
 * The date chosen stands across later revisions until it is changed or cleared.
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
    .where('workspace_id', '=', input.workspaceId)
    .where('deleted_at', 'is', null)
    .executeTakeFirst()
  if (Number(updated.numUpdatedRows) === 0) return null
  const head = await readHead(db.db, input.workspaceId, input.briefId)
  return head ? reviewDate(head.reviewBy, head.createdAt, input.now ?? new Date()) : null
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
  // A default review date (latest revision + 90 days) is before today exactly when that revision is dated before this day.
  const revisedBefore = addDays(today, -REVIEW_AFTER_DAYS)

  const live = db.db
    .selectFrom('briefs')
    .where('briefs.workspace_id', '=', input.workspaceId)
    .where('briefs.deleted_at', 'is', null)
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

interface AttentionRow {
  id: string
  title: string
  head_revision: number
  created_at: string
  updated_at: string
  review_by: string | null
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
      .where('briefs.workspace_id', '=', workspaceId)
      .where('briefs.deleted_at', 'is', null)
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
    const signals = { measuredAt: row.measured_at, ...(JSON.parse(row.figures) as Omit<Signals, 'measuredAt'>) }
    const triggers = JSON.parse(row.triggers) as Trigger[]
    // evaluateSignals reads only the brief's triggers; the rest of the 50 KB brief is left in the database.
    fired = firedByMeasurement(evaluateSignals({ triggers } as Pick<Brief, 'triggers'> as Brief, null, signals))
  }
  return {
    id: row.id,
    title: row.title,
    headRevision: Number(row.head_revision),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    ...reviewDate(row.review_by, row.updated_at, now),
    fired,
    latestMeasuredAt: row.measured_at,
  }
}

/** The review date and whether it has passed, from the stored choice or the latest revision's time. */
export function reviewDate(chosen: string | null, latestRevisionAt: string, now: Date): ReviewDate {
  const reviewBy = chosen ?? addDays(latestRevisionAt.slice(0, 10), REVIEW_AFTER_DAYS)
  return { reviewBy, reviewBySet: chosen !== null, overdue: isoDate(now) > reviewBy }
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

interface Head {
  number: number
  createdAt: string
  reviewBy: string | null
  answers: Answers
  brief: Brief
}

async function readHead(db: Kysely<Database>, workspaceId: string, briefId: string): Promise<Head | null> {
  const row = await db
    .selectFrom('briefs')
    .innerJoin('revisions', (join) =>
      join.onRef('revisions.brief_id', '=', 'briefs.id').onRef('revisions.number', '=', 'briefs.head_revision'),
    )
    .select(['revisions.number', 'revisions.created_at', 'revisions.answers', 'revisions.brief', 'briefs.review_by'])
    .where('briefs.id', '=', briefId)
    .where('briefs.workspace_id', '=', workspaceId)
    .where('briefs.deleted_at', 'is', null)
    .executeTakeFirst()
  if (!row) return null
  const answers = readStoredAnswers(row.answers)
  return {
    number: Number(row.number),
    createdAt: row.created_at,
    reviewBy: row.review_by,
    answers,
    brief: readStoredBrief(row.brief, answers).brief,
  }
}

async function briefExists(db: Kysely<Database>, workspaceId: string, briefId: string): Promise<boolean> {
  const row = await db
    .selectFrom('briefs')
    .select('id')
    .where('id', '=', briefId)
    .where('workspace_id', '=', workspaceId)
    .where('deleted_at', 'is', null)
    .executeTakeFirst()
  return row !== undefined
}

function newestCheckinQuery(db: Kysely<Database>, briefId: string) {
  return db
    .selectFrom('checkins')
    .select([
      'checkins.id',
      'checkins.brief_id',
      'checkins.measured_at',
      'checkins.figures',
      'checkins.source',
      'checkins.created_at',
    ])
    .where('checkins.brief_id', '=', briefId)
    .orderBy('checkins.measured_at', 'desc')
    .orderBy('checkins.id', 'desc')
    .limit(1)
}

/** The `triggers` array of the head revision's brief (`revisions as head`) as JSON text, extracted by the database. */
function triggersJson(db: Db) {
  return db.dialect === 'postgres'
    ? sql<string>`(head.brief::json -> 'triggers')::text`
    : sql<string>`json_extract(head.brief, '$.triggers')`
}

function toCheckin(row: {
  id: string
  brief_id: string
  measured_at: string
  figures: string
  source: CheckinSource
  created_at: string
}): CheckinRecord {
  return {
    id: row.id,
    briefId: row.brief_id,
    measuredAt: row.measured_at,
    signals: { measuredAt: row.measured_at, ...(JSON.parse(row.figures) as Omit<Signals, 'measuredAt'>) },
    source: row.source,
    createdAt: row.created_at,
  }
}

/** The figures in vocabulary order, so the same check-in is stored and returned the same way. */
function normalised(signals: Signals): Signals {
  return { measuredAt: signals.measuredAt, ...figuresOf(signals) }
}

function figuresOf(signals: Signals): Omit<Signals, 'measuredAt'> {
  const out: Omit<Signals, 'measuredAt'> = {}
  for (const field of SIGNAL_FIELDS) {
    const value = signals[field]
    if (value !== undefined) out[field] = value
  }
  return out
}

// Crockford's base32 is in ASCII order, so ids made later sort later (to the millisecond) in both databases.
const SORTABLE = '0123456789abcdefghjkmnpqrstvwxyz'

function newCheckinId(now: Date): string {
  let time = ''
  let ms = Math.max(0, now.getTime())
  for (let i = 0; i < 10; i++) {
    time = SORTABLE[ms % 32] + time
    ms = Math.floor(ms / 32)
  }
  let random = ''
  for (const byte of randomBytes(10)) random += SORTABLE[byte & 31]
  return `c_${time}${random}`
}

export function isoDate(at: Date): string {
  return at.toISOString().slice(0, 10)
}

export function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00.000Z`) + days * DAY_MS).toISOString().slice(0, 10)
}

export function isCalendarDate(text: string): boolean {
  if (!DATE.test(text)) return false
  const at = new Date(`${text}T00:00:00.000Z`)
  return !Number.isNaN(at.getTime()) && at.toISOString().slice(0, 10) === text
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

function checkLimit(limit: number | undefined, fallback: number, max: number): number {
  if (limit === undefined) return fallback
  if (!Number.isInteger(limit) || limit < 1 || limit > max) {
    throw new InvalidInputError([problem('limit', `a whole number from 1 to ${max}`, describeValue(limit))])
  }
  return limit
}

export function encodeCheckinCursor(measuredAt: string, id: string): string {
  return Buffer.from(JSON.stringify([measuredAt, id]), 'utf8').toString('base64url')
}

function decodeCheckinCursor(cursor: string): { measuredAt: string; id: string } {
  const bad = () =>
    new InvalidInputError([
      problem('cursor', 'a cursor exactly as an earlier page returned it in nextCursor', describeValue(cursor)),
    ])
  if (!/^[A-Za-z0-9_-]{1,200}$/.test(cursor)) throw bad()
  let decoded: unknown
  try {
    decoded = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'))
  } catch {
    throw bad()
  }
  if (
    !Array.isArray(decoded) ||
    decoded.length !== 2 ||
    typeof decoded[0] !== 'string' ||
    typeof decoded[1] !== 'string' ||
    !DATE.test(decoded[0]) ||
    !CHECKIN_ID_PATTERN.test(decoded[1])
  ) {
    throw bad()
  }
  return { measuredAt: decoded[0], id: decoded[1] }
}

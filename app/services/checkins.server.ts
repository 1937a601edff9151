import type { Kysely } from 'kysely'
import { addDays } from '#app/engine/review-policy.ts'
import { evaluateSignals, SIGNAL_FIELDS, type Signals, type TriggerEvaluation } from '#app/engine/signals.ts'
import { describeValue, problem } from '#app/lib/problems.ts'
import type { Db } from '#db/client.server.ts'
import type { CheckinRow, CheckinSource, Database } from '#db/schema.ts'
import { readHeadRevision } from './briefs.server.ts'
import { maxCheckinsPerBrief, QuotaExceededError } from './quotas.server.ts'
import { isoDate, looksLikeDate } from './support/dates.server.ts'
import { InvalidInputError } from './support/errors.server.ts'
import { newTimeOrderedId, TIME_ORDERED_ID_PATTERN } from './support/ids.server.ts'
import { checkLimit } from './support/limits.server.ts'
import { descendingAfter, keysetCursor, keysetPage } from './support/pagination.server.ts'
import { liveBriefExists, liveBriefIn } from './support/scope.server.ts'
import { inTransaction } from './support/transaction.server.ts'

/**
 * Check-ins: figures a team measured, recorded against a brief and judged
 * against the triggers of its latest revision. A check-in is written once;
 * "the newest" is the latest measured day, and on the same day the later
 * write. What a brief's check-ins and review date mean for its attention is
 * in attention.server.ts.
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

/** A check-in may be dated at most this many days after today in UTC, for teams ahead of UTC. */
export const MEASURED_AT_MAX_DAYS_AHEAD = 1
export const CHECKIN_ID_PATTERN = TIME_ORDERED_ID_PATTERN

/** A page of check-ins ends at its last check-in's measured day and id. */
const checkinCursor = keysetCursor(
  (parts): parts is [string, string] =>
    parts.length === 2 &&
    typeof parts[0] === 'string' &&
    typeof parts[1] === 'string' &&
    looksLikeDate(parts[0]) &&
    CHECKIN_ID_PATTERN.test(parts[1]),
  200,
)

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
      .where(liveBriefIn(input.workspaceId))
      .where('checkin_count', '<', max)
      .executeTakeFirst()
    if (Number(counted.numUpdatedRows) === 0) {
      if (await liveBriefExists(trx, input)) throw new QuotaExceededError('checkins', max)
      return null
    }
    const head = await readHeadRevision(trx, input)
    if (!head) return null
    const checkin: CheckinRecord = {
      id: newTimeOrderedId('c', now),
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
  const limit = checkLimit(input.limit)
  const after = checkinCursor.decode(input.cursor)
  if (!(await liveBriefExists(db.db, input))) return null
  let query = db.db.selectFrom('checkins').select(CHECKIN_COLUMNS).where('checkins.brief_id', '=', input.briefId)
  if (after) query = query.where(descendingAfter(['checkins.measured_at', 'checkins.id'], after))
  return keysetPage({
    limit,
    fetch: async (take) =>
      (await query.orderBy('checkins.measured_at', 'desc').orderBy('checkins.id', 'desc').limit(take).execute()).map(
        toCheckin,
      ),
    cursorOf: (last) => checkinCursor.encode([last.measuredAt, last.id]),
  })
}

/** The newest check-in of a brief; null when there is none or no such brief in the workspace. */
export async function latestCheckin(
  db: Db,
  input: { workspaceId: string; briefId: string },
): Promise<CheckinRecord | null> {
  const row = await newestCheckinQuery(db.db, input.briefId)
    .innerJoin('briefs', 'briefs.id', 'checkins.brief_id')
    .where(liveBriefIn(input.workspaceId))
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
    .select(CHECKIN_COLUMNS)
    .where('checkins.id', '=', input.checkinId)
    .where('checkins.brief_id', '=', input.briefId)
    .where(liveBriefIn(input.workspaceId))
    .executeTakeFirst()
  return row ? toCheckin(row) : null
}

const CHECKIN_COLUMNS = [
  'checkins.id',
  'checkins.brief_id',
  'checkins.measured_at',
  'checkins.figures',
  'checkins.source',
  'checkins.created_at',
] as const

/** The newest check-in of a brief, whatever its workspace: callers scope it. */
export function newestCheckinQuery(db: Kysely<Database>, briefId: string) {
  return db
    .selectFrom('checkins')
    .select(CHECKIN_COLUMNS)
    .where('checkins.brief_id', '=', briefId)
    .orderBy('checkins.measured_at', 'desc')
    .orderBy('checkins.id', 'desc')
    .limit(1)
}

export function toCheckin(row: CheckinRow): CheckinRecord {
  return {
    id: row.id,
    briefId: row.brief_id,
    measuredAt: row.measured_at,
    signals: signalsOf(row),
    source: row.source,
    createdAt: row.created_at,
  }
}

/** A stored check-in's figures with its measured day, as the engine reads signals. */
export function signalsOf(row: Pick<CheckinRow, 'measured_at' | 'figures'>): Signals {
  return { measuredAt: row.measured_at, ...(JSON.parse(row.figures) as Omit<Signals, 'measuredAt'>) }
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

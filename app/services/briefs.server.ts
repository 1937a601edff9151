import { type Kysely, sql } from 'kysely'
import { loadCatalog } from '#app/catalog.server.ts'
import type { Answers } from '#app/engine/answers.ts'
import type { Brief } from '#app/engine/brief.ts'
import type { StoredBrief } from '#app/engine/brief-v1.ts'
import { generateBrief } from '#app/engine/generate.ts'
import type { Db } from '#db/client.server.ts'
import type { BriefRow, Database, RevisionRow } from '#db/schema.ts'
import { maxRevisionsPerBrief, QuotaExceededError } from './quotas.server.ts'
import { readStoredRevision } from './revision-reading.server.ts'
import { idPattern, newId } from './support/ids.server.ts'
import { checkLimit, checkSearch } from './support/limits.server.ts'
import { descendingAfter, keysetCursor, keysetPage } from './support/pagination.server.ts'
import { liveBriefExists, liveBriefIn, selectLiveBrief } from './support/scope.server.ts'
import { inTransaction } from './support/transaction.server.ts'

/**
 * Saved briefs and their revisions. A brief is its list of revisions; a
 * revision (answers, the brief generated from them, the engine and catalog
 * versions, the time) is written once and never changed. The brief row keeps
 * the number of its latest revision, moved in the transaction that writes it.
 * Every query is scoped by workspace, and a soft-deleted brief is gone from all of them.
 */

export interface BriefSummary {
  id: string
  title: string
  headRevision: number
  createdAt: string
  updatedAt: string
}

export interface RevisionSummary {
  number: number
  engineVersion: string
  catalogVersion: string
  createdAt: string
  title: string
}

export interface RevisionRecord extends RevisionSummary {
  briefId: string
  answers: Answers
  /** The brief as pages and exports read it (a stored version 1 brief is viewed in the version 2 shape). */
  brief: Brief
  /** The brief exactly as stored, when that differs from `brief`: the API and the JSON download serve this. */
  storedBrief?: StoredBrief
}

/** Revision numbers are 32-bit integers in both databases. */
export const MAX_REVISION_NUMBER = 2_147_483_647

/** `b_` and 16 characters of lowercase base32: 80 random bits, safe in a URL as it is. */
export const BRIEF_ID_PATTERN = idPattern('b')

const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?Z$/
const CURSOR_ID = /^[\w-]{1,64}$/

/** A page of briefs ends at its last brief's creation time and id. */
const briefCursor = keysetCursor(
  (parts): parts is [string, string] =>
    parts.length === 2 &&
    typeof parts[0] === 'string' &&
    typeof parts[1] === 'string' &&
    ISO_TIME.test(parts[0]) &&
    CURSOR_ID.test(parts[1]),
)

/** A page of revisions ends at its last revision's number, tagged so a brief cursor is not taken for one. */
const revisionCursor = keysetCursor(
  (parts): parts is ['r', number] =>
    parts.length === 2 &&
    parts[0] === 'r' &&
    Number.isInteger(parts[1]) &&
    (parts[1] as number) >= 1 &&
    (parts[1] as number) <= MAX_REVISION_NUMBER,
  40,
)

/** The columns a full revision is read from. */
const REVISION_COLUMNS = [
  'revisions.number',
  'revisions.answers',
  'revisions.brief',
  'revisions.engine_version',
  'revisions.catalog_version',
  'revisions.created_at',
  'revisions.title',
] as const

/** A new brief with its first revision. */
export async function createBrief(
  db: Db,
  input: { workspaceId: string; answers: Answers; now?: Date },
): Promise<{ brief: BriefSummary; revision: RevisionRecord }> {
  const snapshot = takeSnapshot(input.answers, input.now)
  const id = newId('b')
  return inTransaction(db, async (trx) => {
    await trx
      .insertInto('briefs')
      .values({
        id,
        workspace_id: input.workspaceId,
        title: snapshot.title,
        head_revision: 1,
        created_at: snapshot.createdAt,
        updated_at: snapshot.createdAt,
        deleted_at: null,
      })
      .execute()
    const revision = await insertRevision(trx, id, 1, snapshot, null)
    const brief: BriefSummary = {
      id,
      title: snapshot.title,
      headRevision: 1,
      createdAt: snapshot.createdAt,
      updatedAt: snapshot.createdAt,
    }
    return { brief, revision }
  })
}

/**
 * The next revision of a brief, which becomes its head; null when the
 * workspace has no such brief. Throws InvalidInputError like createBrief, and
 * QuotaExceededError when the brief already holds the most revisions allowed.
 */
export async function addRevision(
  db: Db,
  input: { workspaceId: string; briefId: string; answers: Answers; now?: Date; maxRevisions?: number },
): Promise<RevisionRecord | null> {
  const snapshot = takeSnapshot(input.answers, input.now)
  const max = input.maxRevisions ?? maxRevisionsPerBrief()
  return inTransaction(db, async (trx) => {
    // Moving the head first takes the row's write lock: a concurrent revision
    // waits, then reads the moved head, so no two revisions share a number.
    const moved = await trx
      .updateTable('briefs')
      .set((eb) => ({
        head_revision: eb('head_revision', '+', 1),
        title: snapshot.title,
        updated_at: snapshot.createdAt,
      }))
      .where('id', '=', input.briefId)
      .where(liveBriefIn(input.workspaceId))
      .where('head_revision', '<', max)
      .returning('head_revision')
      .executeTakeFirst()
    if (!moved) {
      if (await liveBriefExists(trx, input)) throw new QuotaExceededError('revisions', max)
      return null
    }
    const number = Number(moved.head_revision)
    const before = await trx
      .selectFrom('revisions')
      .select('choices')
      .where('brief_id', '=', input.briefId)
      .where('number', '=', number - 1)
      .executeTakeFirst()
    return insertRevision(trx, input.briefId, number, snapshot, before?.choices ?? null)
  })
}

export async function getBrief(
  db: Db,
  input: { workspaceId: string; briefId: string },
): Promise<(BriefSummary & { head: RevisionRecord }) | null> {
  const row = await selectLiveBrief(db.db, input)
    .innerJoin('revisions', (join) =>
      join.onRef('revisions.brief_id', '=', 'briefs.id').onRef('revisions.number', '=', 'briefs.head_revision'),
    )
    .select([
      'briefs.id',
      'briefs.title as brief_title',
      'briefs.head_revision',
      'briefs.created_at as brief_created_at',
      'briefs.updated_at',
      ...REVISION_COLUMNS,
    ])
    .executeTakeFirst()
  if (!row) return null
  return {
    ...toSummary({ ...row, title: row.brief_title, created_at: row.brief_created_at }),
    head: toRecord(row.id, row),
  }
}

/**
 * The head revision of a live brief with the review date someone chose (or
 * null), read through any connection or open transaction; null when the
 * workspace has no such brief.
 */
export async function readHeadRevision(
  db: Kysely<Database>,
  input: { workspaceId: string; briefId: string },
): Promise<(RevisionRecord & { reviewBy: string | null }) | null> {
  const row = await selectLiveBrief(db, input)
    .innerJoin('revisions', (join) =>
      join.onRef('revisions.brief_id', '=', 'briefs.id').onRef('revisions.number', '=', 'briefs.head_revision'),
    )
    .select([...REVISION_COLUMNS, 'briefs.review_by'])
    .executeTakeFirst()
  return row ? { ...toRecord(input.briefId, row), reviewBy: row.review_by } : null
}

/**
 * A workspace's briefs, newest first, optionally only those whose title
 * contains `search` (any case). Pages follow each other by an opaque cursor:
 * pass the `nextCursor` of one page to get the next; null means the last page.
 */
export async function listBriefs(
  db: Db,
  input: { workspaceId: string; search?: string; cursor?: string; limit?: number },
): Promise<{ items: BriefSummary[]; nextCursor: string | null }> {
  const limit = checkLimit(input.limit)
  const search = checkSearch(input.search)
  const after = briefCursor.decode(input.cursor)

  let query = db.db
    .selectFrom('briefs')
    .select(['id', 'title', 'head_revision', 'created_at', 'updated_at'])
    .where(liveBriefIn(input.workspaceId))
  if (search) {
    query = query.where((eb) => eb(eb.fn('lower', ['title']), 'like', containsPattern(search)))
  }
  if (after) query = query.where(descendingAfter(['created_at', 'id'], after))
  return keysetPage({
    limit,
    fetch: async (take) =>
      (await query.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(take).execute()).map(toSummary),
    cursorOf: (last) => briefCursor.encode([last.createdAt, last.id]),
  })
}

/**
 * A brief's revisions, newest first, a page at a time (without answers and
 * brief), or null when the workspace has no such brief. Pages follow each
 * other by an opaque cursor like the brief list's: pass one page's
 * `nextCursor` for the next; null means the last page. Reads each revision's
 * stored title, never its answers.
 */
export async function listRevisions(
  db: Db,
  input: { workspaceId: string; briefId: string; cursor?: string; limit?: number },
): Promise<{ items: RevisionSummary[]; nextCursor: string | null; headRevision: number } | null> {
  const limit = checkLimit(input.limit)
  const before = revisionCursor.decode(input.cursor)
  const brief = await getBriefHead(db, input)
  if (!brief) return null
  let query = db.db
    .selectFrom('revisions')
    .select(['number', 'engine_version', 'catalog_version', 'created_at', 'title'])
    .where('brief_id', '=', input.briefId)
  if (before !== null) query = query.where('number', '<', before[1])
  const page = await keysetPage({
    limit,
    fetch: async (take) =>
      (await query.orderBy('number', 'desc').limit(take).execute()).map((row) => ({
        number: Number(row.number),
        engineVersion: row.engine_version,
        catalogVersion: row.catalog_version,
        createdAt: row.created_at,
        title: row.title,
      })),
    cursorOf: (last) => revisionCursor.encode(['r', last.number]),
  })
  return { ...page, headRevision: brief.headRevision }
}

/** The number of a brief's latest revision and its title, from the brief row alone; null when there is no such brief. */
export async function getBriefHead(
  db: Db,
  input: { workspaceId: string; briefId: string },
): Promise<{ headRevision: number; title: string } | null> {
  const row = await selectLiveBrief(db.db, input).select(['head_revision', 'title']).executeTakeFirst()
  return row ? { headRevision: Number(row.head_revision), title: row.title } : null
}

/**
 * The revision numbered `number` with the brief's head beside it, in one
 * query: null when there is no such brief, `revision: null` when the brief
 * has no such revision.
 */
export async function getRevisionWithHead(
  db: Db,
  input: { workspaceId: string; briefId: string; number: number },
): Promise<{ headRevision: number; revision: RevisionRecord | null } | null> {
  const number = isRevisionNumber(input.number) ? input.number : 0
  const row = await selectLiveBrief(db.db, input)
    .leftJoin('revisions', (join) =>
      join.onRef('revisions.brief_id', '=', 'briefs.id').on('revisions.number', '=', number),
    )
    .select(['briefs.head_revision', ...REVISION_COLUMNS])
    .executeTakeFirst()
  if (!row) return null
  const headRevision = Number(row.head_revision)
  if (row.number === null || row.answers === null || row.brief === null) return { headRevision, revision: null }
  return {
    headRevision,
    revision: toRecord(input.briefId, {
      number: row.number,
      answers: row.answers,
      brief: row.brief,
      engine_version: row.engine_version ?? '',
      catalog_version: row.catalog_version ?? '',
      created_at: row.created_at ?? '',
      title: row.title ?? '',
    }),
  }
}

/**
 * Every revision the decision records of revision `upTo` are written from, in
 * one query, oldest first: those up to it where a recorded choice changed
 * (revision 1 always counts), and `upTo` itself (last) whether or not it
 * changed one; read through a partial index whatever the history's length. Empty when the
 * workspace has no such brief or the brief no such revision.
 */
export async function listRevisionsForDecisionRecords(
  db: Db,
  input: { workspaceId: string; briefId: string; upTo: number },
): Promise<RevisionRecord[]> {
  if (!isRevisionNumber(input.upTo)) return []
  const revisions = selectLiveBrief(db.db, input)
    .innerJoin('revisions', 'revisions.brief_id', 'briefs.id')
    .select(REVISION_COLUMNS)
    .where('revisions.brief_id', '=', input.briefId)
  // Two halves of one statement, so each uses its index: the partial one of choice changes, and the revision's key.
  const rows = await revisions
    .where('revisions.choices_changed', '=', 1)
    .where('revisions.number', '<', input.upTo)
    .unionAll(revisions.where('revisions.number', '=', input.upTo))
    .execute()
  // Without the revision asked for, there is nothing to write records of.
  if (!rows.some((row) => Number(row.number) === input.upTo)) return []
  rows.sort((a, b) => Number(a.number) - Number(b.number))
  return rows.map((row) => toRecord(input.briefId, row))
}

/**
 * A brief's recorded decisions (those that get a decision record: adopted or
 * deferred, with a choice) as one line, `area=choice:status` in area order.
 * Two revisions with the same line leave the same decision records.
 */
export function choicesLine(brief: Brief): string {
  return brief.decisions
    .filter((d) => d.choice.id !== 'none' && (d.status === 'adopt' || d.status === 'defer'))
    .map((d) => `${d.area}=${d.choice.id}:${d.status}`)
    .sort()
    .join(' ')
}

export async function getRevision(
  db: Db,
  input: { workspaceId: string; briefId: string; number: number },
): Promise<RevisionRecord | null> {
  if (!isRevisionNumber(input.number)) return null
  const row = await selectLiveBrief(db.db, input)
    .innerJoin('revisions', 'revisions.brief_id', 'briefs.id')
    .select(REVISION_COLUMNS)
    .where('revisions.number', '=', input.number)
    .executeTakeFirst()
  return row ? toRecord(input.briefId, row) : null
}

/** Hides a brief everywhere (its rows stay); false when there was no such brief to delete. */
export async function deleteBrief(
  db: Db,
  input: { workspaceId: string; briefId: string; now?: Date },
): Promise<boolean> {
  const result = await db.db
    .updateTable('briefs')
    .set({ deleted_at: (input.now ?? new Date()).toISOString() })
    .where('id', '=', input.briefId)
    .where(liveBriefIn(input.workspaceId))
    .executeTakeFirst()
  return Number(result.numUpdatedRows) > 0
}

interface Snapshot {
  answers: Answers
  brief: Brief
  title: string
  createdAt: string
}

/** The brief for `answers`, saving nothing. */
export function previewBrief(answers: Answers): Brief {
  return generateBrief(answers, loadCatalog())
}

function takeSnapshot(answers: Answers, now = new Date()): Snapshot {
  return { answers, brief: previewBrief(answers), title: titleOf(answers), createdAt: now.toISOString() }
}

async function insertRevision(
  trx: Kysely<Database>,
  briefId: string,
  number: number,
  snapshot: Snapshot,
  previousChoices: string | null,
): Promise<RevisionRecord> {
  const choices = choicesLine(snapshot.brief)
  await trx
    .insertInto('revisions')
    .values({
      id: newId('r'),
      brief_id: briefId,
      number,
      answers: JSON.stringify(snapshot.answers),
      brief: JSON.stringify(snapshot.brief),
      engine_version: snapshot.brief.engineVersion,
      catalog_version: snapshot.brief.catalogVersion,
      created_at: snapshot.createdAt,
      title: snapshot.title,
      choices,
      choices_changed: choices === previousChoices ? 0 : 1,
    })
    .execute()
  return {
    briefId,
    number,
    engineVersion: snapshot.brief.engineVersion,
    catalogVersion: snapshot.brief.catalogVersion,
    createdAt: snapshot.createdAt,
    title: snapshot.title,
    answers: snapshot.answers,
    brief: snapshot.brief,
  }
}

/** The title a revision and its brief row are listed by. */
export function titleOf(answers: Answers): string {
  return answers.product.name
}

function isRevisionNumber(n: number): boolean {
  return Number.isInteger(n) && n >= 1 && n <= MAX_REVISION_NUMBER
}

/** A brief row as lists show it. */
export function toSummary(
  row: Pick<BriefRow, 'id' | 'title' | 'head_revision' | 'created_at' | 'updated_at'>,
): BriefSummary {
  return {
    id: row.id,
    title: row.title,
    headRevision: Number(row.head_revision),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  }
}

function toRecord(
  briefId: string,
  row: Pick<
    RevisionRow,
    'number' | 'answers' | 'brief' | 'engine_version' | 'catalog_version' | 'created_at' | 'title'
  >,
): RevisionRecord {
  const number = Number(row.number)
  const { answers, brief, storedBrief } = readStoredRevision({
    briefId,
    number,
    answers: row.answers,
    brief: row.brief,
  })
  return {
    briefId,
    number,
    engineVersion: row.engine_version,
    catalogVersion: row.catalog_version,
    createdAt: row.created_at,
    // A row written before titles were stored and left blank by a bad backfill still gets its name.
    title: row.title || titleOf(answers),
    answers,
    brief,
    ...(storedBrief ? { storedBrief } : {}),
  }
}

/** `%text%` with the LIKE wildcards in `text` taken literally; SQLite and PostgreSQL read `escape '\\'` alike. */
function containsPattern(text: string) {
  const escaped = text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)
  return sql<string>`${`%${escaped}%`} escape '\\'`
}

/** The cursor a page of briefs ending at this brief returns; for tests of a cursor that points past the end. */
export function encodeCursor(createdAt: string, id: string): string {
  return briefCursor.encode([createdAt, id])
}

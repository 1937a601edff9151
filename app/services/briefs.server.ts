import { randomBytes } from 'node:crypto'
import { type Kysely, sql } from 'kysely'
import { loadCatalog } from '#app/catalog.server.ts'
import { type Answers, readStoredAnswers } from '#app/engine/answers.ts'
import type { Brief } from '#app/engine/brief.ts'
import { type StoredBrief, viewOfStoredBrief } from '#app/engine/brief-v1.ts'
import { generateBrief } from '#app/engine/generate.ts'
import { describeValue, type Problem, problem } from '#app/lib/problems.ts'
import type { Db } from '#db/client.server.ts'
import type { Database } from '#db/schema.ts'
import { maxRevisionsPerBrief, QuotaExceededError } from './quotas.server.ts'

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

export const LIST_LIMIT_DEFAULT = 20
export const LIST_LIMIT_MAX = 100
export const SEARCH_MAX_LENGTH = 200
/** Revision numbers are 32-bit integers in both databases. */
export const MAX_REVISION_NUMBER = 2_147_483_647

/** `b_` and 16 characters of lowercase base32: 80 random bits, safe in a URL as it is. */
export const BRIEF_ID_PATTERN = /^b_[a-z2-7]{16}$/
const ID_ALPHABET = 'abcdefghijklmnopqrstuvwxyz234567'

/** A value a caller passed that the service cannot use (a bad cursor, a limit out of range). */
export class InvalidInputError extends Error {
  constructor(readonly problems: readonly Problem[]) {
    super(problems.map((p) => `${p.path}: ${p.message}`).join('\n'))
    this.name = 'InvalidInputError'
  }
}

export function newId(prefix: 'b' | 'r' | 't' | 'n'): string {
  // 256 is a multiple of 32, so each byte's low five bits are uniform.
  let id = `${prefix}_`
  for (const byte of randomBytes(16)) id += ID_ALPHABET[byte & 31]
  return id
}

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
      .where('workspace_id', '=', input.workspaceId)
      .where('deleted_at', 'is', null)
      .where('head_revision', '<', max)
      .returning('head_revision')
      .executeTakeFirst()
    if (!moved) {
      const exists = await trx
        .selectFrom('briefs')
        .select('id')
        .where('id', '=', input.briefId)
        .where('workspace_id', '=', input.workspaceId)
        .where('deleted_at', 'is', null)
        .executeTakeFirst()
      if (exists) throw new QuotaExceededError('revisions', max)
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
  const row = await db.db
    .selectFrom('briefs')
    .innerJoin('revisions', (join) =>
      join.onRef('revisions.brief_id', '=', 'briefs.id').onRef('revisions.number', '=', 'briefs.head_revision'),
    )
    .select([
      'briefs.id',
      'briefs.title',
      'briefs.head_revision',
      'briefs.created_at',
      'briefs.updated_at',
      'revisions.number',
      'revisions.answers',
      'revisions.brief',
      'revisions.engine_version',
      'revisions.catalog_version',
      'revisions.created_at as revision_created_at',
    ])
    .where('briefs.id', '=', input.briefId)
    .where('briefs.workspace_id', '=', input.workspaceId)
    .where('briefs.deleted_at', 'is', null)
    .executeTakeFirst()
  if (!row) return null
  return {
    ...toSummary(row),
    head: toRecord(row.id, { ...row, created_at: row.revision_created_at }),
  }
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
  const after = input.cursor === undefined || input.cursor === '' ? null : decodeCursor(input.cursor)

  let query = db.db
    .selectFrom('briefs')
    .select(['id', 'title', 'head_revision', 'created_at', 'updated_at'])
    .where('workspace_id', '=', input.workspaceId)
    .where('deleted_at', 'is', null)
  if (search) {
    query = query.where((eb) => eb(eb.fn('lower', ['title']), 'like', containsPattern(search)))
  }
  if (after) {
    query = query.where((eb) =>
      eb.or([
        eb('created_at', '<', after.createdAt),
        eb.and([eb('created_at', '=', after.createdAt), eb('id', '<', after.id)]),
      ]),
    )
  }
  const rows = await query
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit + 1)
    .execute()
  const items = rows.slice(0, limit).map(toSummary)
  const last = items.at(-1)
  return { items, nextCursor: rows.length > limit && last ? encodeCursor(last.createdAt, last.id) : null }
}

/**
 * A brief's revisions, newest first, a page at a time (without answers and
 * brief), or null when the workspace has no such brief. Pages follow each
 * other by an opaque cursor like the brief list's: pass one page's
 * `nextCursor` for the next; null means the last page.
 */
export async function listRevisions(
  db: Db,
  input: { workspaceId: string; briefId: string; cursor?: string; limit?: number },
): Promise<{ items: RevisionSummary[]; nextCursor: string | null; headRevision: number } | null> {
  const limit = checkLimit(input.limit)
  const before = input.cursor === undefined || input.cursor === '' ? null : decodeRevisionCursor(input.cursor)
  const brief = await getBriefHead(db, input)
  if (!brief) return null
  let query = db.db
    .selectFrom('revisions')
    .select(['number', 'engine_version', 'catalog_version', 'created_at', 'answers'])
    .where('brief_id', '=', input.briefId)
  if (before !== null) query = query.where('number', '<', before)
  const rows = await query
    .orderBy('number', 'desc')
    .limit(limit + 1)
    .execute()
  const items = rows.slice(0, limit).map((row) => ({
    number: Number(row.number),
    engineVersion: row.engine_version,
    catalogVersion: row.catalog_version,
    createdAt: row.created_at,
    title: titleOf(readStoredAnswers(row.answers)),
  }))
  const last = items.at(-1)
  return {
    items,
    nextCursor: rows.length > limit && last ? encodeRevisionCursor(last.number) : null,
    headRevision: brief.headRevision,
  }
}

/** The number of a brief's latest revision and its title, from the brief row alone; null when there is no such brief. */
export async function getBriefHead(
  db: Db,
  input: { workspaceId: string; briefId: string },
): Promise<{ headRevision: number; title: string } | null> {
  const row = await db.db
    .selectFrom('briefs')
    .select(['head_revision', 'title'])
    .where('id', '=', input.briefId)
    .where('workspace_id', '=', input.workspaceId)
    .where('deleted_at', 'is', null)
    .executeTakeFirst()
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
  const number =
    Number.isInteger(input.number) && input.number >= 1 && input.number <= MAX_REVISION_NUMBER ? input.number : 0
  const row = await db.db
    .selectFrom('briefs')
    .leftJoin('revisions', (join) =>
      join.onRef('revisions.brief_id', '=', 'briefs.id').on('revisions.number', '=', number),
    )
    .select([
      'briefs.head_revision',
      'revisions.number',
      'revisions.answers',
      'revisions.brief',
      'revisions.engine_version',
      'revisions.catalog_version',
      'revisions.created_at',
    ])
    .where('briefs.id', '=', input.briefId)
    .where('briefs.workspace_id', '=', input.workspaceId)
    .where('briefs.deleted_at', 'is', null)
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
    }),
  }
}

/**
 * The revisions up to `upTo` where the recorded decisions changed (revision 1
 * always counts), oldest first: all the decision-records history needs, read
 * through a partial index whatever the length of the history.
 */
export async function listChoiceChanges(
  db: Db,
  input: { workspaceId: string; briefId: string; upTo: number },
): Promise<RevisionRecord[]> {
  const rows = await db.db
    .selectFrom('revisions')
    .innerJoin('briefs', 'briefs.id', 'revisions.brief_id')
    .select([
      'revisions.number',
      'revisions.answers',
      'revisions.brief',
      'revisions.engine_version',
      'revisions.catalog_version',
      'revisions.created_at',
    ])
    .where('briefs.id', '=', input.briefId)
    .where('briefs.workspace_id', '=', input.workspaceId)
    .where('briefs.deleted_at', 'is', null)
    .where('revisions.brief_id', '=', input.briefId)
    .where('revisions.choices_changed', '=', 1)
    .where('revisions.number', '<=', input.upTo)
    .orderBy('revisions.number')
    .execute()
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
  if (!Number.isInteger(input.number) || input.number < 1 || input.number > MAX_REVISION_NUMBER) return null
  const row = await db.db
    .selectFrom('revisions')
    .innerJoin('briefs', 'briefs.id', 'revisions.brief_id')
    .select([
      'revisions.number',
      'revisions.answers',
      'revisions.brief',
      'revisions.engine_version',
      'revisions.catalog_version',
      'revisions.created_at',
    ])
    .where('briefs.id', '=', input.briefId)
    .where('briefs.workspace_id', '=', input.workspaceId)
    .where('briefs.deleted_at', 'is', null)
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
    .where('workspace_id', '=', input.workspaceId)
    .where('deleted_at', 'is', null)
    .executeTakeFirst()
  return Number(result.numUpdatedRows) > 0
}

/**
 * Runs `work` in a transaction, or inside the caller's when `db` already is
 * one, so a use case can be composed with another write (an idempotency key).
 */
export function inTransaction<T>(db: Db, work: (trx: Kysely<Database>) => Promise<T>): Promise<T> {
  if (db.db.isTransaction) return work(db.db)
  return db.db.transaction().execute(work)
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

function titleOf(answers: Answers): string {
  return answers.product.name
}

function toSummary(row: {
  id: string
  title: string
  head_revision: number
  created_at: string
  updated_at: string
}): BriefSummary {
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
  row: {
    number: number
    answers: string
    brief: string
    engine_version: string
    catalog_version: string
    created_at: string
  },
): RevisionRecord {
  const answers = readStoredAnswers(row.answers)
  return {
    briefId,
    number: Number(row.number),
    engineVersion: row.engine_version,
    catalogVersion: row.catalog_version,
    createdAt: row.created_at,
    title: titleOf(answers),
    answers,
    ...readStoredBrief(row.brief, answers),
  }
}

/** A stored brief and the view of it the renderers read; revisions are served as they were written. */
export function readStoredBrief(json: string, answers: Answers): { brief: Brief; storedBrief?: StoredBrief } {
  const stored = JSON.parse(json) as StoredBrief
  if (stored.schemaVersion === 2) return { brief: stored }
  return { brief: viewOfStoredBrief(stored, answers.compliance?.dataResidency ?? []), storedBrief: stored }
}

function checkLimit(limit: number | undefined): number {
  if (limit === undefined) return LIST_LIMIT_DEFAULT
  if (!Number.isInteger(limit) || limit < 1 || limit > LIST_LIMIT_MAX) {
    throw new InvalidInputError([problem('limit', `a whole number from 1 to ${LIST_LIMIT_MAX}`, describeValue(limit))])
  }
  return limit
}

function checkSearch(search: string | undefined): string {
  const text = search?.trim() ?? ''
  if (text.length > SEARCH_MAX_LENGTH) {
    throw new InvalidInputError([
      problem('search', `text of at most ${SEARCH_MAX_LENGTH} characters`, `${text.length} characters`),
    ])
  }
  return text
}

/** `%text%` with the LIKE wildcards in `text` taken literally; SQLite and PostgreSQL read `escape '\\'` alike. */
function containsPattern(text: string) {
  const escaped = text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)
  return sql<string>`${`%${escaped}%`} escape '\\'`
}

const CURSOR_PATTERN = /^[A-Za-z0-9_-]{1,400}$/
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?Z$/
const CURSOR_ID = /^[\w-]{1,64}$/

export function encodeCursor(createdAt: string, id: string): string {
  return Buffer.from(JSON.stringify([createdAt, id]), 'utf8').toString('base64url')
}

const REVISION_CURSOR = /^[A-Za-z0-9_-]{1,40}$/

function encodeRevisionCursor(number: number): string {
  return Buffer.from(JSON.stringify(['r', number]), 'utf8').toString('base64url')
}

function decodeRevisionCursor(cursor: string): number {
  const bad = () =>
    new InvalidInputError([
      problem('cursor', 'a cursor exactly as an earlier page returned it in nextCursor', describeValue(cursor)),
    ])
  if (!REVISION_CURSOR.test(cursor)) throw bad()
  let decoded: unknown
  try {
    decoded = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'))
  } catch {
    throw bad()
  }
  if (
    !Array.isArray(decoded) ||
    decoded.length !== 2 ||
    decoded[0] !== 'r' ||
    !Number.isInteger(decoded[1]) ||
    decoded[1] < 1 ||
    decoded[1] > MAX_REVISION_NUMBER
  ) {
    throw bad()
  }
  return decoded[1]
}

function decodeCursor(cursor: string): { createdAt: string; id: string } {
  const bad = () =>
    new InvalidInputError([
      problem('cursor', 'a cursor exactly as an earlier page returned it in nextCursor', describeValue(cursor)),
    ])
  if (!CURSOR_PATTERN.test(cursor)) throw bad()
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
    !ISO_TIME.test(decoded[0]) ||
    !CURSOR_ID.test(decoded[1])
  ) {
    throw bad()
  }
  return { createdAt: decoded[0], id: decoded[1] }
}

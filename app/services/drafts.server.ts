import { randomBytes } from 'node:crypto'
import type { Kysely } from 'kysely'
import { z } from 'zod'
import { type DraftAnswers, DraftAnswersSchema } from '#app/questionnaire/schemas.ts'
import { type Section, STEPS, type Step } from '#app/questionnaire/steps.ts'
import type { Db } from '#db/client.server.ts'
import type { Database, DraftRow } from '#db/schema.ts'

/**
 * Drafts: answers still being typed, one section at a time. A draft keeps the
 * form values exactly as they were sent (text, ticked boxes), valid or not, so
 * closing the tab loses nothing; validation happens when a step is shown,
 * saved or generated. `step` is where to resume: the furthest step reached.
 * A draft made from a saved brief carries its id, and generating from it adds
 * the brief's next revision. Every query is scoped by workspace.
 */

export interface DraftRecord {
  id: string
  workspaceId: string
  briefId: string | null
  answers: DraftAnswers
  step: Step
  createdAt: string
  updatedAt: string
}

/** `d_` and 16 characters of lowercase base32, like brief ids. */
export const DRAFT_ID_PATTERN = /^d_[a-z2-7]{16}$/
const ID_ALPHABET = 'abcdefghijklmnopqrstuvwxyz234567'

const StepSchema = z.enum(STEPS)

function newDraftId(): string {
  let id = 'd_'
  for (const byte of randomBytes(16)) id += ID_ALPHABET[byte & 31]
  return id
}

export async function createDraft(
  db: Db,
  input: { workspaceId: string; briefId?: string | null; answers?: DraftAnswers; now?: Date },
): Promise<DraftRecord> {
  const now = (input.now ?? new Date()).toISOString()
  const row: DraftRow = {
    id: newDraftId(),
    workspace_id: input.workspaceId,
    brief_id: input.briefId ?? null,
    answers: JSON.stringify(input.answers ?? {}),
    step: 'product',
    created_at: now,
    updated_at: now,
  }
  await db.db.insertInto('drafts').values(row).execute()
  return toRecord(row)
}

/** The draft, or null when the workspace has none with that id. */
export async function getDraft(db: Db, input: { workspaceId: string; draftId: string }): Promise<DraftRecord | null> {
  if (!DRAFT_ID_PATTERN.test(input.draftId)) return null
  const row = await selectDraft(db.db, input.workspaceId, input.draftId).executeTakeFirst()
  return row ? toRecord(row) : null
}

/**
 * Replaces one section's values and moves the resume point forward to
 * `reached` (never back). Read and write share a transaction, so two tabs
 * saving different steps of one draft both keep their section.
 */
export async function saveDraftSection(
  db: Db,
  input: {
    workspaceId: string
    draftId: string
    section: Section
    values: DraftAnswers[Section]
    reached: Step
    now?: Date
  },
): Promise<DraftRecord | null> {
  if (!DRAFT_ID_PATTERN.test(input.draftId)) return null
  const now = (input.now ?? new Date()).toISOString()
  const work = async (trx: Kysely<Database>) => {
    let query = selectDraft(trx, input.workspaceId, input.draftId)
    // SQLite takes a database-wide write lock instead and has no FOR UPDATE.
    if (db.dialect === 'postgres') query = query.forUpdate()
    const row = await query.executeTakeFirst()
    if (!row) return null
    const current = toRecord(row)
    const answers: DraftAnswers = { ...current.answers, [input.section]: input.values }
    // An optional step is off the path: saving it moves the draft no further.
    const rank = (step: Step) => (STEPS as readonly Step[]).indexOf(step)
    const step = rank(input.reached) > rank(current.step) ? input.reached : current.step
    await trx
      .updateTable('drafts')
      .set({ answers: JSON.stringify(answers), step, updated_at: now })
      .where('id', '=', input.draftId)
      .where('workspace_id', '=', input.workspaceId)
      .execute()
    return { ...current, answers, step, updatedAt: now }
  }
  return db.db.isTransaction ? work(db.db) : db.db.transaction().execute(work)
}

/** Removes a draft once a brief or revision has been generated from it; false when there was none. */
export async function deleteDraft(db: Db, input: { workspaceId: string; draftId: string }): Promise<boolean> {
  if (!DRAFT_ID_PATTERN.test(input.draftId)) return false
  const result = await db.db
    .deleteFrom('drafts')
    .where('id', '=', input.draftId)
    .where('workspace_id', '=', input.workspaceId)
    .executeTakeFirst()
  return Number(result.numDeletedRows) > 0
}

function selectDraft(db: Kysely<Database>, workspaceId: string, draftId: string) {
  return db.selectFrom('drafts').selectAll().where('id', '=', draftId).where('workspace_id', '=', workspaceId)
}

function toRecord(row: DraftRow): DraftRecord {
  // A row written by an older form may hold fields this one no longer has: keep what still parses.
  const parsed = DraftAnswersSchema.safeParse(safeJson(row.answers))
  const step = StepSchema.safeParse(row.step)
  return {
    id: row.id,
    workspaceId: row.workspace_id,
    briefId: row.brief_id,
    answers: parsed.success ? parsed.data : {},
    step: step.success ? step.data : 'product',
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return {}
  }
}

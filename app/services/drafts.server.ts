import type { Kysely } from 'kysely'
import { z } from 'zod'
import {
  assembleAnswers,
  type DraftAnswers,
  DraftAnswersSchema,
  type DraftProblem,
} from '#app/questionnaire/schemas.ts'
import { type Section, STEPS, type Step } from '#app/questionnaire/steps.ts'
import type { Db } from '#db/client.server.ts'
import type { Database, DraftRow } from '#db/schema.ts'
import { addRevision, createBrief, readHeadRevision } from './briefs.server.ts'
import { idPattern, newId } from './support/ids.server.ts'
import { inTransaction, withinTransaction } from './support/transaction.server.ts'

/**
 * Drafts: answers still being typed, one section at a time. A draft keeps the
 * form values exactly as they were sent (text, ticked boxes), valid or not, so
 * closing the tab loses nothing; validation happens when a step is shown,
 * saved or generated. `step` is where to resume: the furthest step reached.
 * A draft made from a saved brief carries its id, and generating from it adds
 * the brief's next revision. Generating consumes the draft in the same
 * transaction that writes the brief, and the draft row keeps what it became,
 * so submitting it twice makes one brief. Every query is scoped by workspace.
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
export const DRAFT_ID_PATTERN = idPattern('d')

const StepSchema = z.enum(STEPS)

/** What generating from a draft came to. */
export type GenerateResult =
  /** The brief (revision 1) or the brief's new revision; `repeated` when an earlier submit of this draft made it. */
  | { status: 'generated'; briefId: string; revision: number; revised: boolean; repeated: boolean }
  /** Answers still missing or wrong; nothing was written. */
  | { status: 'invalid'; problems: DraftProblem[] }
  /** The workspace has no such draft. */
  | { status: 'no_draft' }
  /** The brief the draft was revising is gone; nothing was written and the draft stays. */
  | { status: 'no_brief'; briefId: string }

export async function createDraft(
  db: Db,
  input: { workspaceId: string; briefId?: string | null; answers?: DraftAnswers; now?: Date },
): Promise<DraftRecord> {
  const now = (input.now ?? new Date()).toISOString()
  const row: DraftRow = {
    id: newId('d'),
    workspace_id: input.workspaceId,
    brief_id: input.briefId ?? null,
    answers: JSON.stringify(input.answers ?? {}),
    step: 'product',
    created_at: now,
    updated_at: now,
    generated_revision: null,
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
  return inTransaction(db, work)
}

/**
 * Turns a draft into a new brief, or into the next revision of the brief it
 * revises, and consumes the draft, in one transaction. The draft row is held
 * first, so of two submits at once one generates and the other waits, then
 * finds what the first made and returns it (`repeated`) instead of making a
 * second brief. A revision keeps the overrides of the brief's latest one: the
 * questionnaire does not ask for them. Throws QuotaExceededError like addRevision.
 */
export async function generateFromDraft(
  db: Db,
  input: { workspaceId: string; draftId: string; now?: Date },
): Promise<GenerateResult> {
  if (!DRAFT_ID_PATTERN.test(input.draftId)) return { status: 'no_draft' }
  const now = input.now ?? new Date()
  return inTransaction(db, async (trx) => {
    let query = trx
      .selectFrom('drafts')
      .selectAll()
      .where('id', '=', input.draftId)
      .where('workspace_id', '=', input.workspaceId)
    // SQLite takes a database-wide write lock instead and has no FOR UPDATE.
    if (db.dialect === 'postgres') query = query.forUpdate()
    const row = await query.executeTakeFirst()
    if (!row) return { status: 'no_draft' }
    if (row.generated_revision !== null && row.brief_id !== null) {
      const revision = Number(row.generated_revision)
      return { status: 'generated', briefId: row.brief_id, revision, revised: revision > 1, repeated: true }
    }
    const draft = toRecord(row)
    const assembled = assembleAnswers(draft.answers)
    if (!assembled.ok) return { status: 'invalid', problems: assembled.problems }

    const inside = withinTransaction(db, trx)
    let made: { briefId: string; revision: number }
    if (draft.briefId) {
      const head = await readHeadRevision(trx, { workspaceId: input.workspaceId, briefId: draft.briefId })
      if (!head) return { status: 'no_brief', briefId: draft.briefId }
      const overrides = head.answers.overrides
      const answers = overrides && overrides.length > 0 ? { ...assembled.answers, overrides } : assembled.answers
      const revision = await addRevision(inside, {
        workspaceId: input.workspaceId,
        briefId: draft.briefId,
        answers,
        now,
      })
      if (!revision) return { status: 'no_brief', briefId: draft.briefId }
      made = { briefId: draft.briefId, revision: revision.number }
    } else {
      const { brief } = await createBrief(inside, { workspaceId: input.workspaceId, answers: assembled.answers, now })
      made = { briefId: brief.id, revision: 1 }
    }
    // The answers now live in the revision; the row keeps only what it became.
    await trx
      .updateTable('drafts')
      .set({
        brief_id: made.briefId,
        generated_revision: made.revision,
        answers: '{}',
        updated_at: now.toISOString(),
      })
      .where('id', '=', input.draftId)
      .where('workspace_id', '=', input.workspaceId)
      .execute()
    return { status: 'generated', ...made, revised: draft.briefId !== null, repeated: false }
  })
}

function selectDraft(db: Kysely<Database>, workspaceId: string, draftId: string) {
  return db
    .selectFrom('drafts')
    .selectAll()
    .where('id', '=', draftId)
    .where('workspace_id', '=', workspaceId)
    .where('generated_revision', 'is', null)
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

import { z } from 'zod'
import { BRIEF_SECTION_IDS, type BriefSectionId } from '#app/vocabulary/brief-sections.ts'
import type { Db } from '#db/client.server.ts'
import { newId } from './support/ids.server.ts'
import { liveBriefIn } from './support/scope.server.ts'

/**
 * A consultant's notes on the sections of a brief. A note written at
 * revision n shows on n and every later revision until it is removed; removing
 * it at revision m hides it from m on, and the earlier revisions keep it.
 */

/** The sections of a brief a note can be attached to, by the anchors the page and the exports use. */
export const NOTE_SECTIONS = BRIEF_SECTION_IDS as [BriefSectionId, ...BriefSectionId[]]
export type NoteSection = BriefSectionId
export const NOTE_MAX_LENGTH = 4000

export const NoteSchema = z.strictObject({
  section: z.enum(NOTE_SECTIONS, { error: 'Choose a section of the brief.' }),
  body: z
    .string()
    .transform((v) => v.replace(/\r\n?/g, '\n').trim())
    .pipe(
      z
        .string()
        .min(1, 'Write the note, up to 4,000 characters.')
        .max(NOTE_MAX_LENGTH, `At most ${NOTE_MAX_LENGTH.toLocaleString('en-US')} characters.`)
        .refine(
          (v) => ![...v].some((c) => (c < ' ' && c !== '\n' && c !== '\t') || c === '\u007f'),
          'Text without control characters.',
        ),
    ),
})
export type NoteInput = z.output<typeof NoteSchema>

export interface Note {
  id: string
  section: NoteSection
  body: string
  fromRevision: number
}

/** The notes that hold at one revision, in the order of the sections, then as written. */
export async function notesAt(
  db: Db,
  input: { workspaceId: string; briefId: string; revision: number },
): Promise<Note[]> {
  const rows = await db.db
    .selectFrom('brief_notes')
    .select(['id', 'section', 'body', 'from_revision', 'created_at'])
    .where('workspace_id', '=', input.workspaceId)
    .where('brief_id', '=', input.briefId)
    .where('from_revision', '<=', input.revision)
    .where((eb) => eb.or([eb('until_revision', 'is', null), eb('until_revision', '>', input.revision)]))
    .orderBy('created_at')
    .orderBy('id')
    .execute()
  return rows
    .map((r) => ({ id: r.id, section: r.section as NoteSection, body: r.body, fromRevision: Number(r.from_revision) }))
    .sort((a, b) => NOTE_SECTIONS.indexOf(a.section) - NOTE_SECTIONS.indexOf(b.section))
}

/** A note on a section, from this revision on. False when the workspace has no such brief or revision. */
export async function addNote(
  db: Db,
  input: { workspaceId: string; briefId: string; revision: number; note: NoteInput; now?: Date },
): Promise<boolean> {
  const revision = await db.db
    .selectFrom('revisions')
    .innerJoin('briefs', 'briefs.id', 'revisions.brief_id')
    .select('revisions.number')
    .where('briefs.id', '=', input.briefId)
    .where(liveBriefIn(input.workspaceId))
    .where('revisions.number', '=', input.revision)
    .executeTakeFirst()
  if (!revision) return false
  await db.db
    .insertInto('brief_notes')
    .values({
      id: newId('n'),
      brief_id: input.briefId,
      workspace_id: input.workspaceId,
      section: input.note.section,
      body: input.note.body,
      from_revision: input.revision,
      until_revision: null,
      created_at: (input.now ?? new Date()).toISOString(),
    })
    .execute()
  return true
}

/** Removes a note from this revision on; the revisions before keep it. False when there is no such note showing there. */
export async function removeNote(
  db: Db,
  input: { workspaceId: string; briefId: string; revision: number; noteId: string },
): Promise<boolean> {
  const result = await db.db
    .updateTable('brief_notes')
    .set({ until_revision: input.revision })
    .where('id', '=', input.noteId)
    .where('workspace_id', '=', input.workspaceId)
    .where('brief_id', '=', input.briefId)
    .where('from_revision', '<=', input.revision)
    .where((eb) => eb.or([eb('until_revision', 'is', null), eb('until_revision', '>', input.revision)]))
    .executeTakeFirst()
  return Number(result.numUpdatedRows) > 0
}

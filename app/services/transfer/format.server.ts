import { z } from 'zod'
import { AnswersSchema } from '#app/engine/answers.ts'
import { BriefSchema } from '#app/engine/brief.ts'
import { SignalsSchema } from '#app/engine/signals.ts'
import { BRIEF_ID_PATTERN, MAX_REVISION_NUMBER } from '#app/services/briefs.server.ts'
import { NOTE_MAX_LENGTH, NOTE_SECTIONS } from '#app/services/notes.server.ts'

/**
 * The export archive: a zip of JSON files, one kind of record per file name,
 * written and read in this order so an import can stream it:
 *
 *   stackbrief-export.json                 the manifest (format, version, when, what)
 *   briefs/<id>/brief.json                 a brief: title, dates, review date, head revision
 *   briefs/<id>/revisions/<n>.json         each revision, 1 to the head, as stored
 *   briefs/<id>/checkins/<k>.json          its check-ins, oldest first, 1,000 a file
 *   briefs/<id>/notes/<k>.json             its notes, removed ones too, oldest first, 1,000 a file
 *
 * Tokens are left out: a token is a credential for one instance, and only
 * its hash is kept, so an export could carry nothing a person can use, and a
 * hash copied to another instance would make it accept the same secret.
 * Drafts, deleted briefs and idempotency keys are left out too: none of them
 * is a workspace's finished data.
 */

export const EXPORT_FORMAT = 'stackbrief-export'
export const EXPORT_VERSION = 1
export const MANIFEST_NAME = 'stackbrief-export.json'
export const CHECKINS_PER_FILE = 1000
export const NOTES_PER_FILE = 1000

const IsoTime = z.iso.datetime()
const Day = z.iso.date()

export const ManifestSchema = z.strictObject({
  format: z.literal(EXPORT_FORMAT),
  version: z.literal(EXPORT_VERSION),
  exportedAt: IsoTime,
  workspace: z.strictObject({ id: z.string().min(1).max(200), name: z.string().max(500) }),
  /** What was left out and why, for a person reading the archive. */
  excluded: z.array(z.string()),
})
export type Manifest = z.infer<typeof ManifestSchema>

export const BriefEntrySchema = z.strictObject({
  id: z.string().regex(BRIEF_ID_PATTERN, 'a brief id such as b_abcdefghijklmnop'),
  title: z.string().max(500),
  headRevision: z.number().int().min(1).max(MAX_REVISION_NUMBER),
  createdAt: IsoTime,
  updatedAt: IsoTime,
  reviewBy: Day.nullable(),
})
export type BriefEntry = z.infer<typeof BriefEntrySchema>

/** Answers and brief are checked against their schemas but imported exactly as they were written. */
export const RevisionEntrySchema = z.strictObject({
  number: z.number().int().min(1).max(MAX_REVISION_NUMBER),
  createdAt: IsoTime,
  engineVersion: z.string().min(1).max(100),
  catalogVersion: z.string().min(1).max(100),
  answers: z.unknown().refine((v) => AnswersSchema.safeParse(v).success, 'Answers v1'),
  brief: z.unknown().refine((v) => BriefSchema.safeParse(v).success, 'Brief v1'),
})
export type RevisionEntry = z.infer<typeof RevisionEntrySchema>

export const CheckinEntrySchema = z
  .strictObject({
    id: z.string().regex(/^c_[\w-]{1,60}$/, 'a check-in id such as c_…'),
    measuredAt: Day,
    figures: z.record(z.string(), z.unknown()),
    source: z.enum(['web', 'api']),
    createdAt: IsoTime,
  })
  .refine((c) => SignalsSchema.safeParse({ measuredAt: c.measuredAt, ...c.figures }).success, {
    message: 'figures a check-in accepts',
    path: ['figures'],
  })
export const CheckinsFileSchema = z.array(CheckinEntrySchema).max(CHECKINS_PER_FILE)
export type CheckinEntry = z.infer<typeof CheckinEntrySchema>

/** A note as stored: the revisions it holds at are `fromRevision` up to, not including, `untilRevision`. */
export const NoteEntrySchema = z.strictObject({
  id: z.string().regex(/^n_[\w-]{1,60}$/, 'a note id such as n_…'),
  section: z.enum(NOTE_SECTIONS),
  body: z.string().min(1).max(NOTE_MAX_LENGTH),
  fromRevision: z.number().int().min(1).max(MAX_REVISION_NUMBER),
  untilRevision: z.number().int().min(1).max(MAX_REVISION_NUMBER).nullable(),
  createdAt: IsoTime,
})
export const NotesFileSchema = z.array(NoteEntrySchema).max(NOTES_PER_FILE)
export type NoteEntry = z.infer<typeof NoteEntrySchema>

const pad = (n: number, width: number) => String(n).padStart(width, '0')

export const entryName = {
  brief: (id: string) => `briefs/${id}/brief.json`,
  revision: (id: string, n: number) => `briefs/${id}/revisions/${pad(n, 6)}.json`,
  checkins: (id: string, k: number) => `briefs/${id}/checkins/${pad(k, 6)}.json`,
  notes: (id: string, k: number) => `briefs/${id}/notes/${pad(k, 6)}.json`,
}

/** What an entry name says it holds; null for a name the format does not have. */
export function parseEntryName(
  name: string,
):
  | { kind: 'manifest' }
  | { kind: 'brief' | 'revision' | 'checkins' | 'notes'; briefId: string; index?: number }
  | null {
  if (name === MANIFEST_NAME) return { kind: 'manifest' }
  const match = /^briefs\/(b_[a-z2-7]{16})\/(?:(brief)\.json|(revisions|checkins|notes)\/(\d{6,10})\.json)$/.exec(name)
  if (!match) return null
  const [, briefId, brief, folder, index] = match
  if (brief) return { kind: 'brief', briefId }
  return { kind: folder === 'revisions' ? 'revision' : (folder as 'checkins' | 'notes'), briefId, index: Number(index) }
}

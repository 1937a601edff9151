import { z } from 'zod'
import { AnswersSchema } from '#app/engine/answers.ts'
import { StoredBriefSchema } from '#app/engine/brief-v1.ts'
import { BRIEF_ID_PATTERN, MAX_REVISION_NUMBER } from '#app/services/briefs.server.ts'
import { NOTE_SECTIONS } from '#app/services/notes.server.ts'
import { LIST_LIMIT_DEFAULT, LIST_LIMIT_MAX, SEARCH_MAX_LENGTH } from '#app/services/support/limits.server.ts'
import { PROBLEM_TYPE_IDS } from './problem.ts'

/**
 * The API's own shapes, once: the handlers parse with them, the tests check
 * responses against them and the OpenAPI description is generated from them.
 */

/** A request body: the Answers themselves, or the same wrapped as `{ "answers": … }`. */
export const AnswersEnvelopeSchema = z.strictObject({ answers: AnswersSchema })
export const AnswersRequestSchema = z.union([AnswersSchema, AnswersEnvelopeSchema])

const timestamp = z.iso.datetime().describe('ISO 8601 time in UTC, such as 2026-06-01T09:30:00.000Z.')
export const BriefIdSchema = z
  .string()
  .regex(BRIEF_ID_PATTERN, 'a brief id such as b_k3m9q2x7w4p8r6t5')
  .describe('A brief id: b_ and 16 characters of lowercase base32.')
export const RevisionNumberSchema = z
  .int()
  .min(1)
  .max(MAX_REVISION_NUMBER)
  .describe('A revision number, counting from 1.')

export const BriefSummarySchema = z.strictObject({
  id: BriefIdSchema,
  title: z.string().describe('The product name of the latest revision.'),
  headRevision: RevisionNumberSchema.describe('The number of the latest revision.'),
  createdAt: timestamp,
  updatedAt: timestamp.describe('When the latest revision was added.'),
})

export const RevisionSummarySchema = z.strictObject({
  number: RevisionNumberSchema,
  engineVersion: z.string().describe('The engine version that generated this revision.'),
  catalogVersion: z.string().describe('The price catalog version this revision was costed with.'),
  createdAt: timestamp,
  title: z.string().describe('The product name in this revision.'),
})

export const RevisionRecordSchema = RevisionSummarySchema.extend({
  briefId: BriefIdSchema,
  answers: AnswersSchema.describe('The answers as stored: every default filled in, lists in vocabulary order.'),
  brief: StoredBriefSchema.describe(
    'The brief as stored: schema version 2, or 1 for revisions written before the plan.',
  ),
})

export const RevisionNoteSchema = z.strictObject({
  id: z.string().describe('The note id.'),
  section: z.enum(NOTE_SECTIONS).describe('The section of the brief the note is about, by its anchor on the page.'),
  body: z.string().describe('The note as typed: plain text or Markdown, to be shown escaped, never as HTML.'),
  fromRevision: RevisionNumberSchema.describe('The revision the note was written at; it holds until removed.'),
})

export const RevisionWithNotesSchema = RevisionRecordSchema.extend({
  notes: z
    .array(RevisionNoteSchema)
    .describe("The consultant's notes that hold at this revision, in the order of the brief's sections."),
})

export const BriefDetailSchema = BriefSummarySchema.extend({
  // Not described here: a described copy would be inlined instead of referenced.
  head: RevisionRecordSchema,
})

export const BriefPageSchema = z.strictObject({
  items: z.array(BriefSummarySchema),
  nextCursor: z.string().nullable().describe('Pass as `cursor` to get the next page; null on the last page.'),
})

export const RevisionListSchema = z.strictObject({
  items: z.array(RevisionSummarySchema).describe('Newest first, one page.'),
  nextCursor: z.string().nullable().describe('Pass as `cursor` for the next (older) page; null on the last page.'),
})

export const ProblemSchema = z.object({
  type: z
    .string()
    .describe(`A path naming the kind of problem: /api/v1/problems/ and one of ${PROBLEM_TYPE_IDS.join(', ')}.`),
  title: z.string(),
  status: z.int(),
  detail: z.string(),
  errors: z
    .array(
      z.strictObject({
        path: z.string().describe('Where: an answer path such as team.languages[1], a parameter or a header.'),
        expected: z.string(),
        got: z.string(),
        message: z.string().describe('expected …, got …'),
      }),
    )
    .optional(),
  requestId: z.string().optional().describe('The X-Request-Id of the response.'),
})

export const ProblemTypeSchema = z.strictObject({
  type: z.string(),
  title: z.string(),
  status: z.int(),
  description: z.string(),
})

/** A list's `limit`: 1 to LIST_LIMIT_MAX items a page, LIST_LIMIT_DEFAULT when not given. */
export function pageLimit(items: string) {
  return z
    .int()
    .min(1)
    .max(LIST_LIMIT_MAX)
    .default(LIST_LIMIT_DEFAULT)
    .describe(`${items} per page, 1 to ${LIST_LIMIT_MAX}.`)
}

/** GET /briefs query parameters, as they arrive (text) and after parsing. */
export const ListQuerySchema = z.strictObject({
  search: z
    .string()
    .max(SEARCH_MAX_LENGTH)
    .optional()
    .describe('Only briefs whose title contains this text, in any case.'),
  cursor: z.string().max(400).optional().describe('The nextCursor of the previous page.'),
  limit: pageLimit('Briefs'),
})

export const RevisionListQuerySchema = z.strictObject({
  cursor: z.string().max(400).optional().describe('The nextCursor of the previous page.'),
  limit: pageLimit('Revisions'),
})

import type { z } from 'zod'
import { type Answers, AnswersSchema } from '#app/engine/answers.ts'
import type { Brief } from '#app/engine/brief.ts'
import { type StoredBrief, StoredBriefSchema, viewOfStoredBrief } from '#app/engine/brief-v1.ts'
import { CorruptRevisionError } from './support/errors.server.ts'

/**
 * A stored revision read back: its answers and its brief, each checked
 * against its schema, since a row can be changed by hand, by a restore or
 * by a bug after it was written. A row that does not read back is a
 * CorruptRevisionError naming the brief, the revision and the first thing
 * wrong, never a half-read object handed on to a renderer.
 */
export function readStoredRevision(row: { briefId: string; number: number; answers: string; brief: string }): {
  answers: Answers
  /** The brief as pages and exports read it (a stored version 1 brief is viewed in the version 2 shape). */
  brief: Brief
  /** The brief exactly as stored, when that differs from `brief`. */
  storedBrief?: StoredBrief
} {
  const corrupt = (part: 'answers' | 'brief', detail: string) =>
    new CorruptRevisionError(row.briefId, row.number, part, detail)
  const answers = parseStored(row.answers, AnswersSchema, (detail) => corrupt('answers', detail))
  const stored = parseStored(row.brief, StoredBriefSchema, (detail) => corrupt('brief', detail))
  if (stored.schemaVersion === 2) return { answers, brief: stored }
  return { answers, brief: viewOfStoredBrief(stored, answers.compliance?.dataResidency ?? []), storedBrief: stored }
}

function parseStored<T>(json: string, schema: z.ZodType<T>, fail: (detail: string) => Error): T {
  let value: unknown
  try {
    value = JSON.parse(json)
  } catch (error) {
    throw fail(`not JSON: ${error instanceof Error ? error.message : String(error)}`)
  }
  const parsed = schema.safeParse(value)
  if (parsed.success) return parsed.data
  const first = parsed.error.issues[0]
  throw fail(`at ${first?.path.join('.') || '(top level)'}: ${first?.message}`)
}

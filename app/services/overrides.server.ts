import { type Answers, AnswersSchema, type Override } from '#app/engine/answers.ts'
import { AREAS } from '#app/engine/brief.ts'
import type { Db } from '#db/client.server.ts'
import { addRevision, type RevisionRecord } from './briefs.server.ts'

/**
 * A person's override of one decision, as the brief's next revision: the
 * revision's answers with the override set for its area (replacing any
 * earlier one there), through the same path as edited answers. Null when the
 * workspace has no such brief.
 */
export async function overrideDecision(
  db: Db,
  input: { workspaceId: string; briefId: string; answers: Answers; override: Override; now?: Date },
): Promise<RevisionRecord | null> {
  const kept = (input.answers.overrides ?? []).filter((o) => o.area !== input.override.area)
  const overrides = [...kept, input.override].sort((a, b) => AREAS.indexOf(a.area) - AREAS.indexOf(b.area))
  // Through JSON, so the engine's estimates are made afresh rather than stored.
  const answers = AnswersSchema.parse(JSON.parse(JSON.stringify({ ...input.answers, overrides })))
  return addRevision(db, { workspaceId: input.workspaceId, briefId: input.briefId, answers, now: input.now })
}

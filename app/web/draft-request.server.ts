import type { AppLoadContext } from '@remix-run/node'
import { checkSection, type SectionCheck } from '#app/questionnaire/schemas.ts'
import { SECTIONS, type Step } from '#app/questionnaire/steps.ts'
import { type DraftRecord, getDraft } from '#app/services/drafts.server.ts'
import type { Db } from '#db/client.server.ts'
import { getDb } from '#db/client.server.ts'
import { notFound, workspaceFor } from './request.server.ts'

/** Route helpers for the questionnaire: the draft or a 404, and which steps are done. */

export async function requireDraft(
  context: AppLoadContext | undefined,
  draftId: string | undefined,
): Promise<{ db: Db; workspaceId: string; draft: DraftRecord }> {
  const db = await getDb()
  // A draft is a brief being written: writing one needs the right to create briefs.
  const workspaceId = await workspaceFor(context, 'brief:create')
  const draft = draftId ? await getDraft(db, { workspaceId, draftId }) : null
  if (!draft) throw draftNotFound()
  return { db, workspaceId, draft }
}

export function draftNotFound(): Response {
  return notFound(
    'There is no draft at this address. It may have been turned into a brief already, or the link is incomplete.',
  )
}

/** Each section checked against its step schema; complete steps are the saved, valid ones. */
export function checkDraft(draft: DraftRecord): { checks: SectionCheck[]; completed: Step[] } {
  const checks = SECTIONS.map((section) => checkSection(section, draft.answers[section]))
  return { checks, completed: checks.filter((c) => c.status === 'complete').map((c) => c.section) }
}

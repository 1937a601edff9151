import { type DraftRecord, getDraft } from '~/services/drafts.server'
import type { Db } from '../../../db/client.server'
import { getDb } from '../../../db/client.server'
import { LOCAL_WORKSPACE_ID } from '../../../db/migrations/0001-initial'
import { checkSection, type SectionCheck } from './schemas'
import { SECTIONS, type Step } from './steps'

/** Route helpers for the questionnaire: the workspace, the draft or a 404, and which steps are done. */

/** One local workspace until accounts exist. */
export function workspaceOf(_request: Request): string {
  return LOCAL_WORKSPACE_ID
}

export function notFound(message: string): Response {
  return new Response(message, {
    status: 404,
    statusText: 'Not Found',
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  })
}

export async function requireDraft(
  request: Request,
  draftId: string | undefined,
): Promise<{ db: Db; workspaceId: string; draft: DraftRecord }> {
  const db = await getDb()
  const workspaceId = workspaceOf(request)
  const draft = draftId ? await getDraft(db, { workspaceId, draftId }) : null
  if (!draft) {
    throw notFound(
      'There is no draft at this address. It may have been turned into a brief already, or the link is incomplete.',
    )
  }
  return { db, workspaceId, draft }
}

/** Each section checked against its step schema; complete steps are the saved, valid ones. */
export function checkDraft(draft: DraftRecord): { checks: SectionCheck[]; completed: Step[] } {
  const checks = SECTIONS.map((section) => checkSection(section, draft.answers[section]))
  return { checks, completed: checks.filter((c) => c.status === 'complete').map((c) => c.section) }
}

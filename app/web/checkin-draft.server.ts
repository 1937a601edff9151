import type { AppLoadContext } from '@remix-run/node'
import { redirect } from '@remix-run/node'
import type { Answers } from '#app/engine/answers.ts'
import { signalsToAnswers } from '#app/engine/signals.ts'
import { draftFromAnswers } from '#app/questionnaire/schemas.ts'
import { stepPath } from '#app/questionnaire/steps.ts'
import { getBrief } from '#app/services/briefs.server.ts'
import { CHECKIN_ID_PATTERN, type CheckinRecord, getCheckin } from '#app/services/checkins.server.ts'
import { createDraft, type DraftRecord } from '#app/services/drafts.server.ts'
import { noBriefMessage } from '#app/services/support/errors.server.ts'
import { describeAnswer } from '#app/vocabulary/answer-labels.ts'
import { type Db, getDb } from '#db/client.server.ts'
import { briefNotFound, notFound, workspaceFor } from './request.server.ts'

/**
 * "Update the answers from these figures": a draft of the latest revision's
 * answers with the check-in's figures in place, tied to the brief like the
 * edit route's drafts, opened at the review step. `?checkin=` on the review
 * address says where the draft came from: the review step shows what changed
 * and why, and generating goes on to compare the new revision with the one before.
 */

export const FROM_CHECKIN_PARAM = 'checkin'

export interface CheckinUpdateView {
  measuredAt: string
  /** The answers the figures changed, in words. */
  changes: { label: string; before: string; after: string }[]
  notes: string[]
}

async function requireCheckin(db: Db, workspaceId: string, briefId: string, checkinId: string) {
  const checkin = CHECKIN_ID_PATTERN.test(checkinId) ? await getCheckin(db, { workspaceId, briefId, checkinId }) : null
  if (!checkin) throw notFound(`This brief has no check-in “${checkinId}”.`)
  return checkin
}

/** POST /briefs/:id/signals/:checkinId/update → the new draft's review step. */
export async function draftFromCheckin(
  _request: Request,
  context: AppLoadContext | undefined,
  briefId: string | undefined,
  checkinId: string | undefined,
) {
  const db = await getDb()
  const workspaceId = await workspaceFor(context, 'brief:revise')
  const id = briefId ?? ''
  const brief = id ? await getBrief(db, { workspaceId, briefId: id }) : null
  if (!brief) throw briefNotFound(id)
  const checkin = await requireCheckin(db, workspaceId, id, checkinId ?? '')
  const update = signalsToAnswers(brief.head.answers, checkin.signals)
  const draft = await createDraft(db, {
    workspaceId,
    briefId: id,
    // signalsToAnswers copies every answer, so the draft is complete; the review step validates it as usual.
    answers: draftFromAnswers(update.answers as Answers),
  })
  return redirect(`${stepPath(draft.id, 'review')}?${FROM_CHECKIN_PARAM}=${encodeURIComponent(checkin.id)}`)
}

/**
 * What the check-in changed in the answers, for the review step of a draft
 * made from it; null when the address names no check-in of the draft's brief.
 */
export async function checkinUpdateFor(
  request: Request,
  context: AppLoadContext | undefined,
  draft: DraftRecord,
): Promise<CheckinUpdateView | null> {
  const checkinId = new URL(request.url).searchParams.get(FROM_CHECKIN_PARAM)
  if (!checkinId || !draft.briefId || !CHECKIN_ID_PATTERN.test(checkinId)) return null
  const db = await getDb()
  const workspaceId = await workspaceFor(context, 'brief:read')
  const [brief, checkin] = await Promise.all([
    getBrief(db, { workspaceId, briefId: draft.briefId }),
    getCheckin(db, { workspaceId, briefId: draft.briefId, checkinId }),
  ])
  if (!brief || !checkin) return null
  return describeUpdate(brief.head.answers, checkin)
}

export function describeUpdate(answers: Answers, checkin: CheckinRecord): CheckinUpdateView {
  const update = signalsToAnswers(answers, checkin.signals)
  const after = update.answers as Answers
  return {
    measuredAt: checkin.measuredAt,
    changes: update.updated.map((u) => ({
      label: describeAnswer(answers, u.path).label,
      before: describeAnswer(answers, u.path).value,
      after: describeAnswer(after, u.path).value,
    })),
    notes: update.notes,
  }
}

/** Where generating from a draft goes: the comparison with the revision before when the draft came from a check-in. */
export function afterRevision(request: Request, briefId: string, number: number): string | null {
  const fromCheckin = new URL(request.url).searchParams.has(FROM_CHECKIN_PARAM)
  if (!fromCheckin || number < 2) return null
  return `/briefs/${encodeURIComponent(briefId)}/compare?from=${number - 1}&to=${number}`
}

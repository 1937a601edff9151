import type { AppLoadContext } from '@remix-run/node'
import { data, redirect } from '@remix-run/node'
import { type BriefStatus, briefStatusAt, setReviewBy } from '#app/services/attention.server.ts'
import type { RevisionRecord } from '#app/services/briefs.server.ts'
import { InvalidInputError } from '#app/services/support/errors.server.ts'
import { listTokens, TOKEN_NAME_MAX_LENGTH, type TokenSummary } from '#app/services/tokens.server.ts'
import { readForm } from '#app/web/form-body.server.ts'
import { briefNotFound, workspaceFor } from '#app/web/request.server.ts'
import { getDb } from '#db/client.server.ts'

/** What the latest revision's page adds for revisiting: the newest check-in judged, the review date, the tokens. */

export interface RevisitData {
  status: BriefStatus
  tokens: TokenSummary[]
  tokenNameMaxLength: number
}

/** The revisit panel for the head revision the page has read already: the head is not read a second time. */
export async function loadRevisit(context: AppLoadContext | undefined, head: RevisionRecord): Promise<RevisitData> {
  const db = await getDb()
  const workspaceId = await workspaceFor(context, 'brief:read')
  const { briefId } = head
  const [status, tokens] = await Promise.all([
    briefStatusAt(db, { workspaceId, briefId, head }),
    listTokens(db, { workspaceId, briefId }),
  ])
  if (!status) throw briefNotFound(briefId)
  return { status, tokens: tokens ?? [], tokenNameMaxLength: TOKEN_NAME_MAX_LENGTH }
}

export const REVIEW_BY_INTENTS = ['review-by', 'review-by-default'] as const

/**
 * POST /briefs/:id with intent review-by (the date typed) or
 * review-by-default (back to 90 days after the latest revision). Redirects
 * back to the page; a date that is not one is a 400 with what was typed.
 */
export async function reviewByAction(
  request: Request,
  context: AppLoadContext | undefined,
  briefId: string | undefined,
) {
  const id = briefId ?? ''
  const form = await readForm(request)
  const intent = String(form.get('intent') ?? '')
  const value = String(form.get('reviewBy') ?? '').trim()
  if (!(REVIEW_BY_INTENTS as readonly string[]).includes(intent)) {
    return data(
      {
        reviewBy: { value, error: `This form does not know “${intent.slice(0, 40)}”. Reload the page and try again.` },
      },
      { status: 400 },
    )
  }
  const chosen = intent === 'review-by-default' ? null : value
  if (chosen === '') {
    return data(
      { reviewBy: { value, error: 'Review by: expected a date as YYYY-MM-DD, got nothing' } },
      { status: 400 },
    )
  }
  try {
    const db = await getDb()
    const updated = await setReviewBy(db, {
      workspaceId: await workspaceFor(context, 'brief:revise'),
      briefId: id,
      reviewBy: chosen,
    })
    if (!updated) throw briefNotFound(id)
  } catch (error) {
    if (!(error instanceof InvalidInputError)) throw error
    return data(
      { reviewBy: { value, error: `Review by: ${error.problems[0]?.message ?? 'expected a date'}` } },
      { status: 400 },
    )
  }
  return redirect(`/briefs/${encodeURIComponent(id)}#revisit`)
}

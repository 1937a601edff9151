import { type ActionFunctionArgs, type LoaderFunctionArgs, redirect } from '@remix-run/node'
import { BriefErrorBoundary } from '#app/components/saved-brief/brief-error.tsx'
import { draftFromAnswers } from '#app/questionnaire/schemas.ts'
import { stepPath } from '#app/questionnaire/steps.ts'
import { createDraft } from '#app/services/drafts.server.ts'
import { loadRevision } from '#app/web/brief-page.server.ts'
import { workspaceFor } from '#app/web/request.server.ts'
import { getDb } from '#db/client.server.ts'

/**
 * POST /briefs/:id/revisions/:n/edit: a draft prefilled with that revision's
 * answers, tied to the brief, opened at its first step. Generating from it
 * adds the brief's next revision.
 */
export async function action({ request, params, context }: ActionFunctionArgs) {
  const { briefId, revision } = await loadRevision(request, context, params.id, params.n ?? '', { history: false })
  const draft = await createDraft(await getDb(), {
    workspaceId: await workspaceFor(context, 'brief:revise'),
    briefId,
    answers: draftFromAnswers(revision.answers),
  })
  return redirect(stepPath(draft.id, 'product'))
}

/** A plain visit has nothing to edit yet: back to the revision. */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { briefId, revision } = await loadRevision(request, context, params.id, params.n ?? '', { history: false })
  return redirect(`/briefs/${briefId}/revisions/${revision.number}`)
}

export default function EditRevision() {
  return null
}

export const ErrorBoundary = BriefErrorBoundary

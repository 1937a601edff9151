import { type ActionFunctionArgs, type LoaderFunctionArgs, redirect } from '@remix-run/node'
import { BriefErrorBoundary } from '#app/components/saved-brief/brief-error.tsx'
import { draftFromCheckin } from '#app/web/checkin-draft.server.ts'

/** POST /briefs/:id/signals/:checkinId/update: a draft of the latest answers updated from the check-in, opened at review. */
export async function action({ request, params, context }: ActionFunctionArgs) {
  return draftFromCheckin(request, context, params.id, params.checkinId)
}

/** A plain visit changes nothing: back to the check-ins. */
export async function loader({ params }: LoaderFunctionArgs) {
  return redirect(`/briefs/${encodeURIComponent(params.id ?? '')}/signals`)
}

export default function UpdateFromCheckin() {
  return null
}

export const ErrorBoundary = BriefErrorBoundary

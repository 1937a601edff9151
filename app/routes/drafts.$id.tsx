import { type LoaderFunctionArgs, redirect } from '@remix-run/node'
import { DraftErrorBoundary } from '#app/components/wizard/draft-error.tsx'
import { stepPath } from '#app/questionnaire/steps.ts'
import { requireDraft } from '#app/web/draft-request.server.ts'

/** /drafts/:id resumes a draft at the furthest step it reached. */
export async function loader({ params, context }: LoaderFunctionArgs) {
  const { draft } = await requireDraft(context, params.id)
  return redirect(stepPath(draft.id, draft.step), { headers: { 'Cache-Control': 'no-store' } })
}

export const ErrorBoundary = DraftErrorBoundary

/** Never shown: the loader always redirects, or throws the 404 the boundary shows. */
export default function ResumeDraft() {
  return null
}

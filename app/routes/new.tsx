import { type LoaderFunctionArgs, redirect } from '@remix-run/node'
import { workspaceOf } from '~/components/wizard/draft-route.server'
import { stepPath } from '~/components/wizard/steps'
import { createDraft } from '~/services/drafts.server'
import { getDb } from '../../db/client.server'

/** /new starts an empty draft and sends the founder to its first step; the draft's address resumes it. */
async function start(request: Request) {
  const draft = await createDraft(await getDb(), { workspaceId: workspaceOf(request) })
  return redirect(stepPath(draft.id, 'product'), { headers: { 'Cache-Control': 'no-store' } })
}

export async function loader({ request }: LoaderFunctionArgs) {
  return start(request)
}

export async function action({ request }: LoaderFunctionArgs) {
  return start(request)
}

/** Never shown: the loader always redirects. Having a component keeps /new a page, so links to it work in the browser. */
export default function NewBrief() {
  return null
}

import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import { loadRevisit, reviewByAction } from '~/components/revisit/brief-revisit.server'
import { BriefErrorBoundary } from '~/components/saved-brief/brief-error'
import { loadRevision } from '~/components/saved-brief/brief-route.server'
import { SavedBriefPage } from '~/components/saved-brief/saved-brief-page'

/** /briefs/:id: a saved brief at its latest revision, with what the newest check-in says about its triggers. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const page = await loadRevision(request, params.id, undefined)
  return { ...page, revisit: await loadRevisit(request, page.briefId) }
}

/** The review date form; check-ins and tokens have their own addresses. */
export async function action({ request, params }: ActionFunctionArgs) {
  return reviewByAction(request, params.id)
}

export const meta: MetaFunction<typeof loader> = ({ data }) =>
  data
    ? [
        { title: `${data.revision.brief.title}: architecture brief · stackbrief` },
        { name: 'description', content: data.revision.brief.summary.slice(0, 200) },
        { name: 'robots', content: 'noindex' },
      ]
    : [{ title: 'Brief not found · stackbrief' }]

export default function LatestRevision() {
  const { revisit, ...page } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  return <SavedBriefPage {...page} revisit={{ ...revisit, reviewByForm: actionData?.reviewBy ?? null }} />
}

export const ErrorBoundary = BriefErrorBoundary

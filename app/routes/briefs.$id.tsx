import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { BriefErrorBoundary } from '~/components/saved-brief/brief-error'
import { loadRevision } from '~/components/saved-brief/brief-route.server'
import { SavedBriefPage } from '~/components/saved-brief/saved-brief-page'

/** /briefs/:id: a saved brief at its latest revision. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  return loadRevision(request, params.id, undefined)
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
  return <SavedBriefPage {...useLoaderData<typeof loader>()} />
}

export const ErrorBoundary = BriefErrorBoundary

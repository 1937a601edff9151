import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { BriefErrorBoundary } from '~/components/saved-brief/brief-error'
import { loadRevision } from '~/components/saved-brief/brief-route.server'
import { SavedBriefPage } from '~/components/saved-brief/saved-brief-page'

/** /briefs/:id/revisions/:n: one revision of a saved brief, at its own address for good. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  return loadRevision(request, params.id, params.n ?? '')
}

export const meta: MetaFunction<typeof loader> = ({ data }) =>
  data
    ? [
        { title: `${data.revision.brief.title}, revision ${data.revision.number} · stackbrief` },
        { name: 'description', content: data.revision.brief.summary.slice(0, 200) },
        { name: 'robots', content: 'noindex' },
      ]
    : [{ title: 'Revision not found · stackbrief' }]

export default function Revision() {
  return <SavedBriefPage {...useLoaderData<typeof loader>()} />
}

export const ErrorBoundary = BriefErrorBoundary

import type { HeadersFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data } from '@remix-run/node'
import { isRouteErrorResponse, useLoaderData, useRouteError } from '@remix-run/react'
import { SharedBriefPage } from '#app/components/shared/shared-brief-page.tsx'
import { loadSharedPage, SHARED_HEADERS } from '#app/web/shared-brief.server.ts'

/** /s/:token: a brief opened by its share link, read-only, for someone without an account. */
export async function loader({ params, context }: LoaderFunctionArgs) {
  const page = await loadSharedPage(context, params.token)
  return data({ ...page, base: `/s/${encodeURIComponent(params.token ?? '')}` }, { headers: SHARED_HEADERS })
}

export const headers: HeadersFunction = ({ loaderHeaders, errorHeaders }) => errorHeaders ?? loaderHeaders

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.revision.brief.title}: architecture brief · stackbrief` : 'Link not found · stackbrief' },
  { name: 'robots', content: 'noindex, nofollow' },
]

export default function SharedBrief() {
  return <SharedBriefPage {...useLoaderData<typeof loader>()} />
}

/** A link that does not work says so, with no way into the site behind it. */
export function ErrorBoundary() {
  const error = useRouteError()
  const gone = isRouteErrorResponse(error) && error.status === 404
  return (
    <main id="main" className="page">
      <h1>{gone ? 'This link does not work' : 'Something went wrong'}</h1>
      <p>
        {gone
          ? 'It may have been revoked or have expired, or it was copied incompletely. Ask the person who shared it for a new one.'
          : 'The brief could not be shown. Try again in a moment.'}
      </p>
    </main>
  )
}

import { isRouteErrorResponse, Link, useRouteError } from '@remix-run/react'
import { refusedTitle } from '#app/components/refused-title.ts'
import { SiteLayout } from '#app/components/site-layout.tsx'

/** An unknown brief or revision is a 404 page that points somewhere useful. */
export function BriefErrorBoundary() {
  const error = useRouteError()
  const notFound = isRouteErrorResponse(error) && error.status === 404
  // A refused request (too large, not a form, a quota reached) says why, in the page's own layout.
  const refused = isRouteErrorResponse(error) && error.status >= 400 && error.status < 500 && !notFound
  return (
    <SiteLayout>
      <h1>{refused ? refusedTitle(error.status) : notFound ? 'Brief not found' : 'This brief could not be shown'}</h1>
      <p>
        {(notFound || refused) && typeof error.data === 'string'
          ? error.data
          : 'Something went wrong while loading this brief. Try again in a moment.'}
      </p>
      <p className="hero__actions">
        <Link className="button" to="/#your-briefs">
          Your briefs
        </Link>
        <Link className="button button--quiet" to="/new">
          Start a brief
        </Link>
      </p>
    </SiteLayout>
  )
}

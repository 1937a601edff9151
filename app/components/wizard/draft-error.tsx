import { isRouteErrorResponse, Link, useRouteError } from '@remix-run/react'
import { refusedTitle } from '#app/components/refused-title.ts'
import { SiteLayout } from '#app/components/site-layout.tsx'

/** A draft or step that does not exist is a 404 with a way forward; anything else a short apology. */
export function DraftErrorBoundary() {
  const error = useRouteError()
  const notFound = isRouteErrorResponse(error) && error.status === 404
  // A refused request (too large, not a form, a quota reached) says why, in the page's own layout.
  const refused = isRouteErrorResponse(error) && error.status >= 400 && error.status < 500 && !notFound
  return (
    <SiteLayout>
      <h1>{refused ? refusedTitle(error.status) : notFound ? 'Draft not found' : 'This step could not be shown'}</h1>
      <p>
        {(notFound || refused) && typeof error.data === 'string'
          ? error.data
          : 'Something went wrong while loading this draft. Your saved answers are safe; try again in a moment.'}
      </p>
      <p className="hero__actions">
        <Link className="button" to="/new">
          Start a new brief
        </Link>
        <Link className="button button--quiet" to="/">
          Your briefs
        </Link>
      </p>
    </SiteLayout>
  )
}

import { isRouteErrorResponse, Link, useRouteError } from '@remix-run/react'
import { SiteLayout } from '../site-layout'

/** A draft or step that does not exist is a 404 with a way forward; anything else a short apology. */
export function DraftErrorBoundary() {
  const error = useRouteError()
  const notFound = isRouteErrorResponse(error) && error.status === 404
  return (
    <SiteLayout>
      <h1>{notFound ? 'Draft not found' : 'This step could not be shown'}</h1>
      <p>
        {notFound && typeof error.data === 'string'
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

import { isRouteErrorResponse, Link, useRouteError } from '@remix-run/react'
import { SiteLayout } from './site-layout.tsx'

/** The site's 404 page: what was asked for, and the places a person most likely wanted. */
export function NotFoundPage() {
  const error = useRouteError()
  const path = isRouteErrorResponse(error) && typeof error.data === 'string' ? error.data : null
  return (
    <SiteLayout>
      <p className="eyebrow">404 · not found</p>
      <h1>Page not found</h1>
      <p>
        {path ? (
          <>
            There is no page at <code className="not-found__path">{path}</code>.
          </>
        ) : (
          'There is no page at this address.'
        )}{' '}
        It may have been mistyped, or a link pointed somewhere that has moved.
      </p>
      <p className="hero__actions">
        <Link className="button" to="/">
          Home
        </Link>
        <Link className="button button--quiet" to="/new">
          Start a brief
        </Link>
        <Link className="button button--quiet" to="/#examples">
          Examples
        </Link>
        <Link className="button button--quiet" to="/guides">
          Guides
        </Link>
      </p>
    </SiteLayout>
  )
}

import type { LinksFunction } from '@remix-run/node'
import { isRouteErrorResponse, Links, Meta, Outlet, Scripts, ScrollRestoration, useRouteError } from '@remix-run/react'
import { NotFoundPage } from './components/not-found'
import { SiteLayout } from './components/site-layout'
import stylesheet from './styles/app.css?url'
import { useNonce } from './web/nonce'

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: stylesheet }]

export function Layout({ children }: { children: React.ReactNode }) {
  const nonce = useNonce()
  return (
    <html lang="en">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body>
        {children}
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  )
}

export default function App() {
  return <Outlet />
}

export function ErrorBoundary() {
  const error = useRouteError()
  if (isRouteErrorResponse(error) && error.status === 404) return <NotFoundPage />
  const title = isRouteErrorResponse(error) ? `${error.status} ${error.statusText}` : 'Something went wrong'
  const detail = isRouteErrorResponse(error) && typeof error.data === 'string' ? error.data : null
  return (
    <SiteLayout>
      <h1>{title}</h1>
      {detail ? <p>{detail}</p> : <p>The page could not be shown. Try again, or go back to the start.</p>}
      <p>
        <a href="/">Back to stackbrief</a>
      </p>
    </SiteLayout>
  )
}

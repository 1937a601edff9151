import type { LinksFunction, LoaderFunctionArgs } from '@remix-run/node'
import { isRouteErrorResponse, Links, Meta, Outlet, Scripts, ScrollRestoration, useRouteError } from '@remix-run/react'
import { NotFoundPage } from '#app/components/not-found.tsx'
import { SiteLayout } from '#app/components/site-layout.tsx'
import stylesheet from '#app/styles/app.css?url'
import { useNonce } from '#app/web/nonce.tsx'
import { visitorOf } from '#app/web/visitor.server.ts'

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: stylesheet }]

/** Who is visiting, for the header's account links and the anonymous visitor's banner. */
export async function loader({ context }: LoaderFunctionArgs) {
  return { visitor: await visitorOf(context) }
}

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

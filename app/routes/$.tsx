import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { NotFoundPage } from '#app/components/not-found.tsx'

/** Any address no other route claims: the site's own 404 page, with the status to match. */
export async function loader({ request }: LoaderFunctionArgs) {
  throw new Response(new URL(request.url).pathname, { status: 404, statusText: 'Not Found' })
}

export const action = loader

export const meta: MetaFunction = () => [
  { title: 'Page not found · stackbrief' },
  { name: 'robots', content: 'noindex' },
]

export default function CatchAll() {
  return <NotFoundPage />
}

export function ErrorBoundary() {
  return <NotFoundPage />
}

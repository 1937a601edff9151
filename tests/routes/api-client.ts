import routes from '#app/routes.ts'
import { asLocalOwner } from '#tests/support/identity.ts'

/**
 * Calls the /api/v1 route modules the way Remix does, from the route table
 * in app/routes.ts: a real Request to the matching module's loader (GET,
 * HEAD) or action (anything else), with the params its path pattern names.
 */

type RouteArgs = { request: Request; params: Record<string, string>; context: Record<string, unknown> }
type RouteModule = { loader: (args: RouteArgs) => Promise<Response>; action: (args: RouteArgs) => Promise<Response> }

const MODULES = import.meta.glob<RouteModule>('/app/routes/api.v1.*.tsx', { eager: true })

export interface ApiRoute {
  /** As written in app/routes.ts, such as `api/v1/briefs/:id`. */
  path: string
  module: RouteModule
}

export const API_ROUTES: ApiRoute[] = routes
  .filter((r) => r.path?.startsWith('api/v1'))
  .map((r) => {
    const module = MODULES[`/app/${r.file}`]
    if (!module) throw new Error(`no module for ${r.file}`)
    return { path: r.path as string, module }
  })

export const REQUEST_ID = 'test-request-1'

export interface CallInit {
  /** A value is sent as JSON; a string, bytes or a stream as they are. */
  body?: unknown
  headers?: Record<string, string>
  /** What the server would add to the load context besides the identity (a logger, say). */
  context?: Record<string, unknown>
}

export async function api(method: string, path: string, init: CallInit = {}): Promise<Response> {
  const url = new URL(path, 'http://localhost')
  const { route, params } = match(url.pathname)
  const headers = new Headers(init.headers)
  let body: BodyInit | undefined
  if (init.body !== undefined) {
    const raw = typeof init.body === 'string' || init.body instanceof Uint8Array || init.body instanceof ReadableStream
    body = raw ? (init.body as BodyInit) : JSON.stringify(init.body)
    if (!headers.has('content-type')) headers.set('content-type', 'application/json')
  }
  const request = new Request(url, { method, headers, body, duplex: 'half' } as RequestInit)
  const args = { request, params, context: asLocalOwner({ requestId: REQUEST_ID, ...init.context }) }
  return method === 'GET' || method === 'HEAD' ? route.module.loader(args) : route.module.action(args)
}

function match(pathname: string): { route: ApiRoute; params: Record<string, string> } {
  const segments = pathname.split('/').filter(Boolean)
  let best: { route: ApiRoute; params: Record<string, string>; score: number } | undefined
  for (const route of API_ROUTES) {
    const pattern = route.path.split('/')
    const params: Record<string, string> = {}
    let score = 0
    let ok = true
    for (let i = 0; i < pattern.length && ok; i++) {
      const part = pattern[i]
      if (part === '*') {
        params['*'] = segments.slice(i).join('/')
        score -= 1000
        break
      }
      if (i >= segments.length) ok = false
      else if (part.startsWith(':')) params[part.slice(1)] = decodeURIComponent(segments[i])
      else if (part === segments[i]) score += 2
      else ok = false
      if (ok && i === pattern.length - 1 && segments.length !== pattern.length) ok = false
    }
    if (ok && (!best || score > best.score)) best = { route, params, score }
  }
  if (!best) throw new Error(`no API route matches ${pathname}`)
  return best
}

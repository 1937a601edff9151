import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { InvalidInputError } from '~/services/briefs.server'
import { QuotaExceededError } from '~/services/quotas.server'
import { LOCAL_WORKSPACE_ID } from '../../db/migrations/0001-initial'
import { ApiProblem, problemResponse } from './problem'

/**
 * One API path as a Remix resource route: a handler per method, and the rest
 * of the HTTP plumbing in one place (405 with Allow, OPTIONS, problem
 * responses, no stack traces). A route file is then two lines:
 * `export const loader = endpoint({ GET: …, POST: … })` and `export const action = loader`
 * (plain exports, so the client build can drop them and the server code they reach).
 */

export type Method = 'GET' | 'POST' | 'DELETE'

export interface ApiArgs {
  request: Request
  params: Record<string, string | undefined>
  /** The tenant; one local workspace until there are accounts. */
  workspaceId: string
  requestId?: string
  /** The configured public origin (server.ts) when served by it, for absolute URLs. */
  publicOrigin?: string
}

export type Handler = (args: ApiArgs) => Promise<Response>

export function endpoint(handlers: Partial<Record<Method, Handler>>) {
  const allowed = Object.keys(handlers) as Method[]
  const allow = [...allowed, ...(allowed.includes('GET') ? ['HEAD'] : []), 'OPTIONS'].join(', ')

  async function handle({ request, params, context }: LoaderFunctionArgs | ActionFunctionArgs): Promise<Response> {
    const requestId = typeof context?.requestId === 'string' ? context.requestId : undefined
    const method = request.method === 'HEAD' ? 'GET' : request.method.toUpperCase()
    if (method === 'OPTIONS') return new Response(null, { status: 204, headers: { Allow: allow } })
    const handler = handlers[method as Method]
    if (!handler) {
      return problemResponse(
        new ApiProblem('method-not-allowed', `${request.method} is not accepted here; use ${allow}.`, [], {
          Allow: allow,
        }),
        requestId,
      )
    }
    try {
      const publicOrigin = typeof context?.publicOrigin === 'string' ? context.publicOrigin : undefined
      return await handler({ request, params, workspaceId: LOCAL_WORKSPACE_ID, requestId, publicOrigin })
    } catch (error) {
      return errorResponse(error, requestId)
    }
  }

  return handle
}

export function errorResponse(error: unknown, requestId?: string): Response {
  if (error instanceof ApiProblem) return problemResponse(error, requestId)
  if (error instanceof InvalidInputError) {
    return problemResponse(new ApiProblem('invalid-parameter', error.message, error.problems), requestId)
  }
  if (error instanceof QuotaExceededError)
    return problemResponse(new ApiProblem('quota-exceeded', error.message), requestId)
  // The server log keeps what went wrong; the client gets the request id to quote.
  console.error(
    JSON.stringify({
      level: 'error',
      requestId,
      msg: 'api handler failed',
      err: error instanceof Error ? error.stack : String(error),
    }),
  )
  return problemResponse(new ApiProblem('internal', 'The request could not be completed.'), requestId)
}

/** A JSON response that is never cached: the data is a workspace's own. */
export function json(body: unknown, init: { status?: number; headers?: Record<string, string> } = {}): Response {
  return new Response(JSON.stringify(body), {
    status: init.status ?? 200,
    headers: { 'Content-Type': 'application/json', 'Cache-Control': 'no-store', ...init.headers },
  })
}

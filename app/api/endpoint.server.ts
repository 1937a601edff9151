import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { QuotaExceededError } from '#app/services/quotas.server.ts'
import { InvalidInputError } from '#app/services/support/errors.server.ts'
import { workspaceOfBrief } from '#app/services/tokens.server.ts'
import type { AccessRefused, Permission } from '#app/web/access.server.ts'
import type { Logger } from '#app/web/logger.server.ts'
import { accessFor, loggerOf, requestIdOf } from '#app/web/request.server.ts'
import { getDb } from '#db/client.server.ts'
import { ApiProblem, notFound, problemResponse } from './problem.ts'

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
  /** The workspace the access check resolved: the identity's, or (a check-in) the token's brief's. */
  workspaceId: string
  requestId?: string
  /** This request's logger, bound to its request id. */
  logger: Logger
  /** The configured public origin (server.ts) when served by it, for absolute URLs. */
  publicOrigin?: string
}

export type Handler = (args: ApiArgs) => Promise<Response>

/**
 * Who may call a method: a permission checked against the identity's role,
 * `checkin-token` (the brief's own token, checked by the handler, decides),
 * or `public` (descriptions of the API itself, and previews that store nothing).
 */
export type AccessRule = Permission | 'checkin-token' | 'public'

const BEARER = 'Bearer realm="stackbrief"'

export function endpoint<M extends Method>(handlers: Record<M, Handler>, access: Record<M, AccessRule>) {
  const allowed = Object.keys(handlers) as M[]
  const allow = [...allowed, ...((allowed as Method[]).includes('GET') ? ['HEAD'] : []), 'OPTIONS'].join(', ')

  async function handle({ request, params, context }: LoaderFunctionArgs | ActionFunctionArgs): Promise<Response> {
    const requestId = requestIdOf(context)
    const logger = loggerOf(context)
    const method = request.method === 'HEAD' ? 'GET' : request.method.toUpperCase()
    if (method === 'OPTIONS') return new Response(null, { status: 204, headers: { Allow: allow } })
    const handler = handlers[method as M] as Handler | undefined
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
      const workspaceId = await workspaceFor(access[method as M], context, params)
      return await handler({ request, params, workspaceId, requestId, logger, publicOrigin })
    } catch (error) {
      return errorResponse(error, requestId, logger)
    }
  }

  return Object.assign(handle, { access })
}

/** The workspace of the request by the same path pages take (request.server.ts); refusals worded as problems. */
async function workspaceFor(
  rule: AccessRule,
  context: LoaderFunctionArgs['context'] | undefined,
  params: Record<string, string | undefined>,
): Promise<string> {
  // A workspace id no row carries: public endpoints read no workspace's data.
  if (rule === 'public') return ''
  // The token, checked by the handler, speaks for its brief's workspace.
  if (rule === 'checkin-token') return (await workspaceOfBrief(await getDb(), params.id ?? '')) ?? ''
  return (await accessFor(context, rule, (refusal) => apiRefusal(refusal, rule))).workspaceId
}

function apiRefusal(refusal: AccessRefused, permission: Permission): never {
  if (refusal.reason === 'no-identity') {
    throw new ApiProblem(
      'authentication-required',
      'This endpoint needs an API key (Authorization: Bearer sbk_…, made on the settings page) or a signed-in session.',
      [],
      { 'WWW-Authenticate': BEARER },
    )
  }
  if (refusal.reason === 'not-allowed') {
    throw new ApiProblem('forbidden', `Your role in this workspace does not allow ${permission.replace(':', ' ')}.`)
  }
  throw notFound('There is nothing at this address for this key or session.')
}

export function errorResponse(error: unknown, requestId?: string, logger: Logger = loggerOf({ requestId })): Response {
  if (error instanceof ApiProblem) return problemResponse(error, requestId)
  if (error instanceof InvalidInputError) {
    return problemResponse(new ApiProblem('invalid-parameter', error.message, error.problems), requestId)
  }
  if (error instanceof QuotaExceededError)
    return problemResponse(new ApiProblem('quota-exceeded', error.message), requestId)
  // The server log keeps what went wrong; the client gets the request id to quote.
  logger.error({ err: error }, 'api handler failed')
  return problemResponse(new ApiProblem('internal', 'The request could not be completed.'), requestId)
}

/** A JSON response that is never cached: the data is a workspace's own. */
export function json(body: unknown, init: { status?: number; headers?: Record<string, string> } = {}): Response {
  return new Response(JSON.stringify(body), {
    status: init.status ?? 200,
    headers: { 'Content-Type': 'application/json', 'Cache-Control': 'no-store', ...init.headers },
  })
}

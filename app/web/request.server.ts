import type { AppLoadContext } from '@remix-run/node'
import { MAX_REVISION_NUMBER } from '#app/services/briefs.server.ts'
import { type Example, findExample } from '#app/services/examples.server.ts'
import { type Access, AccessRefused, checkAccess, type Permission } from './access.server.ts'
import { createLogger, type Logger } from './logger.server.ts'

/**
 * What pages and the API ask of every request: its workspace, its request
 * id and logger, 404s in the page's words, and the few parameters both
 * parse (revision numbers, example names).
 */

/**
 * The one path from a request to its workspace: the identity the load
 * context resolves (a session or an API key, server/identity.ts), checked
 * for `permission` by access.server.ts. A refusal is handed to `refuse`,
 * which words it for its audience (a page's 404/403, the API's problem).
 */
export async function accessFor(
  context: AppLoadContext | undefined,
  permission: Permission,
  refuse: (refusal: AccessRefused) => never,
): Promise<Access> {
  try {
    return await checkAccess(context, permission)
  } catch (error) {
    if (error instanceof AccessRefused) refuse(error)
    throw error
  }
}

/** For pages: the workspace whose data this request may see for `permission`, or the page's 404 or 403. */
export async function workspaceFor(context: AppLoadContext | undefined, permission: Permission): Promise<string> {
  return (await requirePageAccess(context, permission)).workspaceId
}

/** For pages: the identity and workspace, or a refusal as a 404 (nothing to see) or 403 (seen, not changeable by this role). */
export function requirePageAccess(context: AppLoadContext | undefined, permission: Permission): Promise<Access> {
  return accessFor(context, permission, pageRefusal)
}

function pageRefusal(refusal: AccessRefused): never {
  if (refusal.reason === 'not-allowed') {
    throw new Response('Your role in this workspace does not allow this. Ask its owner.', {
      status: 403,
      statusText: 'Forbidden',
      headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' },
    })
  }
  throw new Response('There is nothing at this address for you.', {
    status: 404,
    statusText: 'Not Found',
    headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' },
  })
}

/** A page's 404 with a sentence the visitor can act on. */
export function notFound(message: string): Response {
  return new Response(message, {
    status: 404,
    statusText: 'Not Found',
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  })
}

/** The page's 404 for a brief this workspace does not have (another workspace's brief is not there either). */
export function briefNotFound(briefId: string): Response {
  return notFound(`There is no brief with the id “${briefId}” in this workspace.`)
}

/**
 * A revision number as it comes in a path or query: 1 to
 * MAX_REVISION_NUMBER (the largest the database's integer column holds),
 * written plainly (no sign, no leading zero, no exponent); null otherwise.
 */
export function parseRevisionNumber(text: string | null | undefined): number | null {
  if (text === null || text === undefined || !/^[1-9]\d{0,9}$/.test(text)) return null
  const number = Number(text)
  return number <= MAX_REVISION_NUMBER ? number : null
}

/** The example named in a download's address, or a plain-text 404 naming what was asked for. */
export function requireExample(name: string | undefined): Example {
  const example = findExample(name ?? '')
  if (!example) {
    throw new Response(`There is no example brief called "${name ?? ''}".\n`, {
      status: 404,
      headers: { 'Content-Type': 'text/plain; charset=utf-8' },
    })
  }
  return example
}

/** The X-Request-Id the server gave this request; undefined when a route is called without the server. */
export function requestIdOf(context: unknown): string | undefined {
  const id = (context as { requestId?: unknown } | undefined)?.requestId
  return typeof id === 'string' ? id : undefined
}

let fallbackLogger: Logger | undefined

/**
 * This request's logger: the server's, already bound to the request id
 * (server.ts, getLoadContext). A route called without the server (the CLI,
 * a test) logs through a logger of the same shape.
 */
export function loggerOf(context: unknown): Logger {
  const given = (context as { logger?: Logger } | undefined)?.logger
  if (given) return given
  fallbackLogger ??= createLogger()
  const requestId = requestIdOf(context)
  return requestId ? fallbackLogger.child({ requestId }) : fallbackLogger
}

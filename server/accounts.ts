import { fromNodeHeaders, toNodeHandler } from 'better-auth/node'
import type { Express, NextFunction, Request, Response } from 'express'
import type pino from 'pino'
import { hitRateLimits } from '#app/services/rate-limits.server.ts'
import type { Db } from '#db/client.server.ts'
import { AUTH_BASE_PATH, type Auth } from './auth.ts'
import { clientKey, limitedPath } from './rate-limit.ts'
import { refuse } from './refusals.ts'

/** The auth endpoints, and an identity for every visitor who writes something. */

export function mountAuth(app: Express, auth: Auth) {
  app.all(`${AUTH_BASE_PATH}/*`, authBodyLimit, toNodeHandler(auth))
}

/** 16 KB: a sign-up (name, email, password) is under 1 KB; the auth handler reads bodies whole, so the size is checked first. */
export const AUTH_MAX_BODY_BYTES = 16 * 1024
function authBodyLimit(req: Request, res: Response, next: NextFunction) {
  if (READS.has(req.method)) return next()
  const declared = req.headers['content-length']
  if (declared === undefined && req.headers['transfer-encoding'] !== undefined) {
    refuse(req, res, {
      status: 411,
      problem: 'body-too-large',
      detail: 'Send the auth request with a Content-Length header.',
    })
    return
  }
  if (Number(declared ?? 0) > AUTH_MAX_BODY_BYTES) {
    refuse(req, res, {
      status: 413,
      problem: 'body-too-large',
      detail: `The request body is over ${AUTH_MAX_BODY_BYTES / 1024} KB.`,
      headers: { Connection: 'close' },
    })
    return
  }
  next()
}

const READS = new Set(['GET', 'HEAD', 'OPTIONS'])
/** The writes that start work from nothing (a new draft, an imported workspace): only these need an identity to own it. */
const STARTS_WORK = new Set(['/new', '/settings'])

/**
 * Anonymous first: a visitor's first write (starting a draft, saving a brief)
 * gives them an anonymous identity held in a session cookie, so a founder
 * writes briefs without signing up and keeps them when they do. Reading
 * makes nothing, and neither does a write to anything else (it would be
 * someone's work, which a new identity cannot see): a crawler, a link
 * preview or a prober leaves no identity behind.
 */
export function anonymousFirst(auth: Auth, limits?: { db: () => Promise<Db>; logger: pino.Logger }) {
  return async (req: Request, res: Response, next: NextFunction) => {
    if (READS.has(req.method) || !STARTS_WORK.has(limitedPath(req.path))) return next()
    try {
      const headers = fromNodeHeaders(req.headers)
      if (await auth.api.getSession({ headers })) return next()
      if (limits && (await tooManyIdentities(req, res, limits))) return
      const made = await auth.api.signInAnonymous({ headers, returnHeaders: true })
      const cookies = made.headers.getSetCookie()
      res.append('Set-Cookie', cookies)
      // The request goes on as the new identity, without whatever stale session cookie it carried.
      const names = new Set(cookies.map((c) => c.slice(0, c.indexOf('='))))
      const kept = (req.headers.cookie ?? '')
        .split(';')
        .map((pair) => pair.trim())
        .filter((pair) => pair && !names.has(pair.slice(0, pair.indexOf('='))))
      req.headers.cookie = [...kept, ...cookies.map((c) => c.split(';')[0])].join('; ')
      next()
    } catch (error) {
      next(error)
    }
  }
}

/**
 * New anonymous identities per client an hour: a room of people at a workshop
 * behind one address each get one; a script posting /new in a loop fills
 * neither the database nor the purge's hour.
 */
export const ANONYMOUS_IDENTITIES_PER_HOUR = 100
const HOUR_MS = 60 * 60 * 1000

async function tooManyIdentities(
  req: Request,
  res: Response,
  limits: { db: () => Promise<Db>; logger: pino.Logger },
): Promise<boolean> {
  try {
    const [count] = await hitRateLimits(await limits.db(), [
      { bucket: `anonymous-identities:${clientKey(req.ip)}`, windowMs: HOUR_MS },
    ])
    if (count.hits <= ANONYMOUS_IDENTITIES_PER_HOUR) return false
    const seconds = Math.max(1, Math.ceil((count.resetAt - Date.now()) / 1000))
    refuse(req, res, {
      status: 429,
      problem: 'too-many-requests',
      detail: `More than ${ANONYMOUS_IDENTITIES_PER_HOUR} new visitors from this address in an hour; sign in, or try again in ${seconds} s.`,
      headers: { 'Retry-After': String(seconds) },
    })
    return true
  } catch (error) {
    // The limiter shares the app's database; when that fails the request fails there, not here.
    limits.logger.error({ err: error }, 'anonymous identity limit check failed; request let through')
    return false
  }
}

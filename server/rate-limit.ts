import { isIPv6 } from 'node:net'
import { posix } from 'node:path'
import type { NextFunction, Request, Response } from 'express'
import type pino from 'pino'
import { hitRateLimits, refundRateLimit, sweepRateLimits } from '#app/services/rate-limits.server.ts'
import { type Db, getDb } from '#db/client.server.ts'
import { refuse } from './refusals.ts'

/**
 * Rate limits on requests that change something, per client until there are
 * accounts: the client is the socket's address, or X-Forwarded-For's when
 * TRUST_PROXY says a proxy sets it (Express's `req.ip`); an IPv6 client is
 * its /64, which one household or server holds whole. The counters live in
 * the database, so several instances share them.
 *
 * Every policy that matches a request counts it, in one statement; the first
 * one over its limit answers 429 with Retry-After, before the app does any work.
 */

export interface RateLimitPolicy {
  name: string
  limit: number
  windowMs: number
  matches(method: string, path: string): boolean
  /** Which answers count: every request, or only failures (a hit is taken back when the answer is not one). */
  failedOnly?: (status: number) => boolean
}

const MINUTE = 60_000
const WRITE = (method: string) => method !== 'GET' && method !== 'HEAD' && method !== 'OPTIONS'

export const RATE_LIMIT_POLICIES: readonly RateLimitPolicy[] = [
  {
    // A wrong, revoked or other brief's token on a check-in. 190-bit tokens cannot be guessed;
    // this keeps a stuck script or a prober from hammering the token check.
    name: 'checkin-token-guess',
    limit: 20,
    windowMs: 15 * MINUTE,
    matches: (method, path) => method === 'POST' && /^\/api\/v1\/briefs\/[^/]+\/signals$/.test(path),
    failedOnly: (status) => status === 401 || status === 404,
  },
  {
    // A wrong, revoked or expired share link, on its page or a download: as for check-in tokens,
    // the links cannot be guessed, and this keeps a prober from walking the token space.
    name: 'share-link-guess',
    limit: 20,
    windowMs: 15 * MINUTE,
    matches: (method, path) => (method === 'GET' || method === 'HEAD') && /^\/s\/[^/]+/.test(path),
    failedOnly: (status) => status === 404,
  },
  {
    // The same for invitation links, opened or accepted.
    name: 'invitation-guess',
    limit: 20,
    windowMs: 15 * MINUTE,
    matches: (_method, path) => /^\/invitations\/[^/]+$/.test(path),
    failedOnly: (status) => status === 404,
  },
  {
    // Password guesses, through the sign-in page or the auth endpoint: only refusals count.
    name: 'sign-in-failures',
    limit: 10,
    windowMs: 15 * MINUTE,
    matches: (method, path) => method === 'POST' && (path === '/sign-in' || path === '/api/auth/sign-in/email'),
    failedOnly: (status) => status === 400 || status === 401 || status === 403,
  },
  {
    // New accounts from one client: a family or an office makes a few.
    name: 'sign-up',
    limit: 20,
    windowMs: 60 * MINUTE,
    matches: (method, path) => method === 'POST' && (path === '/sign-up' || path === '/api/auth/sign-up/email'),
  },
  {
    // Making check-in tokens: a person makes a few.
    name: 'token-create',
    limit: 20,
    windowMs: 60 * MINUTE,
    matches: (method, path) => method === 'POST' && /^\/briefs\/[^/]+\/tokens$/.test(path),
  },
  {
    // Every other write (briefs, revisions, drafts, check-ins, previews): 10 a second on
    // average, so a script or CI job can write 5 revisions or check-ins a second for as long as it likes.
    name: 'writes',
    limit: 600,
    windowMs: MINUTE,
    matches: (method) => WRITE(method),
  },
]

/** The client's key: its address, an IPv6 address cut to its /64. */
export function clientKey(address: string | undefined): string {
  if (!address) return 'unknown'
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)
  if (mapped) return mapped[1]
  if (!isIPv6(address)) return address
  return `${expandIPv6(address).slice(0, 4).join(':')}::/64`
}

function expandIPv6(address: string): string[] {
  const [head, tail = ''] = address.split('%')[0].split('::')
  const left = head ? head.split(':') : []
  const right = address.includes('::') && tail ? tail.split(':') : []
  const zeros = address.includes('::') ? Array(8 - left.length - right.length).fill('0') : []
  return [...left, ...zeros, ...right].map((part) => part.toLowerCase().replace(/^0+(?=.)/, ''))
}

/**
 * The path as the routes see it, so no other spelling escapes a limit: Remix
 * matches routes without regard to case and after decoding, and the auth
 * endpoints resolve `/./`. `/SIGN-IN`, `/%73ign-in`, `/./sign-in`,
 * `/sign-in.data` and `/sign-in/` all count as `/sign-in`.
 */
export function limitedPath(path: string): string {
  let decoded = path
  try {
    decoded = decodeURIComponent(path)
  } catch {
    // Undecodable paths are refused before this by the request guard; count them as written.
  }
  const normal = posix.normalize(decoded.toLowerCase())
  const page = normal === '/_root.data' ? '/' : normal.replace(/\.data$/, '')
  return page.length > 1 ? page.replace(/\/+$/, '') : page
}

const SWEEP_EVERY = 1_000
const LONGEST_WINDOW = Math.max(...RATE_LIMIT_POLICIES.map((p) => p.windowMs))

export function rateLimits(options: {
  logger: pino.Logger
  policies?: readonly RateLimitPolicy[]
  db?: () => Promise<Db>
}) {
  const policies = options.policies ?? RATE_LIMIT_POLICIES
  const database = options.db ?? getDb
  let hitsSinceSweep = 0

  return async (req: Request, res: Response, next: NextFunction) => {
    const path = limitedPath(req.path)
    const matched = policies.filter((p) => p.matches(req.method, path))
    if (matched.length === 0) return next()
    const client = clientKey(req.ip)
    let db: Db
    try {
      db = await database()
      const buckets = matched.map((policy) => ({ bucket: `${policy.name}:${client}`, windowMs: policy.windowMs }))
      const counts = await hitRateLimits(db, buckets)
      const over = matched.findIndex((policy, i) => counts[i].hits > policy.limit)
      if (over >= 0) {
        const policy = matched[over]
        const seconds = Math.max(1, Math.ceil((counts[over].resetAt - Date.now()) / 1000))
        refuse(req, res, {
          status: 429,
          problem: 'too-many-requests',
          detail: `More than ${policy.limit} requests of this kind in ${describeWindow(policy.windowMs)}; try again in ${seconds} s.`,
          headers: { 'Retry-After': String(seconds) },
        })
        return
      }
      matched.forEach((policy, i) => {
        const { failedOnly } = policy
        if (!failedOnly) return
        res.on('finish', () => {
          if (failedOnly(res.statusCode)) return
          const { bucket, windowMs } = buckets[i]
          refundRateLimit(db, { bucket, resetAt: counts[i].resetAt, windowMs }).catch((error) =>
            options.logger.error({ err: error, bucket }, 'rate limit refund failed'),
          )
        })
      })
      if (++hitsSinceSweep >= SWEEP_EVERY) {
        hitsSinceSweep = 0
        sweepRateLimits(db, Date.now() - 2 * LONGEST_WINDOW).catch((error) =>
          options.logger.error({ err: error }, 'rate limit sweep failed'),
        )
      }
    } catch (error) {
      // The limiter shares the app's database; when that fails the request fails there, not here.
      options.logger.error({ err: error }, 'rate limit check failed; request let through')
    }
    next()
  }
}

function describeWindow(ms: number): string {
  const minutes = ms / MINUTE
  return minutes === 1 ? 'a minute' : `${minutes} minutes`
}

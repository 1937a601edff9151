import { createHash, timingSafeEqual } from 'node:crypto'
import type { NextFunction, Request, Response } from 'express'
import type { ServerConfig } from './config.ts'
import { isAllowedHost, isLocalHost, parseHost, requestHostHeader } from './hosts.ts'

/**
 * Who may read /metrics.
 *
 * - METRICS_TOKEN set: whoever sends `Authorization: Bearer $METRICS_TOKEN`,
 *   and no one else, this machine included: a reverse proxy on the same
 *   machine makes every visitor's socket look local.
 * - Unset: a client on this machine, judged by the socket's address (never by
 *   X-Forwarded-For, which anyone can write), asking for a local or allowed
 *   Host, through no proxy (a forwarding header only ever takes access away).
 *
 * Everyone else gets 404, as if there were nothing here; a wrong or missing
 * token, when one is configured, gets 401, so a scraper set up wrongly says so.
 */

export function isLoopback(address: string | undefined): boolean {
  if (!address) return false
  const v4 = address.startsWith('::ffff:') ? address.slice(7) : address
  return v4.startsWith('127.') || address === '::1'
}

const FORWARDING_HEADERS = ['forwarded', 'x-forwarded-for', 'x-real-ip']

const digest = (text: string) => createHash('sha256').update(text).digest()

export function metricsAccess(config: ServerConfig) {
  const expected = config.metricsToken ? digest(config.metricsToken) : null
  return (req: Request, res: Response, next: NextFunction) => {
    if (expected) {
      const bearer = /^Bearer +(\S+) *$/i.exec(req.get('authorization') ?? '')?.[1]
      // Compared as digests: equal lengths for timingSafeEqual, and no early exit on the first wrong character.
      if (bearer !== undefined && timingSafeEqual(digest(bearer), expected)) return next()
      res.status(401).set('WWW-Authenticate', 'Bearer realm="metrics"').type('text/plain')
      res.send('Reading metrics needs Authorization: Bearer and the metrics token.\n')
      return
    }
    const host = parseHost(requestHostHeader(req))
    const local =
      isLoopback(req.socket.remoteAddress) &&
      FORWARDING_HEADERS.every((name) => req.get(name) === undefined) &&
      (isLocalHost(host) || isAllowedHost(host, config))
    if (local) return next()
    res.status(404).type('text/plain').send('Not found.\n')
  }
}

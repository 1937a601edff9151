import type { NextFunction, Request, Response } from 'express'
import type { ServerConfig } from './config.ts'
import { parseHost, requestHostHeader } from './hosts.ts'
import { refuse } from './refusals.ts'

/**
 * Refuses a request that changes something when a browser says it came from
 * another site: an `Origin` that is not ours (`null` included), or
 * `Sec-Fetch-Site: cross-site`. Form posts, Remix's `.data` requests and API
 * calls alike. Scripts and machine check-ins send neither header and pass.
 */

const SAFE_METHODS = new Set(['GET', 'HEAD'])

/** Whether an Origin header names this server: PUBLIC_URL's origin, or (unset) the request's own Host. */
export function isOwnOrigin(origin: string, req: Request, config: ServerConfig): boolean {
  if (config.publicOrigin) return origin === config.publicOrigin
  let url: URL
  try {
    url = new URL(origin)
  } catch {
    return false
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return false
  // Without PUBLIC_URL the scheme is not known for sure (a proxy may end TLS), so the host and port decide.
  const host = parseHost(requestHostHeader(req))
  const port = /:(\d{1,5})$/.exec(url.host)?.[1] ?? ''
  return host !== null && url.hostname === host.hostname && port === host.port
}

export function crossSiteCheck(config: ServerConfig) {
  return (req: Request, res: Response, next: NextFunction) => {
    if (SAFE_METHODS.has(req.method)) return next()
    const origin = req.get('origin')
    const site = req.get('sec-fetch-site')
    if (site === 'cross-site' || (origin !== undefined && !isOwnOrigin(origin, req, config))) {
      refuse(req, res, {
        status: 403,
        problem: 'cross-site-request',
        detail: 'A page of another site cannot change anything here. Open stackbrief itself and try again.',
      })
      return
    }
    next()
  }
}

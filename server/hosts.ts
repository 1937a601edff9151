import type { NextFunction, Request, Response } from 'express'
import type { ServerConfig } from './config.ts'
import { refuse } from './refusals.ts'

/**
 * Which Host names the server answers to, and the one origin every absolute
 * link is built from. A server that answers to any Host can be reached
 * through a rebound DNS name (a page on another site that resolves to this
 * machine), and would put that name into the links it builds.
 *
 * - PUBLIC_URL set: its host only (with its port, the scheme's default when absent).
 * - PUBLIC_URL unset: localhost, 127.0.0.1 and [::1], on any port.
 */

const LOCAL_HOSTNAMES = new Set(['localhost', '127.0.0.1', '[::1]'])

export interface RequestHost {
  hostname: string
  /** The port as written, '' when none. */
  port: string
}

/** The Host the client asked for: X-Forwarded-Host only when the proxy in front is trusted. */
export function requestHostHeader(req: Request): string | undefined {
  const trusts = req.app.get('trust proxy fn') as (address: string, hop: number) => boolean
  const forwarded = req.get('x-forwarded-host')
  if (forwarded && trusts(req.socket.remoteAddress ?? '', 0)) return forwarded.split(',')[0].trim()
  return req.get('host')
}

/** The header parsed as host[:port]; null when it is absent or not a host name. */
export function parseHost(header: string | undefined): RequestHost | null {
  if (!header || header.length > 260 || /[\s/?#@\\]/.test(header)) return null
  try {
    const url = new URL(`http://${header}`)
    // `new URL` drops a port of 80 for http: take the port from the text instead.
    const port = /:(\d{1,5})$/.exec(header)?.[1] ?? ''
    return { hostname: url.hostname.toLowerCase(), port }
  } catch {
    return null
  }
}

/** localhost, 127.0.0.1 or [::1]: names a rebound DNS name never carries. */
export function isLocalHost(host: RequestHost | null): boolean {
  return host !== null && LOCAL_HOSTNAMES.has(host.hostname)
}

export function isAllowedHost(host: RequestHost | null, config: ServerConfig): boolean {
  if (!host) return false
  if (!config.publicOrigin) return isLocalHost(host)
  const expected = new URL(config.publicOrigin)
  const defaultPort = expected.protocol === 'https:' ? '443' : '80'
  return host.hostname === expected.hostname && (host.port || defaultPort) === (expected.port || defaultPort)
}

/** Answers 400 to a request for a Host the server does not serve. */
export function hostAllowlist(config: ServerConfig) {
  return (req: Request, res: Response, next: NextFunction) => {
    if (isAllowedHost(parseHost(requestHostHeader(req)), config)) return next()
    refuse(req, res, {
      status: 400,
      problem: 'invalid-host',
      detail:
        'This server does not answer to that Host name; its operator sets PUBLIC_URL to the name it is reached at.',
      plain: true,
    })
  }
}

/**
 * The origin absolute links are built from: PUBLIC_URL, or (unset) the
 * request's own scheme and Host, which the allowlist has already limited to
 * this machine's names.
 */
export function publicOriginOf(req: Request, config: ServerConfig): string {
  if (config.publicOrigin) return config.publicOrigin
  const host = parseHost(requestHostHeader(req))
  const hostname = host?.hostname ?? 'localhost'
  return `${req.protocol}://${hostname}${host?.port ? `:${host.port}` : ''}`
}

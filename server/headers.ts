import { randomBytes } from 'node:crypto'
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { NextFunction, Request, Response } from 'express'
import helmet from 'helmet'
import { type ServerConfig, servedOverHttps } from './config.ts'

/**
 * Security headers on every response (helmet), with a Content-Security-Policy
 * that lets only our own scripts run: files from this origin, and the inline
 * scripts Remix and React write into each page, which carry a nonce made
 * fresh for every request. The nonce reaches those scripts through Remix's
 * load context (see app/web/nonce.tsx), never through a loader, so it is not
 * part of any data a client can fetch.
 *
 * Styles: every style is in our stylesheet and no page renders a style
 * attribute; charts set theirs from script (CSSOM), which CSP does not
 * govern. So style-src is 'self' alone in production. Development adds
 * 'unsafe-inline' (Vite injects styles) and the HMR websocket.
 */

export function cspNonce(res: { locals: Record<string, unknown> }): string {
  return String(res.locals.cspNonce ?? '')
}

/** A fresh nonce for this response, before helmet writes the policy that names it. */
export function makeNonce(_req: Request, res: Response, next: NextFunction) {
  res.locals.cspNonce = randomBytes(16).toString('base64')
  next()
}

export function securityHeaders(config: ServerConfig, mode: 'development' | 'production') {
  const https = servedOverHttps(config)
  const nonce = (_req: IncomingMessage, res: ServerResponse) =>
    `'nonce-${cspNonce(res as unknown as { locals: Record<string, unknown> })}'`
  const development = mode === 'development'
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        'default-src': ["'self'"],
        'script-src': ["'self'", nonce],
        'script-src-attr': ["'none'"],
        'style-src': development ? ["'self'", "'unsafe-inline'"] : ["'self'"],
        'img-src': ["'self'", 'data:'],
        'font-src': ["'self'"],
        'connect-src': development ? ["'self'", 'ws://localhost:*', 'ws://127.0.0.1:*'] : ["'self'"],
        'object-src': ["'none'"],
        'base-uri': ["'none'"],
        'form-action': ["'self'"],
        'frame-ancestors': ["'none'"],
        ...(https ? { 'upgrade-insecure-requests': [] } : {}),
      },
    },
    // Not helmet's no-referrer: under it a browser sends `Origin: null` on our own form posts,
    // which the cross-site check would then refuse. This keeps the origin on same-origin
    // requests and sends only the origin (never a brief's path) to other sites.
    referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
    frameguard: { action: 'deny' },
    // Only a site served over https may ask browsers to insist on it.
    strictTransportSecurity: https ? { maxAge: 31_536_000, includeSubDomains: false } : false,
    xContentTypeOptions: true,
  })
}

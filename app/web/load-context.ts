/**
 * What the Express server hands every loader and action besides the request
 * (server.ts, getLoadContext). Declared here so a route reads it typed.
 */

declare module '@remix-run/node' {
  interface AppLoadContext {
    requestId?: string
    /** The server's logger bound to this request's id: read it through loggerOf (request.server.ts). */
    logger?: import('./logger.server.ts').Logger
    /** This response's Content-Security-Policy nonce; read by entry.server.tsx only. */
    cspNonce?: string
    /** The origin absolute links are built from: PUBLIC_URL, or the request's own allowed host. */
    publicOrigin?: string
    /** PUBLIC_URL's origin as configured, null when unset: guide links in downloads use only this. */
    publicUrl?: string | null
    /** The client's address (the socket's, or X-Forwarded-For's when TRUST_PROXY says so). */
    clientAddress?: string
    /** Sections a page's document already drew as HTML, keyed by id (GET documents only). */
    staticHtml?: import('#app/components/static-html.tsx').StaticHtmlSink
    /** This app's accounts (server/auth.ts): sessions, sign-up and sign-in. */
    auth?: import('../../server/auth.ts').Auth
    /** Who is asking, resolved on first use (server/identity.ts); absent outside the server. */
    identity?: import('./access.server.ts').IdentityResolver
    /** This app's database, the one its accounts live in. */
    db?: import('#db/client.server.ts').Db
  }
}

/**
 * The origin to put in absolute links (guide links in exports, curl examples):
 * from the server's configuration, never from the Host header. Outside the
 * server (a route called directly in a test) the request URL is all there is.
 */
export function publicOrigin(context: { publicOrigin?: string } | undefined, request: Request): string {
  return context?.publicOrigin ?? new URL(request.url).origin
}

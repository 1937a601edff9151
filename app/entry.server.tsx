import { PassThrough } from 'node:stream'
import type { AppLoadContext, EntryContext, HandleErrorFunction } from '@remix-run/node'
import { createReadableStreamFromReadable } from '@remix-run/node'
import { isRouteErrorResponse, RemixServer } from '@remix-run/react'
import { isbot } from 'isbot'
import { renderToPipeableStream } from 'react-dom/server'
import { StaticHtmlContext } from '#app/components/static-html.tsx'
import { NonceProvider } from '#app/web/nonce.tsx'
import { loggerOf } from '#app/web/request.server.ts'

const ABORT_DELAY = 5_000

export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  // The Content-Security-Policy nonce made for this response: every inline script (Remix's, its data stream's, React's) carries it.
  const nonce = loadContext.cspNonce ?? ''
  // Crawlers and no-JS clients get the whole document at once; browsers get it streamed.
  const waitForAll = isbot(request.headers.get('user-agent') ?? '')
  return new Promise((resolve, reject) => {
    let shellRendered = false
    const { pipe, abort } = renderToPipeableStream(
      <NonceProvider value={nonce}>
        <StaticHtmlContext.Provider value={loadContext.staticHtml ?? null}>
          <RemixServer context={remixContext} url={request.url} abortDelay={ABORT_DELAY} nonce={nonce} />
        </StaticHtmlContext.Provider>
      </NonceProvider>,
      {
        nonce,
        [waitForAll ? 'onAllReady' : 'onShellReady']() {
          shellRendered = true
          const body = new PassThrough()
          responseHeaders.set('Content-Type', 'text/html; charset=utf-8')
          resolve(
            new Response(createReadableStreamFromReadable(body), {
              headers: responseHeaders,
              status: responseStatusCode,
            }),
          )
          pipe(body)
        },
        onShellError: reject,
        onError(error: unknown) {
          responseStatusCode = 500
          if (shellRendered)
            loggerOf(loadContext).error({ err: error, path: new URL(request.url).pathname }, 'render error')
        },
      },
    )
    setTimeout(abort, ABORT_DELAY)
  })
}

/**
 * Expected outcomes (a 404, a client that went away) are not server errors
 * and are not logged as such; nor is a `?_data=` request, which Remix reports
 * as an error although single fetch answers it like any other.
 */
export const handleError: HandleErrorFunction = (error, { request, context }) => {
  if (request.signal.aborted) return
  if (isRouteErrorResponse(error) && error.status < 500) return
  const path = new URL(request.url).pathname
  if (error instanceof Error && error.message.startsWith(DATA_REQUEST_WARNING)) {
    loggerOf(context).debug({ path }, 'a ?_data= request from a client that predates single fetch')
    return
  }
  loggerOf(context).error({ err: error, path }, 'unhandled error')
}

/** How Remix words its report of a `?_data=` request (server-runtime, single fetch on). */
const DATA_REQUEST_WARNING = 'Warning: Single fetch-enabled apps should not be making ?_data requests'

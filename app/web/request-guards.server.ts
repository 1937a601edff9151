import type { NextFunction, Request, Response } from 'express'

/**
 * Express guards that run before the Remix handler, for requests it cannot
 * even route: an address whose percent-escapes do not decode (`/briefs/%FF`)
 * is a 400, as problem+json under /api/ and as a short page elsewhere.
 */
export function refuseUndecodablePaths(req: Request, res: Response, next: NextFunction) {
  try {
    // PostgreSQL cannot hold a NUL in text, and no id or page name has one.
    if (decodeURIComponent(req.path).includes('\u0000')) throw new URIError('NUL in the path')
    // Remix reads the query too; a broken escape there is the same mistake.
    const query = req.originalUrl.indexOf('?')
    if (query >= 0) new URLSearchParams(req.originalUrl.slice(query + 1))
    return next()
  } catch {
    const detail =
      'The address has a percent-escape that does not decode to UTF-8 text (such as %FF or a lone %) or decodes to a NUL character (%00).'
    res.status(400).set('Cache-Control', 'no-store')
    if (req.path.startsWith('/api/')) {
      res.type('application/problem+json').send(
        JSON.stringify({
          type: '/api/v1/problems/invalid-parameter',
          title: 'A parameter is not valid',
          status: 400,
          detail,
          requestId: res.locals.requestId,
        }),
      )
      return
    }
    res
      .type('text/html')
      .send(
        `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Bad address · stackbrief</title></head><body><main class="page"><h1>This address cannot be read</h1><p>${detail}</p><p><a href="/">Back to stackbrief</a></p></main></body></html>`,
      )
  }
}

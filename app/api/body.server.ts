import { describeValue, problem } from '#app/lib/problems.ts'
import { drainBody, readAtMost } from '#app/web/bounded-body.server.ts'
import { ApiProblem } from './problem.ts'

/** 256 KB: a filled Answers is about 1 KB, so this leaves room for long summaries and nothing else. */
export const MAX_BODY_BYTES = 256 * 1024
/** Read on past the limit only this far, so the client hears the 413 instead of a reset connection. */

const JSON_TYPE = /^application\/(?:[\w.+-]+\+)?json$/i

/**
 * The request body as JSON: checked for type (415), for size both by
 * Content-Length and by the bytes actually read (413, never holding more than
 * the limit), for UTF-8 and for syntax (400).
 */
export async function readJsonBody(request: Request, maxBytes = MAX_BODY_BYTES): Promise<unknown> {
  requireJsonContentType(request.headers.get('content-type'))
  const declared = request.headers.get('content-length')
  if (declared !== null && /^\d+$/.test(declared.trim()) && Number(declared) > maxBytes) {
    drainBody(request.body)
    throw tooLarge(maxBytes, `${Number(declared).toLocaleString('en-US')} bytes`)
  }
  const bytes = await readAtMost(request.body, maxBytes)
  if (bytes === null) throw tooLarge(maxBytes, `more than ${maxBytes.toLocaleString('en-US')} bytes`)
  let text: string
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    throw new ApiProblem('invalid-json', 'The body is not valid UTF-8.', [
      problem('(body)', 'JSON text in UTF-8', 'bytes that are not UTF-8'),
    ])
  }
  if (text.trim() === '') {
    throw new ApiProblem('invalid-json', 'The body is empty.', [problem('(body)', 'a JSON document', 'nothing')])
  }
  try {
    return JSON.parse(text)
  } catch (error) {
    const reason = error instanceof Error ? error.message : 'a syntax error'
    throw new ApiProblem('invalid-json', `The body does not parse as JSON: ${reason}.`, [
      problem('(body)', 'a JSON document', reason),
    ])
  }
}

function requireJsonContentType(header: string | null): void {
  const [type = '', ...params] = (header ?? '').split(';').map((part) => part.trim())
  const charset = params.map((p) => /^charset=("?)([^"]*)\1$/i.exec(p)?.[2]).find((value) => value !== undefined)
  const ok = JSON_TYPE.test(type) && (charset === undefined || /^utf-?8$/i.test(charset))
  if (!ok) {
    throw new ApiProblem('unsupported-media-type', 'Send the body as application/json in UTF-8.', [
      problem('Content-Type', 'application/json', header === null ? 'nothing' : describeValue(header)),
    ])
  }
}

function tooLarge(maxBytes: number, got: string): ApiProblem {
  return new ApiProblem(
    'body-too-large',
    `Request bodies are limited to ${maxBytes.toLocaleString('en-US')} bytes.`,
    [problem('(body)', `at most ${maxBytes.toLocaleString('en-US')} bytes`, got)],
    { Connection: 'close' },
  )
}

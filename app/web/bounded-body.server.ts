/**
 * Request bodies read with a ceiling, for the JSON API and the page forms
 * alike: never more than the limit is held in memory, and a refused body is
 * drained a little so the client hears the refusal instead of a reset.
 */

/** Read on past the limit only this far, so the client hears the 413 instead of a reset connection. */
const DRAIN_BYTES = 1024 * 1024

/** The whole body, or `null` when it is longer than `maxBytes` (what is left is drained). Read errors are thrown. */
export async function readAtMost(
  body: ReadableStream<Uint8Array> | null,
  maxBytes: number,
): Promise<Uint8Array | null> {
  if (!body) return new Uint8Array(0)
  const reader = body.getReader()
  const chunks: Uint8Array[] = []
  let total = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    total += value.byteLength
    if (total > maxBytes) {
      reader.releaseLock()
      drainBody(body, total)
      return null
    }
    chunks.push(value)
  }
  const out = new Uint8Array(total)
  let offset = 0
  for (const chunk of chunks) {
    out.set(chunk, offset)
    offset += chunk.byteLength
  }
  return out
}

/** Reads and drops up to DRAIN_BYTES more of a refused body in the background, then cancels the rest. */
export function drainBody(body: ReadableStream<Uint8Array> | null, alreadyRead = 0): void {
  if (!body || body.locked) return
  const reader = body.getReader()
  let read = alreadyRead
  const next = (): Promise<void> =>
    reader.read().then(({ done, value }) => {
      if (done) return
      read += value.byteLength
      if (read > DRAIN_BYTES) return reader.cancel()
      return next()
    })
  next().catch(() => {})
}

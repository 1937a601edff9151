import type { AppLoadContext } from '@remix-run/node'
import { MaxPartSizeExceededError, unstable_parseMultipartFormData } from '@remix-run/node'
import { positiveFromEnv } from '#app/lib/env.ts'
import { InvalidInputError } from '#app/services/support/errors.server.ts'
import type { TransferCounts } from '#app/services/transfer/export.server.ts'
import { importWorkspace } from '#app/services/transfer/import.server.ts'
import { drainBody } from '#app/web/bounded-body.server.ts'
import { pageError } from '#app/web/form-body.server.ts'
import { workspaceFor } from '#app/web/request.server.ts'
import { getDb } from '#db/client.server.ts'

/**
 * The settings page's import: an export zip uploaded as multipart form data
 * and read into this workspace as it streams in (memory does not grow with
 * the archive), everything or nothing, as the command line does.
 */

/** 256 MB through the browser; larger archives go through `stackbrief import`, which has no upload to wait on. */
export const MAX_IMPORT_BYTES = positiveFromEnv(process.env.STACKBRIEF_MAX_IMPORT_MB, 256) * 1024 * 1024

export type ImportResult =
  | { ok: true; counts: TransferCounts; fileName: string }
  | { ok: false; problems: { path: string; message: string }[] }

export async function importFromForm(
  request: Request,
  context: AppLoadContext | undefined,
): Promise<ImportResult | Response> {
  // Refused before the upload is read, as every page's action is.
  let workspaceId: string
  try {
    workspaceId = await workspaceFor(context, 'brief:create')
  } catch (refusal) {
    drainBody(request.body)
    throw refusal
  }
  const type = (request.headers.get('content-type') ?? '').split(';')[0].trim().toLowerCase()
  if (type !== 'multipart/form-data') {
    drainBody(request.body)
    return pageError(415, 'Unsupported Media Type', 'An import is sent from the settings page as a file upload.')
  }
  const declared = Number(request.headers.get('content-length'))
  if (Number.isFinite(declared) && declared > MAX_IMPORT_BYTES) {
    drainBody(request.body)
    return pageError(413, 'Content Too Large', tooLargeMessage(), { Connection: 'close' })
  }
  const db = await getDb()
  let result: ImportResult | undefined
  try {
    await unstable_parseMultipartFormData(request, async ({ name, filename, data }) => {
      if (name !== 'archive' || result) {
        for await (const _ of data) {
          // A field the import does not read: let it pass.
        }
        return undefined
      }
      if (!filename) {
        result = { ok: false, problems: [{ path: 'archive', message: 'expected a zip file, got no file' }] }
        for await (const _ of data) {
          // Nothing to read.
        }
        return undefined
      }
      try {
        const counts = await importWorkspace(db, {
          workspaceId,
          source: capped(data),
        })
        result = { ok: true, counts, fileName: filename }
      } catch (error) {
        if (!(error instanceof InvalidInputError)) throw error
        result = { ok: false, problems: error.problems.map((p) => ({ path: p.path, message: p.message })) }
      }
      return undefined
    })
  } catch (error) {
    if (error instanceof TooLargeError || error instanceof MaxPartSizeExceededError) {
      return pageError(413, 'Content Too Large', tooLargeMessage(), { Connection: 'close' })
    }
    if (error instanceof InvalidInputError) throw error
    if (result) return result
    return pageError(400, 'Bad Request', 'The upload arrived broken and could not be read. Nothing was imported.')
  }
  return result ?? { ok: false, problems: [{ path: 'archive', message: 'expected a zip file, got no file' }] }
}

class TooLargeError extends Error {}

async function* capped(data: AsyncIterable<Uint8Array>): AsyncIterable<Uint8Array> {
  let total = 0
  for await (const chunk of data) {
    total += chunk.byteLength
    if (total > MAX_IMPORT_BYTES) throw new TooLargeError()
    yield chunk
  }
}

function tooLargeMessage(): string {
  return `This archive is larger than ${Math.round(MAX_IMPORT_BYTES / 1024 / 1024)} MB, the most the page takes. Nothing was imported; use stackbrief import on the server for an archive this size.`
}

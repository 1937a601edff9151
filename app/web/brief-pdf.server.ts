import { z } from 'zod'
import { ApiProblem, problemResponse } from '#app/api/problem.ts'
import type { Answers } from '#app/engine/answers.ts'
import type { Brief } from '#app/engine/brief.ts'
import { type PdfOptions, renderPdf } from '#app/export/pdf.ts'
import { parseWithProblems } from '#app/lib/problems.ts'
import type { RenderJob } from './render-job.ts'
import { RETRY_AFTER_SECONDS, RenderBusyError, renderOffThread } from './render-pool.server.ts'

/**
 * The PDF downloads of a brief: query options checked at the boundary, the
 * render, and the response. `?pageSize=a4|letter&preparedBy=…&client=…`;
 * an empty value counts as not given.
 */

const NAME = z.string().trim().max(120, 'at most 120 characters')

export const PdfQuerySchema = z.object({
  pageSize: z.enum(['a4', 'letter', 'A4', 'LETTER']).optional(),
  preparedBy: NAME.optional(),
  client: NAME.optional(),
})

export type PdfQuery = Pick<PdfOptions, 'pageSize' | 'preparedBy' | 'client'>

/** The options in the query string, or a 400 problem+json Response naming each bad one. */
export function parsePdfQuery(request: Request, requestId?: string): PdfQuery | Response {
  const params = new URL(request.url).searchParams
  const raw = Object.fromEntries(
    (['pageSize', 'preparedBy', 'client'] as const)
      .map((key) => [key, params.get(key)] as const)
      .filter(([, value]) => value !== null && value.trim() !== ''),
  )
  const parsed = parseWithProblems(PdfQuerySchema, raw)
  if (!parsed.success) {
    return problemResponse(
      new ApiProblem('invalid-parameter', 'The PDF options in the query string are not valid.', parsed.problems),
      requestId,
    )
  }
  const { pageSize, preparedBy, client } = parsed.data
  return {
    pageSize: pageSize?.toLowerCase() === 'letter' ? 'LETTER' : 'A4',
    preparedBy: preparedBy || undefined,
    client: client || undefined,
  }
}

export async function pdfResponse(input: {
  brief: Brief
  answers: Answers
  options: PdfOptions
  filename: string
  cacheControl: string
  /** Names an immutable revision and its options: render in the worker pool and keep the result. */
  cacheKey?: string
}): Promise<Response> {
  let pdf: Uint8Array
  if (input.cacheKey) {
    const rendered = await renderedOffThread(input.cacheKey, () => ({ kind: 'pdf', ...input }))
    if (rendered instanceof Response) return rendered
    pdf = rendered
  } else {
    pdf = await renderPdf(input.brief, input.answers, input.options)
  }
  // A Node Buffer underneath, backed by an ArrayBuffer as BodyInit wants.
  return new Response(pdf as Uint8Array<ArrayBuffer>, {
    headers: {
      'Content-Type': 'application/pdf',
      'Content-Disposition': `attachment; filename="${input.filename}"`,
      'Content-Length': String(pdf.byteLength),
      'Cache-Control': input.cacheControl,
    },
  })
}

/**
 * A revision's file from the render pool (or its cache), or the 503 with
 * Retry-After to send when every worker is busy and the queue is full.
 */
export async function renderedOffThread(
  cacheKey: string,
  prepare: () => RenderJob | Promise<RenderJob>,
): Promise<Uint8Array | Response> {
  try {
    return await renderOffThread(cacheKey, prepare)
  } catch (error) {
    if (!(error instanceof RenderBusyError)) throw error
    return new Response(error.message, {
      status: 503,
      headers: {
        'Content-Type': 'text/plain; charset=utf-8',
        'Retry-After': String(RETRY_AFTER_SECONDS),
        'Cache-Control': 'no-store',
      },
    })
  }
}

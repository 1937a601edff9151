import type { LoaderFunctionArgs } from '@remix-run/node'
import { downloadName, loadRevision } from '#app/web/brief-page.server.ts'
import { parsePdfQuery, pdfResponse } from '#app/web/brief-pdf.server.ts'
import { guideBaseUrl } from '#app/web/public-url.server.ts'
import { requestIdOf } from '#app/web/request.server.ts'

/**
 * One revision as a PDF, dated the day the revision was made and numbered
 * with it, so the same revision always prints the same document.
 */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const query = parsePdfQuery(request, requestIdOf(context))
  if (query instanceof Response) return query
  const { briefId, revision, notes } = await loadRevision(request, context, params.id, params.n ?? '', {
    history: false,
  })
  return pdfResponse({
    brief: revision.brief,
    answers: revision.answers,
    options: {
      ...query,
      date: revision.createdAt.slice(0, 10),
      revision: revision.number,
      guideBaseUrl: guideBaseUrl(context),
      notes: notes.map((n) => ({ section: n.section, body: n.body })),
    },
    filename: `${downloadName(revision.title, revision.number)}.pdf`,
    // A revision never changes once written, but its notes can.
    cacheControl: 'private, no-cache',
    cacheKey: JSON.stringify([briefId, revision.number, query, new URL(request.url).origin, notes.map((n) => n.id)]),
  })
}

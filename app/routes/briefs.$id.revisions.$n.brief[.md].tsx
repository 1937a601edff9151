import type { LoaderFunctionArgs } from '@remix-run/node'
import { renderMarkdown } from '#app/export/markdown.ts'
import { downloadName, loadRevision } from '#app/web/brief-page.server.ts'
import { parsePdfQuery } from '#app/web/brief-pdf.server.ts'
import { guideBaseUrl } from '#app/web/public-url.server.ts'
import { requestIdOf } from '#app/web/request.server.ts'

/**
 * One revision as a Markdown file; guide links carry PUBLIC_URL so they work
 * outside the app, and `?preparedBy=…&client=…` put the names under the title.
 */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const query = parsePdfQuery(request, requestIdOf(context))
  if (query instanceof Response) return query
  const { revision, notes } = await loadRevision(request, context, params.id, params.n ?? '', { history: false })
  const options = {
    guideBaseUrl: guideBaseUrl(context),
    preparedBy: query.preparedBy,
    preparedFor: query.client,
    notes,
  }
  return new Response(renderMarkdown(revision.brief, revision.answers, options), {
    headers: {
      'Content-Type': 'text/markdown; charset=utf-8',
      'Content-Disposition': `attachment; filename="${downloadName(revision.title, revision.number)}.md"`,
      // A revision never changes once written, but its notes can.
      'Cache-Control': 'private, no-cache',
    },
  })
}

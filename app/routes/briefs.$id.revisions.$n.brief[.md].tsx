import type { LoaderFunctionArgs } from '@remix-run/node'
import { downloadName, loadRevision } from '~/components/saved-brief/brief-route.server'
import { renderMarkdown } from '~/export/markdown'
import { publicOrigin } from '~/web/load-context'

/** One revision as a Markdown file; guide links carry this site's address so they work outside it. */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { revision } = await loadRevision(request, params.id, params.n ?? '', { history: false })
  const origin = publicOrigin(context, request)
  return new Response(renderMarkdown(revision.brief, revision.answers, { guideBaseUrl: origin }), {
    headers: {
      'Content-Type': 'text/markdown; charset=utf-8',
      'Content-Disposition': `attachment; filename="${downloadName(revision.title, revision.number)}.md"`,
      // A revision never changes once written.
      'Cache-Control': 'private, max-age=3600',
    },
  })
}

import type { LoaderFunctionArgs } from '@remix-run/node'
import { renderDiffMarkdown } from '#app/export/diff-markdown.ts'
import { downloadName } from '#app/web/brief-page.server.ts'
import { loadComparison } from './briefs.$id.compare.server.ts'

/** /briefs/:id/compare.md?from=&to=: the comparison the page shows, as a Markdown file. */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const page = await loadComparison(request, context, params.id)
  if (page.kind === 'single') {
    return new Response('This brief has one revision, so there is nothing to compare yet.', {
      status: 404,
      headers: { 'Content-Type': 'text/plain; charset=utf-8' },
    })
  }
  const name = `${downloadName(page.title, page.from.number)}-to-r${page.to.number}`
  return new Response(renderDiffMarkdown(page.diff), {
    headers: {
      'Content-Type': 'text/markdown; charset=utf-8',
      'Content-Disposition': `attachment; filename="${name}.md"`,
      // Revisions never change, so a named pair always gives the same file; the default pair moves with the brief.
      'Cache-Control': pinned(request) ? 'private, max-age=3600' : 'no-store',
    },
  })
}

function pinned(request: Request): boolean {
  const params = new URL(request.url).searchParams
  return Boolean(params.get('from') && params.get('to'))
}

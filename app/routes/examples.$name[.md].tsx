import type { LoaderFunctionArgs } from '@remix-run/node'
import { renderMarkdown } from '#app/export/markdown.ts'
import { guideBaseUrl } from '#app/web/public-url.server.ts'
import { requireExample } from '#app/web/request.server.ts'

/** The example brief as a Markdown file to download. */
export async function loader({ params, context }: LoaderFunctionArgs) {
  const example = requireExample(params.name)
  return new Response(renderMarkdown(example.brief, example.answers, { guideBaseUrl: guideBaseUrl(context) }), {
    headers: {
      'Content-Type': 'text/markdown; charset=utf-8',
      'Content-Disposition': `attachment; filename="${example.name}.md"`,
      'Cache-Control': 'public, max-age=300',
    },
  })
}

import type { LoaderFunctionArgs } from '@remix-run/node'
import { renderMarkdown } from '#app/export/markdown.ts'
import { findExample } from '#app/services/examples.server.ts'
import { guideBaseUrl } from '#app/web/public-url.server.ts'

/** The example brief as a Markdown file to download. */
export async function loader({ params, context }: LoaderFunctionArgs) {
  const name = params.name ?? ''
  const example = findExample(name)
  if (!example) {
    return new Response(`There is no example brief called "${name}".\n`, {
      status: 404,
      headers: { 'Content-Type': 'text/plain; charset=utf-8' },
    })
  }
  return new Response(renderMarkdown(example.brief, example.answers, { guideBaseUrl: guideBaseUrl(context) }), {
    headers: {
      'Content-Type': 'text/markdown; charset=utf-8',
      'Content-Disposition': `attachment; filename="${example.name}.md"`,
      'Cache-Control': 'public, max-age=300',
    },
  })
}

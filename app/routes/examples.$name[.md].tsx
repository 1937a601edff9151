import type { LoaderFunctionArgs } from '@remix-run/node'
import { renderMarkdown } from '~/export/markdown'
import { findExample } from '~/services/examples.server'
import { guideBaseUrl } from '~/web/public-url.server'

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

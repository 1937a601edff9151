import type { LoaderFunctionArgs } from '@remix-run/node'
import { buildRadar, radarJson } from '#app/export/radar.ts'
import { findExample } from '#app/services/examples.server.ts'

/** The example as a "build your own radar" JSON file. */
export async function loader({ params }: LoaderFunctionArgs) {
  const name = params.name ?? ''
  const example = findExample(name)
  if (!example) {
    return new Response(`There is no example brief called "${name}".\n`, {
      status: 404,
      headers: { 'Content-Type': 'text/plain; charset=utf-8' },
    })
  }
  return new Response(radarJson(buildRadar(example.brief)), {
    headers: {
      'Content-Type': 'application/json; charset=utf-8',
      'Content-Disposition': `attachment; filename="${example.name}-radar.json"`,
      'Cache-Control': 'public, max-age=300',
    },
  })
}

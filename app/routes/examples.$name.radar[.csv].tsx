import type { LoaderFunctionArgs } from '@remix-run/node'
import { buildRadar } from '#app/export/radar.ts'
import { requireExample } from '#app/web/request.server.ts'
import { radarDownload } from '#app/web/revision-radar.server.ts'

/** The example as a "build your own radar" CSV. */
export async function loader({ params }: LoaderFunctionArgs) {
  const example = requireExample(params.name)
  return radarDownload(buildRadar(example.brief), 'csv', { name: example.name, cacheControl: 'public, max-age=300' })
}

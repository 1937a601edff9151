import type { LoaderFunctionArgs } from '@remix-run/node'
import { downloadName } from '#app/web/brief-page.server.ts'
import { loadRadar, radarDownload } from '#app/web/revision-radar.server.ts'

/** One revision as a "build your own radar" JSON file; isNew marks what the previous revision did not have. */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { revision, entries } = await loadRadar(request, context, params)
  return radarDownload(entries, 'json', {
    name: downloadName(revision.title, revision.number),
    cacheControl: 'private, max-age=3600',
  })
}

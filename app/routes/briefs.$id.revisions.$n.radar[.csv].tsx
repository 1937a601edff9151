import type { LoaderFunctionArgs } from '@remix-run/node'
import { radarCsv } from '#app/export/radar.ts'
import { downloadName } from '#app/web/brief-page.server.ts'
import { loadRadar } from '#app/web/revision-radar.server.ts'

/** One revision as a "build your own radar" CSV; isNew marks what the previous revision did not have. */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { revision, entries } = await loadRadar(request, context, params)
  return new Response(radarCsv(entries), {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${downloadName(revision.title, revision.number)}-radar.csv"`,
      'Cache-Control': 'private, max-age=3600',
    },
  })
}

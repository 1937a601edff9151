import type { AppLoadContext, LoaderFunctionArgs } from '@remix-run/node'
import { buildRadar, type RadarEntry, radarCsv, radarJson } from '#app/export/radar.ts'
import { getRevision } from '#app/services/briefs.server.ts'
import { getDb } from '#db/client.server.ts'
import { loadRevision } from './brief-page.server.ts'
import { workspaceFor } from './request.server.ts'

/** The revision's radar, compared with the revision before it (revision 1: everything is new). */
export async function loadRadar(
  request: Request,
  context: AppLoadContext | undefined,
  params: LoaderFunctionArgs['params'],
) {
  const { briefId, revision } = await loadRevision(request, context, params.id, params.n ?? '', { history: false })
  const before =
    revision.number > 1
      ? await getRevision(await getDb(), {
          workspaceId: await workspaceFor(context, 'brief:read'),
          briefId,
          number: revision.number - 1,
        })
      : null
  const entries = buildRadar(revision.brief, before ? { previous: buildRadar(before.brief) } : {})
  return { revision, entries }
}

const RADAR_FORMATS = {
  csv: { render: radarCsv, type: 'text/csv; charset=utf-8' },
  json: { render: radarJson, type: 'application/json; charset=utf-8' },
} as const

/** A radar as a download, `<name>-radar.csv` or `.json`: a revision's, or an example's. */
export function radarDownload(
  entries: readonly RadarEntry[],
  format: keyof typeof RADAR_FORMATS,
  { name, cacheControl }: { name: string; cacheControl: string },
): Response {
  const { render, type } = RADAR_FORMATS[format]
  return new Response(render(entries), {
    headers: {
      'Content-Type': type,
      'Content-Disposition': `attachment; filename="${name}-radar.${format}"`,
      'Cache-Control': cacheControl,
    },
  })
}

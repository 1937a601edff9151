import type { AppLoadContext, LoaderFunctionArgs } from '@remix-run/node'
import { buildRadar } from '#app/export/radar.ts'
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

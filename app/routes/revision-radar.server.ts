import type { AppLoadContext, LoaderFunctionArgs } from '@remix-run/node'
import { loadRevision } from '~/components/saved-brief/brief-route.server'
import { workspaceFor } from '~/components/wizard/draft-route.server'
import { buildRadar } from '~/export/radar'
import { getRevision } from '~/services/briefs.server'
import { getDb } from '../../db/client.server'

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

import type { LoaderFunctionArgs } from '@remix-run/node'
import { downloadName, loadRevision } from '~/components/saved-brief/brief-route.server'
import { workspaceOf } from '~/components/wizard/draft-route.server'
import { exportAdrHistory, type RevisionSnapshot } from '~/export/adr/history'
import { zipRecords } from '~/export/adr/zip'
import { getRevision } from '~/services/briefs.server'
import { publicUrl } from '~/web/public-url.server'
import { getDb } from '../../db/client.server'
import { parsePdfQuery, requestIdOf } from './brief-pdf.server'

/**
 * The decision records of a brief up to this revision, as a zip of
 * docs/decisions/: revision 1's records, then a new record for every choice a
 * later revision changed, superseding the one before it.
 */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  // `?client=…` names who decides, in each record's decision-makers.
  const query = parsePdfQuery(request, requestIdOf(context))
  if (query instanceof Response) return query
  const { briefId, revision } = await loadRevision(request, params.id, params.n ?? '')
  const db = await getDb()
  const snapshots: RevisionSnapshot[] = [snapshot(revision)]
  for (let number = 1; number < revision.number; number++) {
    const earlier = await getRevision(db, { workspaceId: workspaceOf(request), briefId, number })
    if (earlier) snapshots.push(snapshot(earlier))
  }
  const files = exportAdrHistory(snapshots, {
    briefId,
    guideBaseUrl: publicUrl(),
    deciders: query.client ? [query.client] : undefined,
  })
  return new Response(zipRecords(files, { date: snapshot(revision).date }), {
    headers: {
      'Content-Type': 'application/zip',
      'Content-Disposition': `attachment; filename="${downloadName(revision.title, revision.number)}-decisions.zip"`,
      // A revision never changes once written, and neither do the ones before it.
      'Cache-Control': 'private, max-age=3600',
    },
  })
}

function snapshot(r: {
  brief: RevisionSnapshot['brief']
  answers: RevisionSnapshot['answers']
  number: number
  createdAt: string
}) {
  return { brief: r.brief, answers: r.answers, revision: r.number, date: r.createdAt.slice(0, 10) }
}

import type { LoaderFunctionArgs } from '@remix-run/node'
import type { RevisionSnapshot } from '#app/export/adr/history.ts'
import { listRevisionsForDecisionRecords } from '#app/services/briefs.server.ts'
import { downloadName, loadRevision } from '#app/web/brief-page.server.ts'
import { parsePdfQuery, renderedOffThread } from '#app/web/brief-pdf.server.ts'
import { guideBaseUrl } from '#app/web/public-url.server.ts'
import { requestIdOf, workspaceFor } from '#app/web/request.server.ts'
import { getDb } from '#db/client.server.ts'

/**
 * The decision records of a brief up to this revision, as a zip of
 * docs/decisions/: revision 1's records, then a new record for every choice a
 * later revision changed, superseding the one before it. Reads revision 1,
 * the revisions where a choice changed and this one in one query, whatever
 * the history's length; built in the render pool and kept, since the revisions never change.
 * The notes that hold at this revision sit beside the records in notes.md.
 */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  // `?client=…` names who decides, in each record's decision-makers.
  const query = parsePdfQuery(request, requestIdOf(context))
  if (query instanceof Response) return query
  const { briefId, revision, notes } = await loadRevision(request, context, params.id, params.n ?? '', {
    history: false,
  })
  const baseUrl = guideBaseUrl(context)
  const noteIds = notes.map((n) => n.id)
  const key = JSON.stringify(['adr_zip', briefId, revision.number, query.client ?? null, baseUrl ?? null, noteIds])
  const zip = await renderedOffThread(key, async () => {
    const db = await getDb()
    // Only the revisions where a recorded choice changed write records; the others leave the folder as it was.
    const revisions = await listRevisionsForDecisionRecords(db, {
      workspaceId: await workspaceFor(context, 'brief:read'),
      briefId,
      upTo: revision.number,
    })
    const snapshots: RevisionSnapshot[] = revisions.map(snapshot)
    return {
      kind: 'adr_zip',
      snapshots,
      options: { briefId, guideBaseUrl: baseUrl, deciders: query.client ? [query.client] : undefined },
      date: snapshot(revision).date,
      notes: { revision: revision.number, items: notes.map((n) => ({ section: n.section, body: n.body })) },
    }
  })
  if (zip instanceof Response) return zip
  return new Response(zip as Uint8Array<ArrayBuffer>, {
    headers: {
      'Content-Type': 'application/zip',
      'Content-Disposition': `attachment; filename="${downloadName(revision.title, revision.number)}-decisions.zip"`,
      // A revision never changes once written, nor do the ones before it, but the notes beside them can.
      'Cache-Control': 'private, no-cache',
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

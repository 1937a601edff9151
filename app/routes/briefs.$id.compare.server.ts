import type { AppLoadContext } from '@remix-run/node'
import { listRevisions, type RevisionSummary } from '#app/services/briefs.server.ts'
import { compareRevisions, type RevisionComparison } from '#app/services/compare.server.ts'
import { briefNotFound, notFound, parseRevisionNumber, workspaceFor } from '#app/web/request.server.ts'
import { getDb } from '#db/client.server.ts'

/** /briefs/:id/compare?from=&to=: the latest two revisions by default; anything unknown is a 404. */

export type ComparePageData =
  | { kind: 'single'; briefId: string; title: string; revisions: RevisionSummary[] }
  | ({ kind: 'compared'; title: string; revisions: RevisionSummary[] } & Omit<RevisionComparison, 'status'>)

/** Revisions offered in each picker, newest first. */
export const PICKER_REVISIONS = 100

export async function loadComparison(
  request: Request,
  context: AppLoadContext | undefined,
  briefId: string | undefined,
): Promise<ComparePageData> {
  const db = await getDb()
  const workspaceId = await workspaceFor(context, 'brief:read')
  const id = briefId ?? ''
  // The pickers offer the newest revisions; older ones are reached by number in the address.
  const page = id ? await listRevisions(db, { workspaceId, briefId: id, limit: PICKER_REVISIONS }) : null
  if (!page || page.items.length === 0) throw briefNotFound(id)
  const revisions = page.items
  const head = page.headRevision
  const title = revisions[0].title
  const params = new URL(request.url).searchParams
  const from = revisionParam(params.get('from'), head)
  const to = revisionParam(params.get('to'), head)
  if (head === 1) return { kind: 'single', briefId: id, title, revisions }
  const result = await compareRevisions(db, { workspaceId, briefId: id, from, to })
  if (result.status === 'no_brief') throw briefNotFound(id)
  if (result.status === 'no_revision') {
    throw notFound(`This brief has no revision ${result.number}. Its revisions are numbered 1 to ${result.head}.`)
  }
  const { status: _, ...comparison } = result
  return { kind: 'compared', title, revisions, ...comparison }
}

/** An empty or missing parameter means the default; anything but a revision number is a 404. */
function revisionParam(value: string | null, head: number): number | undefined {
  if (value === null || value === '') return undefined
  const number = parseRevisionNumber(value)
  if (number === null) {
    throw notFound(`“${value.slice(0, 40)}” is not a revision number. This brief has revisions 1 to ${head}.`)
  }
  return number
}

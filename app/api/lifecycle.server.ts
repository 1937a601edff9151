import { deleteBrief, getBrief } from '#app/services/briefs.server.ts'
import { DELETED_GRACE_DAYS, restoreBrief } from '#app/services/deletion.server.ts'
import { exportWorkspace } from '#app/services/transfer/export.server.ts'
import { getDb } from '#db/client.server.ts'
import { requireBriefId } from './briefs.server.ts'
import { type Handler, json } from './endpoint.server.ts'
import { briefNotFound, notFound } from './problem.ts'

/** Deleting and restoring briefs through the API, and taking a workspace's data out. */

export const deleteBriefHandler: Handler = async ({ params, workspaceId }) => {
  const briefId = requireBriefId(params.id)
  if (!(await deleteBrief(await getDb(), { workspaceId, briefId }))) throw briefNotFound(briefId)
  return new Response(null, { status: 204, headers: { 'Cache-Control': 'no-store' } })
}

export const restoreBriefHandler: Handler = async ({ params, workspaceId }) => {
  const briefId = requireBriefId(params.id)
  const db = await getDb()
  if (!(await restoreBrief(db, { workspaceId, briefId }))) {
    throw notFound(
      `There is no brief ${briefId} deleted in the last ${DELETED_GRACE_DAYS} days: it was never deleted, was restored already, or has been removed for good.`,
    )
  }
  const found = await getBrief(db, { workspaceId, briefId })
  if (!found) throw briefNotFound(briefId)
  return json(found)
}

export const exportHandler: Handler = async ({ request, workspaceId, logger }) => {
  const day = new Date().toISOString().slice(0, 10)
  const headers = {
    'Content-Type': 'application/zip',
    'Content-Disposition': `attachment; filename="stackbrief-export-${day}.zip"`,
    'Cache-Control': 'no-store',
  }
  // HEAD says what a GET would send without reading the workspace.
  if (request.method === 'HEAD') return new Response(null, { status: 200, headers })
  const { stream, done } = exportWorkspace(await getDb(), { workspaceId })
  done.catch((error: unknown) => logger.error({ err: error }, 'export failed'))
  return new Response(stream, { status: 200, headers })
}

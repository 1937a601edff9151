import type { AppLoadContext } from '@remix-run/node'
import { data, redirect } from '@remix-run/node'
import { z } from 'zod'
import { BRIEF_ID_PATTERN, deleteBrief, getBrief } from '#app/services/briefs.server.ts'
import {
  DELETED_GRACE_DAYS,
  type DeletedBrief,
  listDeletedBriefs,
  restoreBrief,
} from '#app/services/deletion.server.ts'
import { readForm } from '#app/web/form-body.server.ts'
import { briefNotFound, workspaceFor } from '#app/web/request.server.ts'
import { getDb } from '#db/client.server.ts'

/** Deleting a brief from its page, and the "Recently deleted" list it can be restored from. */

export interface DeletePageData {
  briefId: string
  title: string
  headRevision: number
  graceDays: number
}

async function requireLiveBrief(_request: Request, context: AppLoadContext | undefined, briefId: string | undefined) {
  const db = await getDb()
  const workspaceId = await workspaceFor(context, 'brief:delete')
  const id = briefId ?? ''
  const found = BRIEF_ID_PATTERN.test(id) ? await getBrief(db, { workspaceId, briefId: id }) : null
  if (!found) throw briefNotFound(id)
  return { db, workspaceId, brief: found }
}

export async function loadDeletePage(
  request: Request,
  context: AppLoadContext | undefined,
  briefId: string | undefined,
): Promise<DeletePageData> {
  const { brief } = await requireLiveBrief(request, context, briefId)
  return { briefId: brief.id, title: brief.title, headRevision: brief.headRevision, graceDays: DELETED_GRACE_DAYS }
}

/** Deletes, then shows the list it can be restored from; a brief already gone is a 404. */
export async function deleteFromForm(
  request: Request,
  context: AppLoadContext | undefined,
  briefId: string | undefined,
): Promise<Response> {
  const { db, workspaceId, brief } = await requireLiveBrief(request, context, briefId)
  if (!(await deleteBrief(db, { workspaceId, briefId: brief.id }))) {
    throw briefNotFound(brief.id)
  }
  return redirect(`/deleted?deleted=${encodeURIComponent(brief.id)}`, 303)
}

export interface DeletedPageData {
  items: DeletedBrief[]
  graceDays: number
  /** The brief just deleted, to name it at the top. */
  justDeleted: DeletedBrief | null
}

export async function loadDeletedPage(request: Request, context: AppLoadContext | undefined): Promise<DeletedPageData> {
  const db = await getDb()
  const items = await listDeletedBriefs(db, { workspaceId: await workspaceFor(context, 'brief:delete') })
  const deleted = new URL(request.url).searchParams.get('deleted')
  return { items, graceDays: DELETED_GRACE_DAYS, justDeleted: items.find((b) => b.id === deleted) ?? null }
}

const RestoreFormSchema = z.object({ intent: z.literal('restore'), briefId: z.string().regex(BRIEF_ID_PATTERN) })

/** Restores the brief the form names and opens it; anything else is answered on the list page. */
export async function restoreFromForm(request: Request, context: AppLoadContext | undefined) {
  // Refused before the form is read, as every page's action is.
  const workspaceId = await workspaceFor(context, 'brief:delete')
  const form = await readForm(request)
  const parsed = RestoreFormSchema.safeParse({ intent: form.get('intent'), briefId: form.get('briefId') })
  if (!parsed.success) {
    return data({ error: 'The form did not name a brief to restore. Reload the page and try again.' }, { status: 400 })
  }
  const db = await getDb()
  const restored = await restoreBrief(db, {
    workspaceId,
    briefId: parsed.data.briefId,
  })
  if (!restored) {
    return data(
      {
        error: `That brief is no longer in Recently deleted: it was restored already, or its ${DELETED_GRACE_DAYS} days are over.`,
      },
      { status: 409 },
    )
  }
  return redirect(`/briefs/${parsed.data.briefId}`, 303)
}

import type { AppLoadContext } from '@remix-run/node'
import { data, redirect } from '@remix-run/node'
import type { NoteFormState } from '#app/components/saved-brief/notes-panel.tsx'
import { addNote, NoteSchema, removeNote } from '#app/services/notes.server.ts'
import { noBriefMessage } from '#app/services/support/errors.server.ts'
import { getDb } from '#db/client.server.ts'
import { loadRevision } from './brief-page.server.ts'
import { briefNotFound, notFound, workspaceFor } from './request.server.ts'

/**
 * The brief page's note forms. Adding: the note from this revision on, or a
 * 422 with a message at each field and what was typed kept. Removing: the
 * note hidden from this revision on. Needs what "Edit answers" needs.
 */
export async function noteAddAction(
  request: Request,
  context: AppLoadContext | undefined,
  params: { id?: string; n?: string },
  form: FormData,
) {
  const { briefId, revision } = await loadRevision(request, context, params.id, params.n, { history: false })
  const values = {
    section: String(form.get('section') ?? '').slice(0, 60),
    body: String(form.get('body') ?? '').slice(0, 8000),
  }
  const parsed = NoteSchema.safeParse(values)
  if (!parsed.success) {
    const errors: NoteFormState['errors'] = {}
    for (const issue of parsed.error.issues) {
      const field = issue.path[0] as 'section' | 'body'
      errors[field] ??= issue.message
    }
    return data({ note: { values, errors } satisfies NoteFormState }, { status: 422 })
  }
  const added = await addNote(await getDb(), {
    workspaceId: await workspaceFor(context, 'brief:revise'),
    briefId,
    revision: revision.number,
    note: parsed.data,
  })
  if (!added) throw briefNotFound(briefId)
  return redirect(`${new URL(request.url).pathname}#notes`)
}

export async function noteRemoveAction(
  request: Request,
  context: AppLoadContext | undefined,
  params: { id?: string; n?: string },
  form: FormData,
) {
  const { briefId, revision } = await loadRevision(request, context, params.id, params.n, { history: false })
  const noteId = String(form.get('noteId') ?? '').slice(0, 40)
  const removed = await removeNote(await getDb(), {
    workspaceId: await workspaceFor(context, 'brief:revise'),
    briefId,
    revision: revision.number,
    noteId,
  })
  if (!removed) throw notFound('There is no such note on this revision.')
  return redirect(`${new URL(request.url).pathname}#notes`)
}

import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import { BriefErrorBoundary } from '#app/components/saved-brief/brief-error.tsx'
import { EXPORT_OPTIONS_INTENT } from '#app/components/saved-brief/export-options-form.tsx'
import { NOTE_ADD_INTENT, NOTE_REMOVE_INTENT } from '#app/components/saved-brief/notes-panel.tsx'
import { OVERRIDE_INTENT } from '#app/components/saved-brief/override-form.tsx'
import { SavedBriefPage } from '#app/components/saved-brief/saved-brief-page.tsx'
import { loadRevision, requireRevisableBrief, revisionPageView } from '#app/web/brief-page.server.ts'
import { briefPermissions } from '#app/web/brief-permissions.server.ts'
import { exportOptionsAction, formIntent } from '#app/web/export-options-action.server.ts'
import { pageError } from '#app/web/form-body.server.ts'
import { noteAddAction, noteRemoveAction } from '#app/web/notes-actions.server.ts'
import { overrideAction, overridePanel } from '#app/web/override-action.server.ts'

/** /briefs/:id/revisions/:n: one revision of a saved brief, at its own address for good. */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const page = await loadRevision(request, context, params.id, params.n ?? '')
  const can = await briefPermissions(context)
  return {
    ...revisionPageView(page, request, context, { overridable: can.revise }),
    can,
    overridePanel: can.revise ? overridePanel(request, page.revision.brief) : null,
  }
}

/** The export options form, which every revision's page shows, and the override form a decision's link opens. */
export async function action({ request, params, context }: ActionFunctionArgs) {
  await requireRevisableBrief(context, params.id)
  const { intent, form } = await formIntent(request)
  if (intent === OVERRIDE_INTENT) return overrideAction(request, context, params, form)
  if (intent === NOTE_ADD_INTENT) return noteAddAction(request, context, params, form)
  if (intent === NOTE_REMOVE_INTENT) return noteRemoveAction(request, context, params, form)
  if (intent !== EXPORT_OPTIONS_INTENT) {
    throw pageError(
      400,
      'Bad Request',
      `This page has no form called “${intent.slice(0, 40)}”. Reload it and try again.`,
    )
  }
  return exportOptionsAction(request, context, params.id, form)
}

export const meta: MetaFunction<typeof loader> = ({ data }) =>
  data
    ? [
        { title: `${data.revision.brief.title}, revision ${data.revision.number} · stackbrief` },
        { name: 'description', content: data.revision.brief.summary.slice(0, 200) },
        { name: 'robots', content: 'noindex' },
      ]
    : [{ title: 'Revision not found · stackbrief' }]

export default function Revision() {
  const actionData = useActionData<typeof action>()
  return (
    <SavedBriefPage
      {...useLoaderData<typeof loader>()}
      exportOptionsForm={actionData && 'exportOptions' in actionData ? actionData.exportOptions : null}
      overrideForm={actionData && 'override' in actionData ? actionData.override : null}
      noteForm={actionData && 'note' in actionData ? actionData.note : null}
    />
  )
}

export const ErrorBoundary = BriefErrorBoundary

import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import { BriefErrorBoundary } from '~/components/saved-brief/brief-error'
import { loadRevision, requireRevisableBrief, revisionPageView } from '~/components/saved-brief/brief-route.server'
import { exportOptionsAction, formIntent } from '~/components/saved-brief/export-options.server'
import { EXPORT_OPTIONS_INTENT } from '~/components/saved-brief/export-options-form'
import { noteAddAction, noteRemoveAction } from '~/components/saved-brief/notes.server'
import { NOTE_ADD_INTENT, NOTE_REMOVE_INTENT } from '~/components/saved-brief/notes-panel'
import { overrideAction, overridePanel } from '~/components/saved-brief/override.server'
import { OVERRIDE_INTENT } from '~/components/saved-brief/override-form'
import { SavedBriefPage } from '~/components/saved-brief/saved-brief-page'
import { pageError } from '~/web/form-body.server'

/** /briefs/:id/revisions/:n: one revision of a saved brief, at its own address for good. */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const page = await loadRevision(request, context, params.id, params.n ?? '')
  return { ...revisionPageView(page, request, context), overridePanel: overridePanel(request, page.revision.brief) }
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

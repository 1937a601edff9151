import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import { BriefErrorBoundary } from '#app/components/saved-brief/brief-error.tsx'
import { EXPORT_OPTIONS_INTENT } from '#app/components/saved-brief/export-options-form.tsx'
import { NOTE_ADD_INTENT, NOTE_REMOVE_INTENT } from '#app/components/saved-brief/notes-panel.tsx'
import { OVERRIDE_INTENT } from '#app/components/saved-brief/override-form.tsx'
import { SavedBriefPage } from '#app/components/saved-brief/saved-brief-page.tsx'
import { SHARE_CREATE_INTENT, SHARE_REVOKE_INTENT } from '#app/components/saved-brief/share-panel.tsx'
import { loadRevision, requireRevisableBrief, revisionPageView } from '#app/web/brief-page.server.ts'
import { briefPermissions } from '#app/web/brief-permissions.server.ts'
import { exportOptionsAction, formIntent } from '#app/web/export-options-action.server.ts'
import { noteAddAction, noteRemoveAction } from '#app/web/notes-actions.server.ts'
import { overrideAction, overridePanel } from '#app/web/override-action.server.ts'
import { loadSharePanel, shareCreateAction, shareRevokeAction } from '#app/web/share-actions.server.ts'
import { loadRevisit, reviewByAction } from './briefs.$id.server.ts'

/** /briefs/:id: a saved brief at its latest revision, with what the newest check-in says about its triggers. */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const page = await loadRevision(request, context, params.id, undefined)
  const can = await briefPermissions(context)
  return {
    ...revisionPageView(page, request, context, { overridable: can.revise }),
    can,
    overridePanel: can.revise ? overridePanel(request, page.revision.brief) : null,
    revisit: await loadRevisit(context, page.revision),
    share: await loadSharePanel(request, context, page.briefId, page.headRevision),
  }
}

/** The review date, export options, override, note and share link forms; check-ins and tokens have their own addresses. */
export async function action({ request, params, context }: ActionFunctionArgs) {
  await requireRevisableBrief(context, params.id)
  const { intent, form } = await formIntent(request)
  if (intent === OVERRIDE_INTENT) return overrideAction(request, context, { id: params.id }, form)
  if (intent === NOTE_ADD_INTENT) return noteAddAction(request, context, { id: params.id }, form)
  if (intent === NOTE_REMOVE_INTENT) return noteRemoveAction(request, context, { id: params.id }, form)
  if (intent === SHARE_CREATE_INTENT) return shareCreateAction(request, context, params.id, form)
  if (intent === SHARE_REVOKE_INTENT) return shareRevokeAction(request, context, params.id, form)
  if (intent === EXPORT_OPTIONS_INTENT) return exportOptionsAction(request, context, params.id, form)
  return reviewByAction(request, context, params.id)
}

export const meta: MetaFunction<typeof loader> = ({ data }) =>
  data
    ? [
        { title: `${data.revision.brief.title}: architecture brief · stackbrief` },
        { name: 'description', content: data.revision.brief.summary.slice(0, 200) },
        { name: 'robots', content: 'noindex' },
      ]
    : [{ title: 'Brief not found · stackbrief' }]

export default function LatestRevision() {
  const { revisit, ...page } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  return (
    <SavedBriefPage
      {...page}
      revisit={{ ...revisit, reviewByForm: actionData && 'reviewBy' in actionData ? actionData.reviewBy : null }}
      exportOptionsForm={actionData && 'exportOptions' in actionData ? actionData.exportOptions : null}
      overrideForm={actionData && 'override' in actionData ? actionData.override : null}
      noteForm={actionData && 'note' in actionData ? actionData.note : null}
      shareForm={actionData && 'share' in actionData ? actionData.share : null}
    />
  )
}

export const ErrorBoundary = BriefErrorBoundary

import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction, redirect } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { useEffect, useRef } from 'react'
import { useHydrated } from '#app/components/client-only.tsx'
import { CheckinUpdateNotes } from '#app/components/revisit/checkin-update-notes.tsx'
import { DraftErrorBoundary } from '#app/components/wizard/draft-error.tsx'
import { ReviewList } from '#app/components/wizard/review.tsx'
import { WizardPage } from '#app/components/wizard/wizard-page.tsx'
import { describeProblems, reviewSections } from '#app/questionnaire/review-data.ts'
import { isOptionalSection } from '#app/questionnaire/steps.ts'
import { generateFromDraft } from '#app/services/drafts.server.ts'
import { QuotaExceededError } from '#app/services/quotas.server.ts'
import { afterRevision, checkinUpdateFor } from '#app/web/checkin-draft.server.ts'
import { checkDraft, draftNotFound, requireDraft } from '#app/web/draft-request.server.ts'
import { pageError } from '#app/web/form-body.server.ts'
import { notFound, workspaceFor } from '#app/web/request.server.ts'
import { getDb } from '#db/client.server.ts'

/** The last step: every answer in words, and the button that turns the draft into a brief. */

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { draft } = await requireDraft(context, params.id)
  const { checks, completed } = checkDraft(draft)
  // Ready when every required step is complete; an optional one may be left out.
  const ready = checks.every((c) => c.status === 'complete' || (c.status === 'missing' && isOptionalSection(c.section)))
  return data(
    {
      draftId: draft.id,
      sections: reviewSections(draft.id, checks, draft.answers),
      completed: ready ? [...completed, 'review' as const] : completed,
      revising: draft.briefId
        ? { briefId: draft.briefId, title: String(draft.answers.product?.name ?? 'a brief') }
        : null,
      fromCheckin: await checkinUpdateFor(request, context, draft),
    },
    { headers: { 'Cache-Control': 'no-store' } },
  )
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const db = await getDb()
  // A draft is a brief being written: generating one needs the right to create briefs.
  const workspaceId = await workspaceFor(context, 'brief:create')
  const draftId = params.id ?? ''
  const result = await generateFromDraft(db, { workspaceId, draftId }).catch((error: unknown) => {
    if (error instanceof QuotaExceededError) throw pageError(409, 'Conflict', error.message)
    throw error
  })
  switch (result.status) {
    case 'no_draft':
      throw draftNotFound()
    case 'invalid':
      return data({ problems: describeProblems(draftId, result.problems) }, { status: 400 })
    case 'no_brief':
      throw notFound('The brief this draft was revising no longer exists, so no revision was made.')
    case 'generated': {
      const briefPath = `/briefs/${encodeURIComponent(result.briefId)}`
      if (!result.revised) return redirect(briefPath)
      return redirect(
        afterRevision(request, result.briefId, result.revision) ?? `${briefPath}/revisions/${result.revision}`,
      )
    }
  }
}

export const meta: MetaFunction<typeof loader> = ({ data: loaded }) => [
  { title: loaded ? 'Review your answers · New brief · stackbrief' : 'Draft not found · stackbrief' },
  { name: 'robots', content: 'noindex' },
]

export default function DraftReview() {
  const { draftId, sections, completed, revising, fromCheckin } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const hydrated = useHydrated()
  const navigation = useNavigation()
  const busy = navigation.state !== 'idle' && navigation.formMethod === 'POST'
  const problems = actionData?.problems ?? []
  const summary = useRef<HTMLDivElement>(null)
  useEffect(() => {
    if (actionData?.problems.length) summary.current?.focus()
  }, [actionData])
  return (
    <WizardPage draftId={draftId} step="review" completed={completed} revising={revising}>
      {problems.length > 0 ? (
        <div
          className="error-summary"
          role="alert"
          aria-labelledby="generate-problems"
          tabIndex={-1}
          // biome-ignore lint/a11y/noAutofocus: without scripts, the server's answer to Generate opens on the list of what to fix
          autoFocus={!hydrated}
          ref={summary}
        >
          <h2 id="generate-problems" className="error-summary__title">
            The brief cannot be generated yet
          </h2>
          <p>Fix these answers, then come back here:</p>
          <ul>
            {problems.map((p) => (
              <li key={`${p.href}-${p.message}`}>
                <Link to={p.href}>{p.label}</Link> {p.message}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {fromCheckin ? <CheckinUpdateNotes update={fromCheckin} /> : null}
      <ReviewList sections={sections} />
      <Form method="post" className="generate">
        <p className="note">
          {revising
            ? 'Generating adds a new revision to the brief. Earlier revisions stay as they were.'
            : 'Generating saves the brief in your workspace. You can change the answers later; each change becomes a new revision.'}
        </p>
        <button type="submit" className="button button--large" disabled={busy}>
          {busy ? 'Generating…' : revising ? 'Generate the new revision' : 'Generate the brief'}
        </button>
      </Form>
    </WizardPage>
  )
}

export const ErrorBoundary = DraftErrorBoundary

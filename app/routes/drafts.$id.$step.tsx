import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction, redirect } from '@remix-run/node'
import { type ShouldRevalidateFunction, useActionData, useLoaderData } from '@remix-run/react'
import { DraftErrorBoundary } from '#app/components/wizard/draft-error.tsx'
import { StepForm, VALIDATE_INTENT } from '#app/components/wizard/step-form.tsx'
import { WizardPage } from '#app/components/wizard/wizard-page.tsx'
import { questionViews } from '#app/questionnaire/questions.ts'
import { documentedDefaults, parseStep } from '#app/questionnaire/schemas.ts'
import { isSection, nextStep, previousStep, type Section, STEP_INFO, stepPath } from '#app/questionnaire/steps.ts'
import { saveDraftSection } from '#app/services/drafts.server.ts'
import { checkDraft, requireDraft } from '#app/web/draft-request.server.ts'
import { readForm } from '#app/web/form-body.server.ts'
import { notFound } from '#app/web/request.server.ts'

/** One questionnaire step: /drafts/:id/product … /drafts/:id/budget, and the optional /ai and /operations. */

function requireSection(step: string | undefined): Section {
  if (!isSection(step)) {
    throw notFound(
      `There is no step called “${step}”. The steps are product, team, load, data, compliance, budget and review, with ai and operations as optional ones.`,
    )
  }
  return step
}

export async function loader({ params, context }: LoaderFunctionArgs) {
  const section = requireSection(params.step)
  const { draft } = await requireDraft(context, params.id)
  const { completed } = checkDraft(draft)
  return data(
    {
      draftId: draft.id,
      section,
      questions: questionViews(section),
      values: draft.answers[section] ?? documentedDefaults(section),
      completed,
      revising: draft.briefId
        ? { briefId: draft.briefId, title: String(draft.answers.product?.name ?? 'a brief') }
        : null,
    },
    { headers: { 'Cache-Control': 'no-store' } },
  )
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const section = requireSection(params.step)
  const { db, workspaceId, draft } = await requireDraft(context, params.id)
  const { submission, values } = parseStep(section, await readForm(request))
  const valid = submission.status === 'success'
  // What was typed is kept even when it is wrong, so leaving the page loses nothing.
  await saveDraftSection(db, {
    workspaceId,
    draftId: draft.id,
    section,
    values,
    reached: valid ? nextStep(section) : section,
  })
  if (valid) return redirect(stepPath(draft.id, nextStep(section)))
  // A failed submit is a 400; Conform asking about one field as the founder leaves it is an ordinary answer.
  return data({ result: submission.reply() }, { status: submission.status === 'error' ? 400 : 200 })
}

/** Checking one answer changes nothing the loader reads that the page does not already show. */
export const shouldRevalidate: ShouldRevalidateFunction = ({ formData, defaultShouldRevalidate }) =>
  formData?.has(VALIDATE_INTENT) ? false : defaultShouldRevalidate

export const meta: MetaFunction<typeof loader> = ({ data: loaded }) => [
  { title: loaded ? `${STEP_INFO[loaded.section].title} · New brief · stackbrief` : 'Draft not found · stackbrief' },
  { name: 'robots', content: 'noindex' },
]

export default function DraftStep() {
  const { draftId, section, questions, values, completed, revising } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const previous = previousStep(section)
  return (
    <WizardPage draftId={draftId} step={section} completed={completed} revising={revising}>
      <StepForm
        key={section}
        section={section}
        questions={questions}
        defaultValue={values}
        lastResult={actionData?.result}
        backTo={previous ? stepPath(draftId, previous) : null}
        submitLabel={nextStep(section) === 'review' ? 'Save and review' : 'Save and continue'}
      />
    </WizardPage>
  )
}

export const ErrorBoundary = DraftErrorBoundary

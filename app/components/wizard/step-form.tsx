import { getFormProps, type SubmissionResult, useForm } from '@conform-to/react'
import { Form, Link, useNavigation } from '@remix-run/react'
import { type ChangeEvent, useState } from 'react'
import { useHydrated } from '#app/components/client-only.tsx'
import type { QuestionView } from '#app/questionnaire/questions.ts'
import type { FormValues } from '#app/questionnaire/schemas.ts'
import type { Section } from '#app/questionnaire/steps.ts'
import { QuestionField } from './question-field.tsx'

/** The form entry Conform adds to a submission that only asks for one field to be checked. */
export const VALIDATE_INTENT = '__intent__'

/**
 * One step's form. Without scripts it is a plain POST that the server answers
 * with the next step, or with this one again: errors shown, values kept,
 * focus on the first wrong answer. With scripts Conform asks the server to
 * check an answer when the founder leaves it (and on every change once it
 * was wrong), with the step's one schema, and moves focus to the first error
 * of a failed submit. The schema stays on the server: zod would more than
 * double the script a step needs.
 */
export function StepForm({
  section,
  questions,
  defaultValue,
  lastResult,
  backTo,
  submitLabel,
}: {
  section: Section
  questions: readonly QuestionView[]
  defaultValue: FormValues
  lastResult?: SubmissionResult<string[]> | null
  backTo: string | null
  submitLabel: string
}) {
  const [form, fields] = useForm<FormValues>({
    id: `step-${section}`,
    lastResult,
    defaultValue,
    shouldValidate: 'onBlur',
    shouldRevalidate: 'onInput',
  })
  const hydrated = useHydrated()
  const navigation = useNavigation()
  const submitting = navigation.state !== 'idle' && navigation.formMethod === 'POST'
  const busy = submitting && !navigation.formData?.has(VALIDATE_INTENT)
  const initial = (lastResult?.initialValue ?? defaultValue) as Record<string, unknown>
  const [kinds, setKinds] = useState<string[]>(() => [initial.kinds ?? []].flat().map(String))

  // Without scripts the server's answer is a fresh page: focus lands on the first wrong answer by autoFocus.
  const serverErrors = lastResult?.status === 'error' ? (lastResult.error ?? {}) : {}
  const firstInvalid = questions.find((q) => serverErrors[q.name]?.length)?.name
  const errorList = questions.filter((q) => fields[q.name].errors?.length)

  const onKindsChange = (event: ChangeEvent<HTMLFieldSetElement>) => {
    const formElement = event.currentTarget.form
    if (formElement) setKinds(new FormData(formElement).getAll('kinds').map(String))
  }

  return (
    <Form method="post" {...getFormProps(form)} className="step-form" preventScrollReset>
      {form.status === 'error' && errorList.length > 0 ? (
        <div className="error-summary" role="alert" aria-labelledby={`${form.id}-problems`}>
          <h2 id={`${form.id}-problems`} className="error-summary__title">
            {errorList.length === 1 ? 'One answer needs a change' : `${errorList.length} answers need a change`}
          </h2>
          <ul>
            {errorList.map((q) => (
              <li key={q.name}>
                <a href={`#${firstControlId(fields[q.name].id, q.options)}`}>{q.label}</a>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {questions.map((question) => (
        <QuestionField
          key={question.name}
          question={question}
          field={fields[question.name]}
          hidden={hydrated && question.onlyWith !== undefined && !kinds.includes(question.onlyWith.kind)}
          showOnlyWithNote={!hydrated}
          autoFocus={!hydrated && firstInvalid === question.name}
          onChange={question.name === 'kinds' ? onKindsChange : undefined}
        />
      ))}
      <div className="step-actions">
        <button type="submit" className="button" disabled={busy}>
          {busy ? 'Saving…' : submitLabel}
        </button>
        {backTo ? (
          <Link to={backTo} className="button button--quiet">
            Back
          </Link>
        ) : null}
      </div>
    </Form>
  )
}

/** The element a link to a question should land on: its box, or the first of its choices. */
function firstControlId(fieldId: string, options: QuestionView['options']): string {
  return options?.length ? `${fieldId}-${options[0].value}` : fieldId
}

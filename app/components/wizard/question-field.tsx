import { type FieldMetadata, getCollectionProps, getInputProps, getTextareaProps } from '@conform-to/react'
import type { ChangeEvent } from 'react'
import type { QuestionView } from '#app/questionnaire/questions.ts'

/**
 * One question: its label (a legend for a set of choices), a hint, the error,
 * the control, and a line on why it is asked with the guide behind it. Hint,
 * why and error are tied to the control with aria-describedby.
 *
 * FIRST_ERROR_FOCUS: `autoFocus` is set only on the first wrong answer of a
 * page the server sent back after a failed submit without scripts, so focus
 * lands where the founder has to act, as Conform does when scripts run.
 */
export function QuestionField({
  question,
  field,
  hidden = false,
  showOnlyWithNote = false,
  autoFocus = false,
  onChange,
}: {
  question: QuestionView
  field: FieldMetadata<unknown>
  /** Scripts are on and the field does not apply to the current answers. */
  hidden?: boolean
  /** Scripts are off: a conditional field always shows, with a note saying when it counts. */
  showOnlyWithNote?: boolean
  /** Set on the first invalid field when the page is the server's answer to a failed submit. */
  autoFocus?: boolean
  onChange?: (event: ChangeEvent<HTMLFieldSetElement>) => void
}) {
  const base = `q-${question.name}`
  const hintId = question.hint ? `${base}-hint` : undefined
  const noteId = question.onlyWith && showOnlyWithNote ? `${base}-note` : undefined
  const unitId = question.unit ? `${base}-unit` : undefined
  const whyId = `${base}-why`
  const describedBy = [noteId, hintId, unitId, whyId].filter(Boolean).join(' ')
  const invalid = Boolean(field.errors?.length)

  const heading = (
    <>
      {question.label}
      {question.optional ? <span className="question__optional"> (optional)</span> : null}
    </>
  )
  const note = noteId ? (
    <p id={noteId} className="question__note">
      {question.onlyWith?.note} Ignored otherwise.
    </p>
  ) : null
  const hint = hintId ? (
    <p id={hintId} className="question__hint">
      {question.hint}
    </p>
  ) : null
  const error = invalid ? (
    <p id={field.errorId} className="field-error">
      <span className="visually-hidden">Error: </span>
      {field.errors?.join(' ')}
    </p>
  ) : null
  const why = (
    <p id={whyId} className="question__why">
      <span className="question__why-label">Why we ask:</span> {question.why}{' '}
      <a href={`/guides/${question.guide}`} target="_blank" rel="noopener" className="question__guide">
        {question.guideTitle}
        <span className="visually-hidden"> guide (opens in a new tab)</span>
        <span aria-hidden="true"> ↗</span>
      </a>
    </p>
  )

  if (question.kind === 'one-of' || question.kind === 'any-of') {
    const type = question.kind === 'one-of' ? 'radio' : 'checkbox'
    const options = getCollectionProps(field, {
      type,
      options: (question.options ?? []).map((o) => o.value),
    })
    return (
      <fieldset
        id={base}
        className={`question question--${question.kind}${invalid ? ' is-invalid' : ''}`}
        aria-describedby={describedBy}
        hidden={hidden}
        onChange={onChange}
      >
        <legend className="question__label">{heading}</legend>
        {note}
        {hint}
        {error}
        <div className={`options options--${type}${question.options?.some((o) => o.hint) ? ' options--hinted' : ''}`}>
          {options.map(({ key, ...props }, i) => {
            const option = question.options?.find((o) => o.value === props.value)
            return (
              <div className="option" key={key ?? props.value}>
                {/* biome-ignore lint/a11y/noAutofocus: see FIRST_ERROR_FOCUS */}
                <input {...props} autoFocus={autoFocus && i === 0} />
                <label htmlFor={props.id}>
                  {option?.label ?? props.value}
                  {option?.hint ? <span className="option__hint">{option.hint}</span> : null}
                </label>
              </div>
            )
          })}
        </div>
        {why}
      </fieldset>
    )
  }

  if (question.kind === 'yes') {
    const { key, ...props } = getInputProps(field, { type: 'checkbox', ariaDescribedBy: describedBy })
    return (
      <div id={base} className={`question question--yes${invalid ? ' is-invalid' : ''}`} hidden={hidden}>
        {error}
        <div className="option">
          {/* biome-ignore lint/a11y/noAutofocus: see FIRST_ERROR_FOCUS */}
          <input key={key} {...props} autoFocus={autoFocus} />
          <label htmlFor={props.id}>{heading}</label>
        </div>
        {why}
      </div>
    )
  }

  const textProps =
    question.kind === 'long-text' ? null : getInputProps(field, { type: 'text', ariaDescribedBy: describedBy })
  const areaProps = question.kind === 'long-text' ? getTextareaProps(field, { ariaDescribedBy: describedBy }) : null
  const numeric = question.kind === 'whole-number' || question.kind === 'number'
  const control = areaProps ? (
    // biome-ignore lint/a11y/noAutofocus: see FIRST_ERROR_FOCUS
    <textarea {...withoutKey(areaProps)} rows={3} autoFocus={autoFocus} className="input input--long" />
  ) : textProps ? (
    <input
      {...withoutKey(textProps)}
      // biome-ignore lint/a11y/noAutofocus: see FIRST_ERROR_FOCUS
      autoFocus={autoFocus}
      className={numeric ? 'input input--number' : 'input'}
      inputMode={question.kind === 'whole-number' ? 'numeric' : numeric ? 'decimal' : undefined}
      autoComplete="off"
      spellCheck={numeric ? false : undefined}
    />
  ) : null

  return (
    <div id={base} className={`question question--${question.kind}${invalid ? ' is-invalid' : ''}`} hidden={hidden}>
      <label className="question__label" htmlFor={field.id}>
        {heading}
      </label>
      {note}
      {hint}
      {error}
      <div className="question__control">
        {control}
        {question.unit ? (
          <span id={unitId} className="question__unit">
            {question.unit}
          </span>
        ) : null}
      </div>
      {why}
    </div>
  )
}

function withoutKey<T extends { key?: unknown }>(props: T): Omit<T, 'key'> {
  const { key: _key, ...rest } = props
  return rest
}

import { Form, useNavigation } from '@remix-run/react'
import { useEffect, useRef } from 'react'
import { useHydrated } from '#app/components/client-only.tsx'
import type { Metric } from '#app/engine/brief.ts'
import type { SignalField } from '#app/engine/signals.ts'
import { SIGNAL_FIELD_ORDER, SIGNAL_FIELD_VIEWS } from './signal-fields.ts'

/** What the form shows again after a failed submit: the text as typed and a message per field. */
export interface CheckinFormState {
  values: Record<string, string>
  errors: Record<string, string>
  /** About the check-in as a whole, such as no figure at all. */
  formError: string | null
}

/**
 * Recording measured figures: a date, then every figure optional with its
 * unit beside it. The figures this brief's triggers watch come first; the
 * rest wait behind "Other figures", opened when one of them has a value.
 */
export function CheckinForm({
  watched,
  state,
  today,
}: {
  watched: readonly Metric[]
  state: CheckinFormState | null
  today: string
}) {
  const navigation = useNavigation()
  const hydrated = useHydrated()
  const busy = navigation.state === 'submitting' && navigation.formMethod === 'POST'
  const values = state?.values ?? {}
  const errors = state?.errors ?? {}
  const first = SIGNAL_FIELD_ORDER.filter((f) => watched.includes(SIGNAL_FIELD_VIEWS[f].metric))
  const rest = SIGNAL_FIELD_ORDER.filter((f) => !first.includes(f))
  const restOpen = rest.some((f) => values[f] || errors[f])
  const problems = [
    ...(state?.formError ? [{ field: null, text: state.formError }] : []),
    ...['measuredAt', ...SIGNAL_FIELD_ORDER].filter((f) => errors[f]).map((f) => ({ field: f, text: errors[f] })),
  ]
  const summary = useRef<HTMLDivElement>(null)
  useEffect(() => {
    if (state) summary.current?.focus()
  }, [state])

  return (
    <Form method="post" className="checkin-form" noValidate>
      {problems.length > 0 ? (
        <div
          className="error-summary"
          role="alert"
          aria-labelledby="checkin-problems"
          tabIndex={-1}
          // biome-ignore lint/a11y/noAutofocus: without scripts, the answer to a failed submit opens on what to fix
          autoFocus={!hydrated}
          ref={summary}
        >
          <h3 id="checkin-problems" className="error-summary__title">
            The check-in was not recorded
          </h3>
          <ul>
            {problems.map((p) => (
              <li key={p.text}>{p.field ? <a href={`#f-${p.field}`}>{p.text}</a> : p.text}</li>
            ))}
          </ul>
        </div>
      ) : null}
      <div
        className={errors.measuredAt ? 'figure-field figure-field--date is-invalid' : 'figure-field figure-field--date'}
      >
        <label htmlFor="f-measuredAt">Measured on</label>
        {errors.measuredAt ? (
          <p id="f-measuredAt-error" className="field-error">
            {errors.measuredAt}
          </p>
        ) : null}
        <div className="figure-field__control">
          <input
            id="f-measuredAt"
            name="measuredAt"
            type="date"
            className="input input--date"
            defaultValue={values.measuredAt ?? today}
            aria-invalid={errors.measuredAt ? true : undefined}
            aria-describedby={errors.measuredAt ? 'f-measuredAt-error' : undefined}
            required
          />
        </div>
      </div>
      {first.length > 0 ? (
        <fieldset className="figure-group">
          <legend>Figures this brief’s triggers watch</legend>
          <div className="figure-grid">
            {first.map((f) => (
              <FigureField key={f} field={f} value={values[f]} error={errors[f]} />
            ))}
          </div>
        </fieldset>
      ) : null}
      <details className="figure-more" open={restOpen || first.length === 0}>
        <summary>Other figures</summary>
        <div className="figure-grid">
          {rest.map((f) => (
            <FigureField key={f} field={f} value={values[f]} error={errors[f]} />
          ))}
        </div>
      </details>
      <p className="note">Every figure is optional; give at least one. Units are fixed: convert before typing.</p>
      <button type="submit" className="button" disabled={busy}>
        {busy ? 'Recording…' : 'Record the check-in'}
      </button>
    </Form>
  )
}

function FigureField({ field, value, error }: { field: SignalField; value: string | undefined; error?: string }) {
  const view = SIGNAL_FIELD_VIEWS[field]
  const id = `f-${field}`
  const describedBy = [error ? `${id}-error` : null, `${id}-unit`, `${id}-hint`].filter(Boolean).join(' ')
  return (
    <div className={error ? 'figure-field is-invalid' : 'figure-field'}>
      <label htmlFor={id}>{view.label}</label>
      {error ? (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      ) : null}
      <div className="figure-field__control">
        <input
          id={id}
          name={field}
          type="text"
          inputMode={view.whole ? 'numeric' : 'decimal'}
          autoComplete="off"
          className="input input--number"
          defaultValue={value ?? ''}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
        />
        <span id={`${id}-unit`} className="figure-field__unit">
          {view.unitText}
        </span>
      </div>
      <p id={`${id}-hint`} className="figure-field__hint">
        {view.hint}
      </p>
    </div>
  )
}

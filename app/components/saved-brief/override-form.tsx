import { Form, useNavigation } from '@remix-run/react'
import type { Area } from '#app/engine/brief.ts'

export const OVERRIDE_INTENT = 'override'
export const OVERRIDE_FIELDS = ['area', 'choice', 'reason', 'by'] as const
export type OverrideField = (typeof OVERRIDE_FIELDS)[number]

/** The decision an "Override" link opened: its area, what it says now, and the choices its area allows. */
export interface OverridePanel {
  area: Area
  title: string
  current: { id: string; name: string }
  choices: { id: string; name: string }[]
}

/** What a refused form sends back: the text as typed, and a message per field. */
export interface OverrideFormState {
  values: Record<OverrideField, string>
  errors: Partial<Record<OverrideField, string>>
}

/**
 * Overriding one decision: a choice from the area's vocabulary, the reason
 * and who decides. Sending it makes the brief's next revision, in which the
 * plan, costs and risks follow the choice and the recommendation stays
 * beside it. A plain form: it works the same without JavaScript.
 */
export function OverrideForm({ panel, refused }: { panel: OverridePanel; refused?: OverrideFormState | null }) {
  const navigation = useNavigation()
  const busy = navigation.state === 'submitting' && navigation.formData?.get('intent') === OVERRIDE_INTENT
  const values = refused?.values ?? { area: panel.area, choice: '', reason: '', by: '' }
  const errors = refused?.errors ?? {}
  const field = (name: OverrideField) => ({
    id: `ov-${name}`,
    name,
    'aria-invalid': errors[name] ? true : undefined,
    'aria-describedby': errors[name] ? `ov-${name}-error` : undefined,
  })
  const error = (name: OverrideField) =>
    errors[name] ? (
      <span className="field-error" id={`ov-${name}-error`}>
        {errors[name]}
      </span>
    ) : null
  return (
    <section className="override-form" id="override" aria-labelledby="override-title">
      <h2 id="override-title">Override: {panel.title}</h2>
      <p>
        The brief recommends <strong>{panel.current.name}</strong>. Your choice makes the next revision; its plan, costs
        and risks follow your choice, and the recommendation stays beside it.
      </p>
      <Form method="post" preventScrollReset>
        <input type="hidden" name="intent" value={OVERRIDE_INTENT} />
        <input type="hidden" name="area" value={panel.area} />
        {Object.keys(errors).length > 0 ? (
          <p className="form-error" role="alert">
            The override was not saved: see the fields marked below.
          </p>
        ) : null}
        {error('area')}
        <p className="field">
          <label htmlFor="ov-choice">Choice</label>
          <select {...field('choice')} className="input" defaultValue={values.choice}>
            <option value="">Choose…</option>
            {panel.choices.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
          {error('choice')}
        </p>
        <p className="field">
          <label htmlFor="ov-reason">Reason</label>
          <textarea {...field('reason')} className="input" rows={3} maxLength={1000} defaultValue={values.reason} />
          {error('reason')}
        </p>
        <p className="field">
          <label htmlFor="ov-by">Decided by</label>
          <input
            {...field('by')}
            type="text"
            className="input"
            maxLength={120}
            autoComplete="name"
            defaultValue={values.by}
          />
          {error('by')}
        </p>
        <p>
          <button type="submit" className="button" disabled={busy}>
            {busy ? 'Saving…' : 'Override and make the next revision'}
          </button>
        </p>
      </Form>
    </section>
  )
}

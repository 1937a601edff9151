import { Form, useNavigation, useSearchParams } from '@remix-run/react'

export const EXPORT_OPTIONS_INTENT = 'export-options'
const NAME_MAX = 120

export interface ExportOptionsValues {
  pageSize: 'a4' | 'letter'
  preparedBy?: string
  preparedFor?: string
}

/** What a refused form sends back: the text as typed, and a message per field. */
export interface ExportOptionsForm {
  values: { pageSize: string; preparedBy: string; preparedFor: string }
  errors: Partial<Record<'pageSize' | 'preparedBy' | 'preparedFor', string>>
}

/**
 * Paper size and the names on the cover, remembered for this brief and
 * carried by its PDF, Markdown and decision-record links. A plain form: it
 * works the same without JavaScript.
 */
export function ExportOptions({ saved, refused }: { saved: ExportOptionsValues; refused?: ExportOptionsForm | null }) {
  const [params] = useSearchParams()
  const navigation = useNavigation()
  const busy = navigation.state === 'submitting' && navigation.formData?.get('intent') === EXPORT_OPTIONS_INTENT
  const values = refused?.values ?? {
    pageSize: saved.pageSize,
    preparedBy: saved.preparedBy ?? '',
    preparedFor: saved.preparedFor ?? '',
  }
  const errors = refused?.errors ?? {}
  const justSaved = !refused && params.get('saved') === EXPORT_OPTIONS_INTENT
  return (
    <details className="export-options" id="export-options" open={Boolean(refused) || justSaved}>
      <summary>
        Export options: <span className="export-options__current">{describe(saved)}</span>
      </summary>
      <Form method="post" className="export-options__form" preventScrollReset>
        <input type="hidden" name="intent" value={EXPORT_OPTIONS_INTENT} />
        {justSaved ? (
          <p className="export-options__saved" role="status">
            Saved. The PDF, Markdown and decision-record downloads now carry these options.
          </p>
        ) : null}
        {Object.keys(errors).length > 0 ? (
          <p className="form-error" role="alert">
            The options were not saved: see the fields marked below.
          </p>
        ) : null}
        <fieldset
          className="export-options__sizes"
          aria-describedby={errors.pageSize ? 'eo-pageSize-error' : undefined}
        >
          <legend>Paper size (PDF)</legend>
          {(['a4', 'letter'] as const).map((size) => (
            <label key={size} className="radio">
              <input type="radio" name="pageSize" value={size} defaultChecked={values.pageSize === size} />{' '}
              {size === 'a4' ? 'A4' : 'Letter'}
            </label>
          ))}
          {errors.pageSize ? (
            <p className="field-error" id="eo-pageSize-error">
              {errors.pageSize}
            </p>
          ) : null}
        </fieldset>
        <NameField name="preparedBy" label="Prepared by" value={values.preparedBy} error={errors.preparedBy} />
        <NameField name="preparedFor" label="Prepared for" value={values.preparedFor} error={errors.preparedFor} />
        <p className="export-options__actions">
          <button type="submit" className="button button--quiet" disabled={busy}>
            {busy ? 'Saving…' : 'Save export options'}
          </button>
        </p>
      </Form>
    </details>
  )
}

function NameField({ name, label, value, error }: { name: string; label: string; value: string; error?: string }) {
  const id = `eo-${name}`
  return (
    <p className="field export-options__field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        name={name}
        type="text"
        className="input"
        defaultValue={value}
        maxLength={NAME_MAX}
        autoComplete={name === 'preparedBy' ? 'name' : 'organization'}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : `${id}-hint`}
      />
      {error ? (
        <span className="field-error" id={`${id}-error`}>
          {error}
        </span>
      ) : (
        <span className="field-hint" id={`${id}-hint`}>
          Optional; on the PDF cover and under the Markdown title, up to {NAME_MAX} characters.
        </span>
      )}
    </p>
  )
}

function describe(o: ExportOptionsValues): string {
  const parts = [o.pageSize === 'letter' ? 'Letter' : 'A4']
  if (o.preparedBy) parts.push(`prepared by ${o.preparedBy}`)
  if (o.preparedFor) parts.push(`for ${o.preparedFor}`)
  return parts.join(' · ')
}

/** The query string the download links carry, so a browser's cached download never outlives a change. */
export function exportQuery(options: ExportOptionsValues, which: 'pdf' | 'md' | 'adr'): string {
  const params = new URLSearchParams()
  if (which === 'pdf' && options.pageSize !== 'a4') params.set('pageSize', options.pageSize)
  if (options.preparedBy && which !== 'adr') params.set('preparedBy', options.preparedBy)
  if (options.preparedFor) params.set('client', options.preparedFor)
  const text = params.toString()
  return text ? `?${text}` : ''
}

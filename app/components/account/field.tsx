/** One labelled input of an account form, with its error tied to it for screen readers. */
export function AccountField({
  name,
  label,
  type,
  autoComplete,
  defaultValue,
  error,
  hint,
}: {
  name: string
  label: string
  type: 'text' | 'email' | 'password'
  autoComplete: string
  defaultValue?: string
  error?: string
  hint?: string
}) {
  const described = [hint ? `${name}-hint` : null, error ? `${name}-error` : null].filter(Boolean).join(' ')
  return (
    <div className="field">
      <label htmlFor={name}>{label}</label>
      {hint ? (
        <p id={`${name}-hint`} className="hint">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={`${name}-error`} className="field-error">
          {error}
        </p>
      ) : null}
      <input
        id={name}
        name={name}
        type={type}
        autoComplete={autoComplete}
        defaultValue={defaultValue}
        required
        aria-invalid={error ? true : undefined}
        aria-describedby={described || undefined}
      />
    </div>
  )
}

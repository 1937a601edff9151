import { Form } from '@remix-run/react'
import { AccountField } from './field.tsx'

export type AccountFieldName = 'name' | 'email' | 'password' | 'form'

export interface AccountFormReply {
  /** What was typed, the password left out. */
  values: { name?: string; email?: string }
  errors: Partial<Record<AccountFieldName, string>>
}

type Field = Omit<Parameters<typeof AccountField>[0], 'defaultValue' | 'error'> & {
  name: 'name' | 'email' | 'password'
}

/**
 * The sign-in and sign-up form: the form-wide error, the fields with what
 * was typed back (never the password) and their errors, and the submit button.
 */
export function AccountForm({
  reply,
  returnTo,
  fields,
  submit,
}: {
  reply: AccountFormReply | undefined
  returnTo: string
  fields: readonly Field[]
  submit: string
}) {
  return (
    <>
      {reply?.errors.form ? (
        <p className="notice" role="alert">
          {reply.errors.form}
        </p>
      ) : null}
      <Form method="post" className="stack" noValidate>
        <input type="hidden" name="returnTo" value={returnTo} />
        {fields.map((field) => (
          <AccountField
            key={field.name}
            {...field}
            defaultValue={field.name === 'password' ? undefined : reply?.values[field.name]}
            error={reply?.errors[field.name]}
          />
        ))}
        <p>
          <button type="submit" className="button">
            {submit}
          </button>
        </p>
      </Form>
    </>
  )
}

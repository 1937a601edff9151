import { z } from 'zod'
import type { AccountFormReply } from '#app/components/account/account-form.tsx'

export type { AccountFormReply }

/** The account forms' fields, checked on the server (the pages work without JavaScript). */

export const MIN_PASSWORD = 10

const email = z
  .string()
  .trim()
  .toLowerCase()
  .min(1, 'Enter your email address.')
  .max(254, 'An email address is at most 254 characters.')
  .pipe(z.email('Enter an email address such as ada@example.com.'))

export const SignUpSchema = z.object({
  name: z.string().trim().min(1, 'Enter your name.').max(80, 'A name is at most 80 characters.'),
  email,
  password: z
    .string()
    .min(MIN_PASSWORD, `Choose a password of at least ${MIN_PASSWORD} characters.`)
    .max(200, 'A password is at most 200 characters.'),
})

export const SignInSchema = z.object({
  email,
  password: z.string().min(1, 'Enter your password.').max(200, 'A password is at most 200 characters.'),
})

/** Where to go after signing in: a path on this site only, never another origin. */
export function safeReturnTo(value: FormDataEntryValue | string | null): string {
  // Visible ASCII only: browsers drop tabs and newlines (`/\t/evil.example` becomes `//evil.example`),
  // and a Location header cannot carry them.
  if (typeof value !== 'string' || value.length > 500 || !LOCAL_PATH.test(value)) return '/'
  return value
}

/** `/` then visible ASCII without a backslash (browsers read it as `/`), and never `//`. */
const LOCAL_PATH = /^\/(?!\/)[\x21-\x5b\x5d-\x7e]*$/

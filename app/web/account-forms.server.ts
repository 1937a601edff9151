import type { AppLoadContext } from '@remix-run/node'
import { data, redirect } from '@remix-run/node'
import { APIError } from 'better-auth/api'
import { type AccountFormReply, SignInSchema, SignUpSchema, safeReturnTo } from './account-schemas.ts'
import { readForm } from './form-body.server.ts'

/** The sign-up, sign-in and sign-out actions: checked with zod, carried out by the app's accounts. */

function requireAuth(context: AppLoadContext) {
  if (!context.auth) throw new Response('Accounts are served by the stackbrief server.', { status: 503 })
  return context.auth
}

function withCookies(from: Headers): Headers {
  const headers = new Headers({ 'Cache-Control': 'no-store' })
  for (const cookie of from.getSetCookie()) headers.append('Set-Cookie', cookie)
  return headers
}

function fieldErrors(issues: { path: PropertyKey[]; message: string }[]): AccountFormReply['errors'] {
  const errors: AccountFormReply['errors'] = {}
  for (const issue of issues) {
    const field = String(issue.path[0]) as keyof AccountFormReply['errors']
    errors[field] ??= issue.message
  }
  return errors
}

const text = (form: FormData, name: string) => {
  const value = form.get(name)
  return typeof value === 'string' ? value : ''
}

export async function signUpAction(request: Request, context: AppLoadContext) {
  const auth = requireAuth(context)
  const form = await readForm(request)
  const values = { name: text(form, 'name').slice(0, 200), email: text(form, 'email').slice(0, 300) }
  const parsed = SignUpSchema.safeParse({ ...values, password: text(form, 'password') })
  if (!parsed.success) return data<AccountFormReply>({ values, errors: fieldErrors(parsed.error.issues) }, 400)
  try {
    const made = await auth.api.signUpEmail({ body: parsed.data, headers: request.headers, returnHeaders: true })
    return redirect(safeReturnTo(form.get('returnTo')), { headers: withCookies(made.headers) })
  } catch (error) {
    if (!(error instanceof APIError)) throw error
    const taken = /exist/i.test(error.message)
    return data<AccountFormReply>(
      {
        values,
        errors: taken
          ? { email: 'An account with this email exists already: sign in instead.' }
          : { form: error.message || 'The account could not be made. Try again.' },
      },
      taken ? 409 : 400,
    )
  }
}

export async function signInAction(request: Request, context: AppLoadContext) {
  const auth = requireAuth(context)
  const form = await readForm(request)
  const values = { email: text(form, 'email').slice(0, 300) }
  const parsed = SignInSchema.safeParse({ ...values, password: text(form, 'password') })
  if (!parsed.success) return data<AccountFormReply>({ values, errors: fieldErrors(parsed.error.issues) }, 400)
  try {
    const signedIn = await auth.api.signInEmail({ body: parsed.data, headers: request.headers, returnHeaders: true })
    return redirect(safeReturnTo(form.get('returnTo')), { headers: withCookies(signedIn.headers) })
  } catch (error) {
    if (!(error instanceof APIError)) throw error
    // One answer for an unknown email and a wrong password, so the form does not tell who has an account.
    return data<AccountFormReply>({ values, errors: { form: 'That email and password do not match an account.' } }, 401)
  }
}

export async function signOutAction(request: Request, context: AppLoadContext) {
  const auth = requireAuth(context)
  const out = await auth.api.signOut({ headers: request.headers, returnHeaders: true }).catch(() => null)
  return redirect('/', { headers: out ? withCookies(out.headers) : { 'Cache-Control': 'no-store' } })
}

import type { AppLoadContext } from '@remix-run/node'
import { data, redirect } from '@remix-run/node'
import { APIError } from 'better-auth/api'
import type { z } from 'zod'
import { type AccountFormReply, SignInSchema, SignUpSchema, safeReturnTo } from './account-schemas.ts'
import { readForm } from './form-body.server.ts'
import { visitorOf } from './visitor.server.ts'

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

/** What the sign-in and sign-up pages need: where to go after, and whether the visitor writes anonymously; signed in already, straight there. */
export async function accountPageLoader(request: Request, context: AppLoadContext) {
  const visitor = await visitorOf(context)
  const returnTo = safeReturnTo(new URL(request.url).searchParams.get('returnTo'))
  if (visitor.signedIn) throw redirect(returnTo)
  return { returnTo, anonymous: visitor.anonymous }
}

type AccountReply = ReturnType<typeof data<AccountFormReply>>

/**
 * The posted form checked against `schema`: the fields and the form, or the
 * 400 reply with what was typed (never the password) and each field's error.
 */
async function readAccountForm<T>(
  request: Request,
  schema: z.ZodType<T>,
  typed: { name?: number; email: number },
): Promise<
  { ok: true; body: T; form: FormData; values: AccountFormReply['values'] } | { ok: false; reply: AccountReply }
> {
  const form = await readForm(request)
  const values = Object.fromEntries(
    Object.entries(typed).map(([field, max]) => [field, text(form, field).slice(0, max)]),
  ) as AccountFormReply['values']
  const parsed = schema.safeParse({ ...values, password: text(form, 'password') })
  if (!parsed.success) {
    return {
      ok: false,
      reply: data<AccountFormReply>({ values, errors: fieldErrors(parsed.error.issues) }, 400) as never,
    }
  }
  return { ok: true, body: parsed.data, form, values }
}

export async function signUpAction(request: Request, context: AppLoadContext) {
  const auth = requireAuth(context)
  const read = await readAccountForm(request, SignUpSchema, { name: 200, email: 300 })
  if (!read.ok) return read.reply
  const { body, form, values } = read
  try {
    const made = await auth.api.signUpEmail({ body, headers: request.headers, returnHeaders: true })
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
  const read = await readAccountForm(request, SignInSchema, { email: 300 })
  if (!read.ok) return read.reply
  const { body, form, values } = read
  try {
    const signedIn = await auth.api.signInEmail({ body, headers: request.headers, returnHeaders: true })
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

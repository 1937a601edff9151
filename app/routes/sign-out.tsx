import { type ActionFunctionArgs, redirect } from '@remix-run/node'
import { signOutAction } from '#app/web/account-forms.server.ts'

/** /sign-out: a POST ends the session; a GET (a prefetch, a crawler) ends nothing. */

export const loader = () => redirect('/')

export const action = ({ request, context }: ActionFunctionArgs) => signOutAction(request, context)

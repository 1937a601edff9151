import { type ActionFunctionArgs, redirect } from '@remix-run/node'
import { signOutAction } from '~/components/account/account-forms.server'

/** /sign-out: a POST ends the session; a GET (a prefetch, a crawler) ends nothing. */

export const loader = () => redirect('/')

export const action = ({ request, context }: ActionFunctionArgs) => signOutAction(request, context)

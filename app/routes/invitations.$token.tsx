import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { formatDateTime } from '#app/components/saved-brief/format-date.ts'
import { SiteLayout } from '#app/components/site-layout.tsx'
import { acceptInvitationAction, loadInvitation } from './invitations.$token.server.ts'

export const meta: MetaFunction = () => [
  { title: 'Invitation · stackbrief' },
  { name: 'robots', content: 'noindex, nofollow' },
]

export const loader = ({ params, context }: LoaderFunctionArgs) => loadInvitation(context, params.token)
export const action = ({ params, context }: ActionFunctionArgs) => acceptInvitationAction(context, params.token)

export default function Invitation() {
  const invitation = useLoaderData<typeof loader>()
  const reply = useActionData<typeof action>()
  const back = encodeURIComponent(invitation.returnTo)
  return (
    <SiteLayout>
      <h1>Join {invitation.workspaceName}</h1>
      <p>
        You are invited as {invitation.role}, with the address {invitation.email}. The invitation works until{' '}
        {formatDateTime(invitation.expiresAt)}.
      </p>
      {reply?.error ? (
        <p className="notice field-error" role="alert">
          {reply.error}
        </p>
      ) : null}
      {invitation.matches ? (
        <Form method="post">
          <button type="submit" className="button">
            Join {invitation.workspaceName}
          </button>
        </Form>
      ) : invitation.signedInAs ? (
        <p className="notice" role="note">
          You are signed in as {invitation.signedInAs}. This invitation is for {invitation.email}:{' '}
          <Link to={`/sign-in?returnTo=${back}`}>sign in with that address</Link> to accept it.
        </p>
      ) : (
        <p>
          <Link className="button" to={`/sign-up?returnTo=${back}`}>
            Make an account with {invitation.email}
          </Link>{' '}
          or <Link to={`/sign-in?returnTo=${back}`}>sign in</Link> if you have one.
        </p>
      )}
    </SiteLayout>
  )
}

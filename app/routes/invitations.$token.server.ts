import { type AppLoadContext, data, redirect } from '@remix-run/node'
import { acceptInvitation, MemberChangeRefused, openInvitation } from '#app/services/members.server.ts'
import { identityOf } from '#app/web/access.server.ts'
import { getDb } from '#db/client.server.ts'

/**
 * /invitations/:token: an invitation to join a workspace. Anyone with the
 * link sees which workspace and role; only a signed-in account with the
 * invited address joins. An unknown, used, revoked or expired link is a 404.
 */

function gone(): Response {
  return new Response('This invitation does not work: it may have been used, revoked or have expired.', {
    status: 404,
    headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' },
  })
}

export async function loadInvitation(context: AppLoadContext | undefined, token: string | undefined) {
  const invitation = token ? await openInvitation(await getDb(), { token }) : null
  if (!invitation) throw gone()
  const identity = await identityOf(context)
  const account = identity && !identity.anonymous ? identity : null
  return {
    workspaceName: invitation.workspaceName,
    role: invitation.role,
    email: invitation.email,
    expiresAt: invitation.expiresAt,
    returnTo: `/invitations/${encodeURIComponent(token ?? '')}`,
    signedInAs: account?.email ?? null,
    matches: account !== null && account.email?.toLowerCase() === invitation.email,
  }
}

export async function acceptInvitationAction(context: AppLoadContext | undefined, token: string | undefined) {
  // A link that does not work is a 404 for everyone, before anything is asked of the visitor.
  if (!token || !(await openInvitation(await getDb(), { token }))) throw gone()
  const identity = await identityOf(context)
  const returnTo = `/invitations/${encodeURIComponent(token)}`
  if (!identity || identity.anonymous) throw redirect(`/sign-in?returnTo=${encodeURIComponent(returnTo)}`)
  try {
    const joined = await acceptInvitation(await getDb(), {
      token: token ?? '',
      userId: identity.userId,
      email: identity.email ?? '',
    })
    if (!joined) throw gone()
  } catch (error) {
    if (!(error instanceof MemberChangeRefused)) throw error
    return data({ error: error.message }, { status: 403 })
  }
  return redirect('/settings/members?done=joined')
}

import { type AppLoadContext, data, redirect } from '@remix-run/node'
import { MEMBER_INTENTS, type MemberFormReply, type MembersPageData } from '#app/components/settings/members-intents.ts'
import {
  changeRole,
  chooseWorkspace,
  INVITABLE_ROLES,
  inviteMember,
  listMembers,
  listMemberships,
  listPendingInvitations,
  MemberChangeRefused,
  removeMember,
  revokeInvitation,
  workspaceName,
} from '#app/services/members.server.ts'
import { InvalidInputError } from '#app/services/support/errors.server.ts'
import { allows, type Permission } from '#app/web/access.server.ts'
import { readForm } from '#app/web/form-body.server.ts'
import { publicOrigin } from '#app/web/load-context.ts'
import { loggerOf, requirePageAccess } from '#app/web/request.server.ts'
import { getDb } from '#db/client.server.ts'

/**
 * /settings/members: who is in the workspace and as what. Everyone in it
 * sees the list; owners and admins invite, change roles and remove. A member
 * of several workspaces chooses here which one to work in.
 */

async function requireAccount(context: AppLoadContext | undefined, permission: Permission) {
  const access = await requirePageAccess(context, permission)
  if (access.identity.anonymous) throw redirect('/sign-up?returnTo=/settings/members')
  return access
}

export async function loadMembersPage(request: Request, context: AppLoadContext | undefined): Promise<MembersPageData> {
  const access = await requirePageAccess(context, 'brief:read')
  if (access.identity.anonymous) return { account: false }
  const { identity, workspaceId } = access
  const db = await getDb()
  const manage = allows(identity.role, 'member:invite')
  const [name, members, invitations, memberships] = await Promise.all([
    workspaceName(db, workspaceId),
    listMembers(db, workspaceId),
    manage ? listPendingInvitations(db, { workspaceId }) : [],
    listMemberships(db, identity.userId),
  ])
  const done = new URL(request.url).searchParams.get('done')
  return {
    account: true,
    workspace: { id: workspaceId, name },
    you: { userId: identity.userId, role: identity.role },
    members,
    invitations,
    memberships,
    can: { invite: manage, remove: allows(identity.role, 'member:remove') },
    invitableRoles: INVITABLE_ROLES,
    done: done && Object.hasOwn(DONE, done) ? DONE[done as keyof typeof DONE] : null,
  }
}

const DONE = {
  role: 'The role was changed.',
  removed: 'The member was removed. Their API keys for this workspace no longer work.',
  revoked: 'The invitation was revoked: its link no longer works.',
  joined: 'You joined the workspace. Its briefs are on your home page now.',
  chosen: 'You are working in this workspace now.',
} as const

export async function membersAction(request: Request, context: AppLoadContext | undefined) {
  // Nothing of this page answers an identity that cannot see the workspace, whatever the form holds.
  await requireAccount(context, 'brief:read')
  const form = await readForm(request)
  const intent = String(form.get('intent') ?? '')
  const field = (name: string) => String(form.get(name) ?? '').slice(0, 300)
  const db = await getDb()
  const refused = (error: string, status = 400) =>
    data<MemberFormReply>({ invited: null, error, email: field('email') }, { status })
  try {
    if (intent === MEMBER_INTENTS.invite) {
      const { identity, workspaceId } = await requireAccount(context, 'member:invite')
      const { token, invitation } = await inviteMember(db, {
        workspaceId,
        email: field('email'),
        role: field('role'),
        invitedBy: identity.userId,
      })
      const url = `${publicOrigin(context, request)}/invitations/${token}`
      // No mail server is configured: the link goes to the log, for whoever runs the instance.
      loggerOf(context).info(
        { workspaceId, email: invitation.email, role: invitation.role, url },
        'invitation link (no mail server: pass it on yourself)',
      )
      return data<MemberFormReply>(
        { invited: { url, email: invitation.email, role: invitation.role }, error: null, email: '' },
        { headers: { 'Cache-Control': 'no-store' } },
      )
    }
    if (intent === MEMBER_INTENTS.revokeInvitation) {
      const { workspaceId } = await requireAccount(context, 'member:invite')
      if (!(await revokeInvitation(db, { workspaceId, invitationId: field('invitationId') }))) {
        return refused('There is no pending invitation with that id.', 404)
      }
      return redirect('/settings/members?done=revoked')
    }
    if (intent === MEMBER_INTENTS.changeRole) {
      const { identity, workspaceId } = await requireAccount(context, 'member:invite')
      await changeRole(db, { workspaceId, userId: field('userId'), role: field('role'), actorRole: identity.role })
      return redirect('/settings/members?done=role')
    }
    if (intent === MEMBER_INTENTS.remove) {
      const { identity, workspaceId } = await requireAccount(context, 'member:remove')
      await removeMember(db, { workspaceId, userId: field('userId'), actorRole: identity.role })
      return redirect(identity.userId === field('userId') ? '/' : '/settings/members?done=removed')
    }
    if (intent === MEMBER_INTENTS.choose) {
      const { identity } = await requireAccount(context, 'brief:read')
      if (!(await chooseWorkspace(db, { userId: identity.userId, workspaceId: field('workspaceId') }))) {
        return refused('You are not a member of that workspace.', 404)
      }
      return redirect('/settings/members?done=chosen')
    }
    return refused(`This form does not know “${intent.slice(0, 40)}”. Reload the page and try again.`)
  } catch (error) {
    if (error instanceof MemberChangeRefused) return refused(error.message, error.reason === 'not-a-member' ? 404 : 409)
    if (error instanceof InvalidInputError) {
      const first = error.problems[0]
      return refused(`${first?.path === 'role' ? 'Role' : 'Email'}: ${first?.message ?? 'not valid'}`)
    }
    throw error
  }
}

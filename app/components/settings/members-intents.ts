import type { Role } from '#app/vocabulary/accounts.ts'

/** The members page's forms, told apart by their intent. */
export const MEMBER_INTENTS = {
  invite: 'invite',
  revokeInvitation: 'revoke-invitation',
  changeRole: 'change-role',
  remove: 'remove-member',
  choose: 'choose-workspace',
} as const

export interface MemberView {
  userId: string
  name: string
  email: string
  role: Role
  joinedAt: string
}

export interface InvitationView {
  id: string
  email: string
  role: Exclude<Role, 'owner'>
  prefix: string
  createdAt: string
  expiresAt: string
}

export type MembersPageData =
  | { account: false }
  | {
      account: true
      workspace: { id: string; name: string }
      you: { userId: string; role: Role }
      members: MemberView[]
      /** Pending invitations; empty for those who may not invite. */
      invitations: InvitationView[]
      memberships: { workspaceId: string; name: string; role: Role }[]
      can: { invite: boolean; remove: boolean }
      invitableRoles: readonly Exclude<Role, 'owner'>[]
      done: string | null
    }

/** The answer to a members form: the new invitation's link (shown this once), or what went wrong. */
export interface MemberFormReply {
  invited: { url: string; email: string; role: string } | null
  error: string | null
  email: string
}

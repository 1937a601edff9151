import crypto from 'node:crypto'
import type { Kysely } from 'kysely'
import { describeValue, problem } from '#app/lib/problems.ts'
import type { Db } from '#db/client.server.ts'
import type { Database, Role } from '#db/schema.ts'
import { InvalidInputError } from './support/errors.server.ts'
import { hashToken, newToken, TOKEN_DISPLAY_LENGTH, TOKEN_PREFIX } from './tokens.server.ts'

/**
 * Who belongs to a workspace, and how others join it. An owner or admin
 * invites an email address with a role; the invitation's link (shown once,
 * and written to the server log while there is no mail server) lets the
 * account with that address join. Owners and admins change roles and remove
 * members; a workspace always keeps at least one owner, and only an owner
 * makes, changes or removes an owner.
 */

export type InvitableRole = Exclude<Role, 'owner'>
export const INVITABLE_ROLES: readonly InvitableRole[] = ['viewer', 'editor', 'admin']
export const ROLES: readonly Role[] = ['owner', 'admin', 'editor', 'viewer']
export const INVITATION_PATTERN = /^sbi_[0-9A-Za-z]{32}$/
export const INVITATION_DAYS = 7
const DAY_MS = 24 * 60 * 60 * 1000
const NO_MATCH = Buffer.alloc(32)
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/

export interface Member {
  userId: string
  name: string
  email: string
  role: Role
  joinedAt: string
}

export interface InvitationSummary {
  id: string
  email: string
  role: InvitableRole
  prefix: string
  createdAt: string
  expiresAt: string
}

/** What an invitation's page shows before it is accepted. */
export interface OpenInvitation extends InvitationSummary {
  workspaceId: string
  workspaceName: string
}

export class MemberChangeRefused extends Error {
  constructor(
    readonly reason: 'last-owner' | 'owners-only' | 'not-a-member' | 'already-member' | 'wrong-account',
    message: string,
  ) {
    super(message)
    this.name = 'MemberChangeRefused'
  }
}

export function listMembers(db: Db, workspaceId: string): Promise<Member[]> {
  return membersIn(db.db, workspaceId)
}

async function membersIn(db: Kysely<Database>, workspaceId: string): Promise<Member[]> {
  const rows = await db
    .selectFrom('workspace_members')
    .innerJoin('auth_user', 'auth_user.id', 'workspace_members.user_id')
    .select([
      'workspace_members.user_id',
      'workspace_members.role',
      'workspace_members.created_at',
      'auth_user.name',
      'auth_user.email',
    ])
    .where('workspace_members.workspace_id', '=', workspaceId)
    .orderBy('workspace_members.created_at')
    .orderBy('workspace_members.user_id')
    .execute()
  return rows.map((r) => ({ userId: r.user_id, name: r.name, email: r.email, role: r.role, joinedAt: r.created_at }))
}

/** The workspaces an account belongs to, with its role in each, for choosing which one to work in. */
export async function listMemberships(
  db: Db,
  userId: string,
): Promise<{ workspaceId: string; name: string; role: Role }[]> {
  const rows = await db.db
    .selectFrom('workspace_members')
    .innerJoin('workspaces', 'workspaces.id', 'workspace_members.workspace_id')
    .select(['workspaces.id', 'workspaces.name', 'workspace_members.role'])
    .where('workspace_members.user_id', '=', userId)
    .orderBy('workspace_members.created_at')
    .execute()
  return rows.map((r) => ({ workspaceId: r.id, name: r.name, role: r.role }))
}

export async function workspaceName(db: Db, workspaceId: string): Promise<string> {
  const row = await db.db.selectFrom('workspaces').select('name').where('id', '=', workspaceId).executeTakeFirst()
  return row?.name ?? ''
}

/** Makes `workspaceId` the one this account works in; false when it is not a member there. */
export async function chooseWorkspace(db: Db, input: { userId: string; workspaceId: string; now?: Date }) {
  const result = await db.db
    .updateTable('workspace_members')
    .set({ chosen_at: (input.now ?? new Date()).toISOString() })
    .where('user_id', '=', input.userId)
    .where('workspace_id', '=', input.workspaceId)
    .executeTakeFirst()
  return Number(result.numUpdatedRows) > 0
}

/** A new invitation; its plain token is in the answer and nowhere else. */
export async function inviteMember(
  db: Db,
  input: { workspaceId: string; email: string; role: string; invitedBy: string; now?: Date },
): Promise<{ token: string; invitation: InvitationSummary }> {
  const email = input.email.trim().toLowerCase()
  const problems = []
  if (!EMAIL.test(email) || email.length > 254) {
    problems.push(problem('email', 'an email address such as ana@example.com', describeValue(input.email)))
  }
  if (!(INVITABLE_ROLES as readonly string[]).includes(input.role)) {
    problems.push(problem('role', `one of ${INVITABLE_ROLES.join(', ')}`, describeValue(input.role)))
  }
  if (problems.length > 0) throw new InvalidInputError(problems)
  const already = await db.db
    .selectFrom('workspace_members')
    .innerJoin('auth_user', 'auth_user.id', 'workspace_members.user_id')
    .select('workspace_members.user_id')
    .where('workspace_members.workspace_id', '=', input.workspaceId)
    .where('auth_user.email', '=', email)
    .executeTakeFirst()
  if (already) throw new MemberChangeRefused('already-member', `${email} is already a member of this workspace.`)
  const now = input.now ?? new Date()
  const token = `sbi_${newToken().slice(TOKEN_PREFIX.length)}`
  const invitation: InvitationSummary = {
    id: `i_${crypto.randomBytes(10).toString('hex')}`,
    email,
    role: input.role as InvitableRole,
    prefix: token.slice(0, TOKEN_DISPLAY_LENGTH),
    createdAt: now.toISOString(),
    expiresAt: new Date(now.getTime() + INVITATION_DAYS * DAY_MS).toISOString(),
  }
  await db.db
    .insertInto('workspace_invitations')
    .values({
      id: invitation.id,
      workspace_id: input.workspaceId,
      email,
      role: invitation.role,
      prefix: invitation.prefix,
      hash: hashToken(token),
      invited_by: input.invitedBy,
      created_at: invitation.createdAt,
      expires_at: invitation.expiresAt,
    })
    .execute()
  return { token, invitation }
}

/** Invitations not yet accepted, revoked or expired, newest first. */
export async function listPendingInvitations(
  db: Db,
  input: { workspaceId: string; now?: Date },
): Promise<InvitationSummary[]> {
  const rows = await db.db
    .selectFrom('workspace_invitations')
    .select(['id', 'email', 'role', 'prefix', 'created_at', 'expires_at'])
    .where('workspace_id', '=', input.workspaceId)
    .where('accepted_at', 'is', null)
    .where('revoked_at', 'is', null)
    .where('expires_at', '>', (input.now ?? new Date()).toISOString())
    .orderBy('created_at', 'desc')
    .execute()
  return rows.map((r) => ({
    id: r.id,
    email: r.email,
    role: r.role,
    prefix: r.prefix,
    createdAt: r.created_at,
    expiresAt: r.expires_at,
  }))
}

export async function revokeInvitation(db: Db, input: { workspaceId: string; invitationId: string; now?: Date }) {
  const result = await db.db
    .updateTable('workspace_invitations')
    .set({ revoked_at: (input.now ?? new Date()).toISOString() })
    .where('id', '=', input.invitationId)
    .where('workspace_id', '=', input.workspaceId)
    .where('accepted_at', 'is', null)
    .where('revoked_at', 'is', null)
    .executeTakeFirst()
  return Number(result.numUpdatedRows) > 0
}

/**
 * The pending invitation a token opens, or null (malformed, unknown, used,
 * revoked or expired). Compared in constant time as check-in tokens are.
 */
export async function openInvitation(db: Db, input: { token: string; now?: Date }): Promise<OpenInvitation | null> {
  const presented = crypto.createHash('sha256').update(input.token, 'utf8').digest()
  const candidates = INVITATION_PATTERN.test(input.token)
    ? await db.db
        .selectFrom('workspace_invitations')
        .innerJoin('workspaces', 'workspaces.id', 'workspace_invitations.workspace_id')
        .selectAll('workspace_invitations')
        .select('workspaces.name as workspace_name')
        .where('workspace_invitations.prefix', '=', input.token.slice(0, TOKEN_DISPLAY_LENGTH))
        .execute()
    : []
  let match: (typeof candidates)[number] | undefined
  for (const candidate of candidates) {
    if (crypto.timingSafeEqual(Buffer.from(candidate.hash, 'hex'), presented) && !match) match = candidate
  }
  if (candidates.length === 0) crypto.timingSafeEqual(NO_MATCH, presented)
  const now = (input.now ?? new Date()).toISOString()
  if (!match || match.accepted_at !== null || match.revoked_at !== null || match.expires_at <= now) return null
  return {
    id: match.id,
    email: match.email,
    role: match.role,
    prefix: match.prefix,
    createdAt: match.created_at,
    expiresAt: match.expires_at,
    workspaceId: match.workspace_id,
    workspaceName: match.workspace_name,
  }
}

/**
 * The account joins the invitation's workspace with its role, and works there
 * from now on. Null when the token opens nothing; refused when the account's
 * address is not the one invited, or it is a member already.
 */
export async function acceptInvitation(
  db: Db,
  input: { token: string; userId: string; email: string; now?: Date },
): Promise<OpenInvitation | null> {
  const invitation = await openInvitation(db, input)
  if (!invitation) return null
  if (invitation.email !== input.email.trim().toLowerCase()) {
    throw new MemberChangeRefused(
      'wrong-account',
      `This invitation is for ${invitation.email}. Sign in with that address to accept it.`,
    )
  }
  const now = (input.now ?? new Date()).toISOString()
  return db.db.transaction().execute(async (trx) => {
    // Claimed in the same statement that checks it is still pending, so one link joins once.
    const claimed = await trx
      .updateTable('workspace_invitations')
      .set({ accepted_at: now, accepted_by: input.userId })
      .where('id', '=', invitation.id)
      .where('accepted_at', 'is', null)
      .where('revoked_at', 'is', null)
      .executeTakeFirst()
    if (Number(claimed.numUpdatedRows) === 0) return null
    const member = await trx
      .selectFrom('workspace_members')
      .select('role')
      .where('workspace_id', '=', invitation.workspaceId)
      .where('user_id', '=', input.userId)
      .executeTakeFirst()
    if (member) throw new MemberChangeRefused('already-member', 'You are already a member of this workspace.')
    await trx
      .insertInto('workspace_members')
      .values({
        workspace_id: invitation.workspaceId,
        user_id: input.userId,
        role: invitation.role,
        created_at: now,
        chosen_at: now,
      })
      .execute()
    return invitation
  })
}

/**
 * Changes a member's role. `actorRole` is the role of whoever asks: only an
 * owner touches an owner or makes one, and the last owner stays an owner.
 */
export async function changeRole(
  db: Db,
  input: { workspaceId: string; userId: string; role: string; actorRole: Role },
): Promise<Member> {
  if (!(ROLES as readonly string[]).includes(input.role)) {
    throw new InvalidInputError([problem('role', `one of ${ROLES.join(', ')}`, describeValue(input.role))])
  }
  const role = input.role as Role
  return db.db.transaction().execute(async (trx) => {
    const members = await membersIn(trx, input.workspaceId)
    const member = members.find((m) => m.userId === input.userId)
    if (!member) throw new MemberChangeRefused('not-a-member', 'There is no such member in this workspace.')
    if ((member.role === 'owner' || role === 'owner') && input.actorRole !== 'owner') {
      throw new MemberChangeRefused('owners-only', 'Only an owner can make someone an owner or change an owner’s role.')
    }
    if (member.role === 'owner' && role !== 'owner' && members.filter((m) => m.role === 'owner').length === 1) {
      throw new MemberChangeRefused(
        'last-owner',
        'A workspace keeps at least one owner: make someone else owner first.',
      )
    }
    await trx
      .updateTable('workspace_members')
      .set({ role })
      .where('workspace_id', '=', input.workspaceId)
      .where('user_id', '=', input.userId)
      .execute()
    return { ...member, role }
  })
}

/** Removes a member, under the same rules as changing a role. */
export async function removeMember(
  db: Db,
  input: { workspaceId: string; userId: string; actorRole: Role },
): Promise<Member> {
  return db.db.transaction().execute(async (trx) => {
    const members = await membersIn(trx, input.workspaceId)
    const member = members.find((m) => m.userId === input.userId)
    if (!member) throw new MemberChangeRefused('not-a-member', 'There is no such member in this workspace.')
    if (member.role === 'owner' && input.actorRole !== 'owner') {
      throw new MemberChangeRefused('owners-only', 'Only an owner can remove an owner.')
    }
    if (member.role === 'owner' && members.filter((m) => m.role === 'owner').length === 1) {
      throw new MemberChangeRefused('last-owner', 'The last owner cannot be removed: make someone else owner first.')
    }
    await trx
      .deleteFrom('workspace_members')
      .where('workspace_id', '=', input.workspaceId)
      .where('user_id', '=', input.userId)
      .execute()
    // Their keys acted in this workspace; they act nowhere now.
    await trx
      .updateTable('api_keys')
      .set({ revoked_at: new Date().toISOString() })
      .where('workspace_id', '=', input.workspaceId)
      .where('user_id', '=', input.userId)
      .where('revoked_at', 'is', null)
      .execute()
    return member
  })
}

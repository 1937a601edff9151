import type { AppLoadContext } from '@remix-run/node'
import type { Role } from '#db/schema.ts'

/**
 * The one access check. Every page loader and action, every download and
 * every API endpoint asks it for a permission; it answers with the
 * identity's workspace, which every service then filters by, so a brief of
 * another workspace is simply not found (404, never 403: ids do not leak).
 *
 * Identity comes from the load context (server/identity.ts): a session
 * cookie (an account, or the anonymous identity a visitor gets on their
 * first write) or an API key. Check-in tokens open one brief's check-ins
 * and nothing else (app/api/signals.server.ts).
 */

export type Permission =
  | 'brief:create'
  | 'brief:read'
  | 'brief:revise'
  | 'brief:share'
  | 'brief:delete'
  | 'checkin:create'
  | 'member:invite'
  | 'member:remove'

const EVERYTHING: readonly Permission[] = [
  'brief:create',
  'brief:read',
  'brief:revise',
  'brief:share',
  'brief:delete',
  'checkin:create',
  'member:invite',
  'member:remove',
]

export const ROLE_PERMISSIONS: Record<Role, ReadonlySet<Permission>> = {
  owner: new Set(EVERYTHING),
  admin: new Set(EVERYTHING),
  editor: new Set(['brief:create', 'brief:read', 'brief:revise', 'checkin:create']),
  viewer: new Set(['brief:read']),
}

export interface Identity {
  userId: string
  name: string
  email: string | null
  anonymous: boolean
  workspaceId: string
  role: Role
  /** How the request proved it: a browser's session cookie or a script's API key. */
  via: 'session' | 'api-key'
}

/** What the server's load context carries: a resolver, asked at most once per request. */
export type IdentityResolver = () => Promise<Identity | null>

export interface Access {
  identity: Identity
  workspaceId: string
}

export function allows(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].has(permission)
}

export function identityOf(context: AppLoadContext | undefined): Promise<Identity | null> {
  return context?.identity ? context.identity() : Promise.resolve(null)
}

/** Why a request was refused, for the page or the API to word in its own way. */
export class AccessRefused extends Error {
  constructor(readonly reason: 'no-identity' | 'not-visible' | 'not-allowed') {
    super(reason)
    this.name = 'AccessRefused'
  }
}

/**
 * The identity and workspace allowed `permission`, or AccessRefused: no
 * identity at all, a role that cannot even read (as good as not there), or
 * a role that reads but may not do this.
 */
export async function checkAccess(context: AppLoadContext | undefined, permission: Permission): Promise<Access> {
  const identity = await identityOf(context)
  if (!identity) throw new AccessRefused('no-identity')
  if (!allows(identity.role, permission)) {
    throw new AccessRefused(allows(identity.role, 'brief:read') ? 'not-allowed' : 'not-visible')
  }
  return { identity, workspaceId: identity.workspaceId }
}

/** A load context that acts as `identity`, for code that calls routes without the server (the CLI, tests). */
export function actingAs(identity: Identity, rest: AppLoadContext = {}): AppLoadContext {
  return { ...rest, identity: async () => identity }
}

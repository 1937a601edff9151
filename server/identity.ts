import { fromNodeHeaders } from 'better-auth/node'
import type { Request } from 'express'
import { membershipOf } from '#app/services/accounts.server.ts'
import { authenticateApiKey } from '#app/services/api-keys.server.ts'
import type { Identity, IdentityResolver } from '#app/web/access.server.ts'
import type { Db } from '#db/client.server.ts'
import type { Auth } from './auth.ts'

/**
 * Who a request comes from, for the access check (app/web/access.server.ts):
 * an API key (`Authorization: Bearer sbk_…`), else the session cookie. Asked
 * lazily and at most once, so a guide page or an asset costs no lookup.
 */
export function identityResolver(auth: Auth, db: Db, req: Request): IdentityResolver {
  let found: Promise<Identity | null> | undefined
  return () => {
    found ??= resolve(auth, db, req)
    return found
  }
}

async function resolve(auth: Auth, db: Db, req: Request): Promise<Identity | null> {
  const bearer = /^Bearer +(sbk_\S+) *$/i.exec(req.get('authorization') ?? '')?.[1]
  if (bearer) {
    const key = await authenticateApiKey(db, bearer)
    return key ? { ...key, anonymous: false, via: 'api-key' } : null
  }
  const session = await auth.api.getSession({ headers: fromNodeHeaders(req.headers) })
  if (!session) return null
  const membership = await membershipOf(db.db, session.user.id)
  if (!membership) return null
  const anonymous = Boolean(session.user.isAnonymous)
  return {
    userId: session.user.id,
    name: session.user.name,
    email: anonymous ? null : session.user.email,
    anonymous,
    workspaceId: membership.workspaceId,
    role: membership.role,
    via: 'session',
  }
}

import type { AppLoadContext } from '@remix-run/node'
import { allows, identityOf } from './access.server.ts'

/**
 * Which of a brief page's forms this identity may use, so the page shows
 * only those: a viewer reads, an editor also revises, owners and admins also
 * share and delete. The actions check again; this only keeps the page honest.
 */
export interface BriefPermissions {
  revise: boolean
  share: boolean
  delete: boolean
}

export async function briefPermissions(context: AppLoadContext | undefined): Promise<BriefPermissions> {
  const identity = await identityOf(context)
  const may = (p: Parameters<typeof allows>[1]) => identity !== null && allows(identity.role, p)
  return { revise: may('brief:revise'), share: may('brief:share'), delete: may('brief:delete') }
}

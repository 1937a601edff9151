import type { AppLoadContext } from '@remix-run/node'
import { identityOf } from './access.server.ts'

/** What the page header and banners show about the visitor. */
export interface Visitor {
  signedIn: boolean
  anonymous: boolean
  name: string | null
}

export async function visitorOf(context: AppLoadContext | undefined): Promise<Visitor> {
  const identity = await identityOf(context)
  const signedIn = identity !== null && !identity.anonymous
  return { signedIn, anonymous: identity?.anonymous ?? false, name: signedIn ? identity.name : null }
}

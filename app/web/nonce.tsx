import { createContext, useContext } from 'react'

/**
 * The Content-Security-Policy nonce of the page being rendered. The server
 * makes one per request (server/headers.ts), hands it to Remix in the load
 * context, and app/entry.server.tsx provides it here for <Scripts> and
 * <ScrollRestoration>. In the browser it is empty: scripts added after the
 * page loaded are files from our origin, which the policy allows.
 */
const NonceContext = createContext('')

export const NonceProvider = NonceContext.Provider

export function useNonce(): string {
  return useContext(NonceContext)
}

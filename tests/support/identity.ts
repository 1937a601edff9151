import type { AppLoadContext } from '@remix-run/node'
import { actingAs, type Identity } from '#app/web/access.server.ts'
import { LOCAL_WORKSPACE_ID } from '#db/migrations/0001-initial.ts'

/**
 * Identities for tests that call routes without the server: the load
 * context carries the identity the server would have resolved from a
 * session or an API key, and the access check runs on it as on any other.
 */

export function testIdentity(overrides: Partial<Identity> = {}): Identity {
  return {
    userId: 'u_test_owner',
    name: 'Test owner',
    email: 'owner@example.test',
    anonymous: false,
    workspaceId: LOCAL_WORKSPACE_ID,
    role: 'owner',
    via: 'session',
    ...overrides,
  }
}

/** The owner of the local workspace, where the service helpers in these tests write. */
export function asLocalOwner(rest: AppLoadContext = {}): AppLoadContext {
  return actingAs(testIdentity(), rest)
}

import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openApiDocument } from '#app/api/openapi.server.ts'
import { createBrief } from '#app/services/briefs.server.ts'
import { actingAs, type Identity } from '#app/web/access.server.ts'
import { type Db, setDbForTests } from '#db/client.server.ts'
import { LOCAL_WORKSPACE_ID } from '#db/migrations/0001-initial.ts'
import { buildAnswers } from '#tests/support/answers.ts'
import { testDatabases } from '#tests/support/databases.ts'
import { testIdentity } from '#tests/support/identity.ts'
import { API_ROUTES } from './api-client.ts'

/**
 * Every API route in app/routes.ts and every operation in the OpenAPI
 * document carries an access rule, and each rule holds for an anonymous
 * caller, a member of another workspace, a viewer, an editor and the owner.
 * A route added without a rule fails the first test.
 */

const dbs = await testDatabases()
type Rule = string
type Module = { loader: ((args: unknown) => Promise<Response>) & { access?: Record<string, Rule> } }

const toOpenApiPath = (path: string) => path.replace(/^api\/v1/, '').replace(/:(\w+)/g, '{$1}')

describe('access rules cover the API', () => {
  const document = openApiDocument() as { paths: Record<string, Record<string, unknown>> }

  it('gives every method of every API route a rule, the same methods the OpenAPI document lists', () => {
    for (const route of API_ROUTES) {
      if (route.path === 'api/v1/*') continue
      const access = (route.module as unknown as Module).loader.access
      expect(access, `${route.path} has no access rule`).toBeDefined()
      const documented = Object.keys(document.paths[toOpenApiPath(route.path)] ?? {})
        .filter((m) => ['get', 'post', 'delete'].includes(m))
        .map((m) => m.toUpperCase())
      expect(Object.keys(access!).sort(), route.path).toEqual(documented.sort())
    }
  })
})

describe.each(dbs)('the access matrix on $name', (t) => {
  let db: Db
  let cleanup: () => Promise<void>
  let briefId: string

  beforeAll(async () => {
    ;({ db, cleanup } = await t.open())
    setDbForTests(db)
    briefId = (await createBrief(db, { workspaceId: LOCAL_WORKSPACE_ID, answers: buildAnswers() })).brief.id
  })

  afterAll(async () => {
    setDbForTests(undefined)
    await cleanup()
  })

  const callers: Record<string, Identity | null> = {
    anonymous: null,
    'other workspace': testIdentity({ userId: 'u_other', workspaceId: 'w_elsewhere', role: 'owner' }),
    viewer: testIdentity({ userId: 'u_viewer', role: 'viewer' }),
    editor: testIdentity({ userId: 'u_editor', role: 'editor' }),
    owner: testIdentity(),
  }

  /** What each caller gets before the handler reads a body: refused (401, 403, 404) or let through. */
  function expected(rule: Rule, caller: string, path: string): number | 'through' | 'not-seen' {
    if (rule === 'public') return 'through'
    // No session or key opens a check-in: only the brief's own token, which none of these callers sends.
    if (rule === 'checkin-token') return 401
    if (caller === 'anonymous') return 401
    // Another workspace's member lists and exports their own (empty) workspace, and never sees this brief.
    if (caller === 'other workspace') return path.includes(':id') ? 'not-seen' : 'through'
    const writes =
      caller === 'viewer' ? ['brief:read'] : caller === 'editor' ? ['brief:read', 'brief:create', 'brief:revise'] : null
    if (writes && !writes.includes(rule)) return 403
    return 'through'
  }

  for (const route of API_ROUTES) {
    if (route.path === 'api/v1/*') continue
    const access = (route.module as unknown as Module).loader.access ?? {}
    for (const [method, rule] of Object.entries(access)) {
      it(`${method} ${route.path} (${rule})`, async () => {
        const path = `/${route.path}`
          .replace(':id', briefId)
          .replace(':n', '1')
          .replace(':checkinId', 'c_none')
          .replace(':type', 'not-found')
        const params = Object.fromEntries(
          [...route.path.matchAll(/:(\w+)/g)].map(([, name]) => [
            name,
            { id: briefId, n: '1', checkinId: 'c_none', type: 'not-found' }[name] ?? '',
          ]),
        )
        for (const [caller, identity] of Object.entries(callers)) {
          const request = new Request(new URL(path, 'http://localhost'), {
            method,
            headers: { 'Content-Type': 'application/json' },
            body: method === 'GET' ? undefined : '{}',
          })
          const context = identity ? actingAs(identity) : {}
          const call = method === 'GET' ? route.module.loader : route.module.action
          const res = await call({ request, params, context } as never)
          const want = expected(rule, caller, route.path)
          await res.arrayBuffer()
          const label = `${caller} ${method} ${route.path}: ${res.status}`
          // A write with an empty body may be refused as invalid before the brief is looked up: that reveals nothing.
          if (want === 'not-seen') expect([404, 422], label).toContain(res.status)
          else if (want === 'through') expect([401, 403], label).not.toContain(res.status)
          else expect(res.status, label).toBe(want)
        }
      })
    }
  }
})

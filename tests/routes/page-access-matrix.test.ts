import type { AppLoadContext } from '@remix-run/node'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import routes from '#app/routes.ts'
import { addRevision, createBrief } from '#app/services/briefs.server.ts'
import { recordCheckin } from '#app/services/checkins.server.ts'
import { createDraft } from '#app/services/drafts.server.ts'
import { createToken } from '#app/services/tokens.server.ts'
import { actingAs, allows, type Identity, type Permission } from '#app/web/access.server.ts'
import { type Db, setDbForTests } from '#db/client.server.ts'
import { LOCAL_WORKSPACE_ID } from '#db/migrations/0001-initial.ts'
import { buildAnswers } from '#tests/support/answers.ts'
import { testDatabases } from '#tests/support/databases.ts'
import { testIdentity } from '#tests/support/identity.ts'

/**
 * Every page route in app/routes.ts (the API has its own matrix), each method
 * its module answers, for an anonymous visitor, an owner of another
 * workspace, a viewer, an editor and the owner. The rules below are what the
 * pages must do; a route or method without one fails the first test.
 *
 * - `public`: anyone, with or without an identity.
 * - a permission: the access check's answer. No identity, or another
 *   workspace's caller on a brief's or draft's address: 404. A role without
 *   the permission: 403. Otherwise let through (any answer but 401/403/404).
 * - `own-token`: the address's own token is the only key (share links,
 *   invitations); a wrong one is a 404 for every caller, identity or not.
 * - `not-found`: the catch-all, a 404 for everyone.
 */

type Rule = 'public' | 'own-token' | 'not-found' | Permission
type Method = 'GET' | 'POST'

/** Per route (as written in app/routes.ts), per method: the rule, and the form a POST sends. */
const RULES: Record<string, Partial<Record<Method, Rule | [Rule, Record<string, string>]>>> = {
  '': { GET: 'public' },
  'examples/:name.md': { GET: 'public' },
  'examples/:name': { GET: 'public' },
  'examples/:name/adr.zip': { GET: 'public' },
  'examples/:name/radar.csv': { GET: 'public' },
  'examples/:name/radar.json': { GET: 'public' },
  'examples/:name/brief.pdf': { GET: 'public' },
  guides: { GET: 'public' },
  'guides/*': { GET: 'public' },
  new: { GET: 'public', POST: 'brief:create' },
  'drafts/:id': { GET: 'brief:create' },
  'drafts/:id/review': { GET: 'brief:create', POST: 'brief:create' },
  'drafts/:id/:step': { GET: 'brief:create', POST: 'brief:create' },
  'briefs/:id': { GET: 'brief:read', POST: 'brief:revise' },
  'briefs/:id/revisions/:n': { GET: 'brief:read', POST: 'brief:revise' },
  'briefs/:id/revisions/:n/edit': { GET: 'brief:read', POST: 'brief:revise' },
  'briefs/:id/revisions/:n/brief.md': { GET: 'brief:read' },
  'briefs/:id/revisions/:n/brief.json': { GET: 'brief:read' },
  'briefs/:id/revisions/:n/brief.pdf': { GET: 'brief:read' },
  'briefs/:id/revisions/:n/adr.zip': { GET: 'brief:read' },
  'briefs/:id/revisions/:n/radar.csv': { GET: 'brief:read' },
  'briefs/:id/revisions/:n/radar.json': { GET: 'brief:read' },
  'briefs/:id/delete': { GET: 'brief:delete', POST: 'brief:delete' },
  deleted: { GET: 'brief:delete', POST: 'brief:delete' },
  // The settings page only explains and links; its import is refused before its body is read.
  settings: { GET: 'public', POST: ['brief:create', { multipart: 'yes' }] },
  'settings/api-keys': { GET: 'brief:read', POST: 'brief:read' },
  'settings/members': { GET: 'brief:read', POST: ['member:invite', { intent: 'invite', email: '', role: '' }] },
  'invitations/:token': { GET: 'own-token', POST: 'own-token' },
  'sign-up': { GET: 'public', POST: 'public' },
  'sign-in': { GET: 'public', POST: 'public' },
  'sign-out': { GET: 'public', POST: 'public' },
  'briefs/:id/compare': { GET: 'brief:read' },
  'briefs/:id/compare.md': { GET: 'brief:read' },
  'briefs/:id/signals': { GET: 'brief:read', POST: 'checkin:create' },
  // GET only sends the browser to the check-ins page, which asks for itself.
  'briefs/:id/signals/:checkinId/update': { GET: 'public', POST: 'checkin:create' },
  'briefs/:id/tokens': { GET: 'brief:read', POST: 'brief:share' },
  'briefs/:id/tokens/:tokenId/revoke': { GET: 'brief:share', POST: 'brief:share' },
  's/:token': { GET: 'own-token' },
  's/:token/brief.md': { GET: 'own-token' },
  's/:token/brief.pdf': { GET: 'own-token' },
  's/:token/adr.zip': { GET: 'own-token' },
  's/:token/radar.csv': { GET: 'own-token' },
  '*': { GET: 'not-found', POST: 'not-found' },
}

type RouteModule = { loader?: (args: unknown) => unknown; action?: (args: unknown) => unknown }
// The guide pages import MDX, which only the app's build compiles: their rule is checked by name, not called.
const NOT_LOADED = new Set(['routes/guides.$.tsx'])
const MODULES = import.meta.glob<RouteModule>(['/app/routes/*.tsx', '!/app/routes/guides.$.tsx'], { eager: true })

interface RouteEntry {
  path: string
  file: string
}
const PAGE_ROUTES: RouteEntry[] = (routes as { path?: string; file: string; index?: boolean }[])
  .map((r) => ({ path: r.path ?? '', file: r.file }))
  .filter((r) => !r.path.startsWith('api/'))

function moduleOf(route: RouteEntry): RouteModule {
  const found = MODULES[`/app/${route.file}`]
  if (!found) throw new Error(`no module for ${route.file}`)
  return found
}

function methodsOf(module: RouteModule): Method[] {
  return [...(module.loader ? (['GET'] as const) : []), ...(module.action ? (['POST'] as const) : [])]
}

describe('access rules cover the pages', () => {
  it('gives every method of every page route a rule', () => {
    for (const route of PAGE_ROUTES) {
      const rules = RULES[route.path]
      expect(rules, `${route.path} has no access rule`).toBeDefined()
      if (NOT_LOADED.has(route.file)) continue
      expect(Object.keys(rules ?? {}).sort(), route.path).toEqual(methodsOf(moduleOf(route)).sort())
    }
  })
})

const dbs = await testDatabases()

describe.each(dbs)('the page access matrix on $name', (t) => {
  let db: Db
  let cleanup: () => Promise<void>
  const ids: Record<string, string> = {
    name: 'b2b-saas',
    '*': 'caching',
    n: '1',
    step: 'product',
    token: `sbs_${'a'.repeat(32)}`,
  }

  beforeAll(async () => {
    ;({ db, cleanup } = await t.open())
    setDbForTests(db)
    const brief = (await createBrief(db, { workspaceId: LOCAL_WORKSPACE_ID, answers: buildAnswers() })).brief.id
    ids.id = brief
    await db.db
      .insertInto('workspaces')
      .values({ id: 'w_elsewhere', name: 'Elsewhere', created_at: new Date().toISOString() })
      .execute()
    // A second revision, so the comparison pages have something to compare.
    await addRevision(db, { workspaceId: LOCAL_WORKSPACE_ID, briefId: brief, answers: buildAnswers() })
    ids.deletable = (await createBrief(db, { workspaceId: LOCAL_WORKSPACE_ID, answers: buildAnswers() })).brief.id
    ids.draftId = (await createDraft(db, { workspaceId: LOCAL_WORKSPACE_ID })).id
    ids.tokenId =
      (await createToken(db, { workspaceId: LOCAL_WORKSPACE_ID, briefId: brief, name: 'ci' }))?.summary.id ?? ''
    const recorded = await recordCheckin(db, {
      workspaceId: LOCAL_WORKSPACE_ID,
      briefId: brief,
      signals: { measuredAt: new Date().toISOString().slice(0, 10), engineers: 4 } as never,
      source: 'web',
    })
    ids.checkinId = recorded?.checkin.id ?? ''
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

  function expected(rule: Rule, caller: string, path: string): 'through' | 403 | 404 {
    if (rule === 'public') return 'through'
    if (rule === 'own-token' || rule === 'not-found') return 404
    const identity = callers[caller]
    if (!identity) return 404
    if (caller === 'other workspace') return path.includes(':id') ? 404 : 'through'
    return allows(identity.role, rule) ? 'through' : 403
  }

  /** The status a loader or action answers with, thrown or returned; a plain value is a 200. */
  async function statusOf(run: () => unknown): Promise<number> {
    try {
      const result = await run()
      if (result instanceof Response) return result.status
      const init = (result as { init?: ResponseInit | null } | null)?.init
      return init?.status ?? 200
    } catch (error) {
      if (error instanceof Response) return error.status
      throw error
    }
  }

  for (const route of PAGE_ROUTES.filter((r) => !NOT_LOADED.has(r.file))) {
    const rules = RULES[route.path] ?? {}
    for (const [method, entry] of Object.entries(rules) as [Method, Rule | [Rule, Record<string, string>]][]) {
      const [rule, fields] = Array.isArray(entry) ? entry : [entry, {}]
      it(`${method} /${route.path} (${rule})`, async () => {
        const module = moduleOf(route)
        // The delete route gets a brief of its own, so the routes after it still find theirs.
        const value = (name: string) => {
          if (name === 'id' && route.path.startsWith('drafts/')) return ids.draftId
          if (name === 'id' && route.path === 'briefs/:id/delete') return ids.deletable
          return ids[name] ?? ''
        }
        const params = Object.fromEntries(
          [...route.path.matchAll(/:(\w+)|(\*)/g)].map(([, name, star]) => [name ?? star, value(name ?? star)]),
        )
        const path = `/${route.path}`.replace(/:(\w+)|\*/g, (_, name) => value(name ?? '*'))
        for (const [caller, identity] of Object.entries(callers)) {
          const { multipart, ...sent } = fields as Record<string, string>
          const form = new FormData()
          for (const [k, v] of Object.entries(sent)) form.set(k, v)
          const request = new Request(new URL(path, 'http://localhost'), {
            method,
            body: method !== 'POST' ? undefined : multipart ? form : new URLSearchParams(sent),
          })
          const context: AppLoadContext = identity ? actingAs(identity) : {}
          const call = method === 'GET' ? module.loader : module.action
          const status = await statusOf(() => call?.({ request, params, context }))
          const want = expected(rule, caller, route.path)
          const label = `${caller} ${method} /${route.path}: ${status}`
          // Another workspace's write may be refused as invalid before the brief is looked up: that reveals nothing.
          if (want === 404 && caller === 'other workspace' && method === 'POST')
            expect([400, 404, 422], label).toContain(status)
          else if (want === 'through') expect([401, 403, 404], label).not.toContain(status)
          else expect(status, label).toBe(want)
        }
      })
    }
  }
})

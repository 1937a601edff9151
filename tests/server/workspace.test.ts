import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import pino from 'pino'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Db, setDbForTests } from '#db/client.server.ts'
import { BASE_INPUT } from '#tests/support/answers.ts'
import { testDatabases } from '#tests/support/databases.ts'
import { loadConfig } from '../../server/config.ts'
import { createApp } from '../../server.ts'
import { FORM, JSON_BODY, raw, signUp } from './http-client.ts'

/**
 * One path from a request to its workspace: through the real server, a page
 * and the API see the same briefs for a session and for an API key, and
 * neither sees another workspace's.
 */

const dbs = await testDatabases()

describe.each(dbs)('the workspace of a request on $name', (t) => {
  let db: Db
  let cleanup: () => Promise<void>
  let server: Server
  let base: string
  /** How each caller proves who it is: a session cookie or an API key. */
  const callers: Record<string, Record<string, string>> = {}
  const briefOf: Record<string, string> = {}

  beforeAll(async () => {
    ;({ db, cleanup } = await t.open())
    setDbForTests(db)
    const app = await createApp({ mode: 'development', logger: pino({ level: 'silent' }), config: loadConfig({}), db })
    server = app.listen(0, '127.0.0.1')
    await new Promise((resolve) => server.once('listening', resolve))
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
    // The first account takes the local workspace; the second gets a workspace of its own.
    for (const name of ['first', 'second']) {
      const cookie = await signUp(base, {}, `${name}-${t.name}@example.test`)
      callers[`${name} by session`] = { Cookie: cookie }
      const made = await raw(base, '/settings/api-keys', {
        method: 'POST',
        headers: { ...FORM, Cookie: cookie },
        body: new URLSearchParams({ intent: 'create-key', name: 'script' }).toString(),
      })
      expect(made.status).toBe(201)
      callers[`${name} by API key`] = { Authorization: `Bearer ${/sbk_[A-Za-z0-9_-]{43}/.exec(made.body)?.[0]}` }
      const created = await raw(base, '/api/v1/briefs', {
        method: 'POST',
        headers: { ...JSON_BODY, Cookie: cookie },
        body: JSON.stringify({ ...BASE_INPUT, product: { ...BASE_INPUT.product, name: `Brief of ${name}` } }),
      })
      expect(created.status).toBe(201)
      briefOf[name] = (JSON.parse(created.body) as { id: string }).id
    }
  }, 120_000)

  afterAll(async () => {
    await new Promise((resolve) => server?.close(resolve))
    setDbForTests(undefined)
    await cleanup()
  })

  it.each([
    ['first by session', 'first'],
    ['first by API key', 'first'],
    ['second by session', 'second'],
    ['second by API key', 'second'],
  ])(
    '%s: the page and the API open the same brief and refuse the same one',
    async (caller, owner) => {
      const headers = callers[caller]
      for (const [whose, id] of Object.entries(briefOf)) {
        const page = await raw(base, `/briefs/${id}`, { headers })
        const api = await raw(base, `/api/v1/briefs/${id}`, { headers })
        const expected = whose === owner ? 200 : 404
        expect({ whose, page: page.status, api: api.status }).toEqual({ whose, page: expected, api: expected })
      }
      // The home page lists what the API lists.
      const listed = JSON.parse((await raw(base, '/api/v1/briefs', { headers })).body) as { items: { id: string }[] }
      expect(listed.items.map((b) => b.id)).toEqual([briefOf[owner]])
      const home = await raw(base, '/', { headers })
      expect(home.body).toContain(`/briefs/${briefOf[owner]}`)
      for (const [whose, id] of Object.entries(briefOf)) {
        if (whose !== owner) expect(home.body).not.toContain(`/briefs/${id}`)
      }
    },
    60_000,
  )
})

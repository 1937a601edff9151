import { mkdtempSync, rmSync } from 'node:fs'
import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { networkInterfaces, tmpdir } from 'node:os'
import { join } from 'node:path'
import pino from 'pino'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { getDb, setDbForTests } from '#db/client.server.ts'
import { BASE_INPUT } from '#tests/support/answers.ts'
import { ANONYMOUS_IDENTITIES_PER_HOUR } from '../../server/accounts.ts'
import { loadConfig } from '../../server/config.ts'
import { createApp } from '../../server.ts'
import { FORM, JSON_BODY, type RawResponse, raw, signUp } from './http-client.ts'

/**
 * The security baseline through the real server (Express, the Remix handler
 * in development mode, a SQLite file): the Host allowlist, the headers and
 * the CSP nonce, cross-site refusals, /metrics, and rate limits. Two
 * instances of the app: one with no configuration (a laptop), one with
 * PUBLIC_URL and METRICS_TOKEN (a public instance behind TLS).
 */

const PUBLIC = 'https://briefs.example.test'
const METRICS_TOKEN = 'metrics-token-0123456789abcdef'
const silent = pino({ level: 'silent' })

let dir: string
let laptop: Server
let publicServer: Server
let base: string
let port: number
let publicBase: string
/** The session of one account on each instance: briefs belong to someone. */
const sessions = new Map<string, string>()
const asUser = (on: string) => ({ Cookie: sessions.get(on) ?? '' })
const previousUrl = process.env.DATABASE_URL

const listen = (app: Awaited<ReturnType<typeof createApp>>, host: string) =>
  new Promise<Server>((resolve) => {
    const s = app.listen(0, host, () => resolve(s))
  })

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'stackbrief-security-'))
  process.env.DATABASE_URL = join(dir, 'security.db')
  setDbForTests(undefined)
  const laptopApp = await createApp({ mode: 'development', logger: silent, config: loadConfig({}) })
  laptop = await listen(laptopApp, '127.0.0.1')
  port = (laptop.address() as AddressInfo).port
  base = `http://127.0.0.1:${port}`
  const publicApp = await createApp({
    mode: 'development',
    logger: silent,
    config: loadConfig({ PUBLIC_URL: PUBLIC, METRICS_TOKEN }),
  })
  publicServer = await listen(publicApp, '127.0.0.1')
  publicBase = `http://127.0.0.1:${(publicServer.address() as AddressInfo).port}`
  sessions.set(base, await signUp(base))
  sessions.set(publicBase, await signUp(publicBase, { Host: 'briefs.example.test' }))
}, 90_000)

afterAll(async () => {
  await new Promise((resolve) => laptop.close(resolve))
  await new Promise((resolve) => publicServer.close(resolve))
  await (await getDb()).close()
  setDbForTests(undefined)
  if (previousUrl === undefined) delete process.env.DATABASE_URL
  else process.env.DATABASE_URL = previousUrl
  rmSync(dir, { recursive: true, force: true })
})

const answers = (name: string) => ({ ...BASE_INPUT, product: { ...BASE_INPUT.product, name } })

async function createBrief(on = base, headers: Record<string, string> = {}): Promise<string> {
  const created = await raw(on, '/api/v1/briefs', {
    method: 'POST',
    headers: { ...JSON_BODY, ...asUser(on), ...headers },
    body: JSON.stringify(answers('Security')),
  })
  expect(created.status).toBe(201)
  return (JSON.parse(created.body) as { id: string }).id
}

async function createToken(briefId: string, on = base, headers: Record<string, string> = {}): Promise<RawResponse> {
  return raw(on, `/briefs/${briefId}/tokens`, {
    method: 'POST',
    headers: { ...FORM, ...asUser(on), ...headers },
    body: 'name=ci',
  })
}

const countUsers = async () =>
  Number(
    (
      await (
        await getDb()
      ).db
        .selectFrom('auth_user')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  )

const tokenIn = (html: string) => /sbt_[0-9A-Za-z]{32}/.exec(html)?.[0]

describe('Host allowlist', () => {
  it('answers localhost, 127.0.0.1 and [::1] on any port when PUBLIC_URL is unset', async () => {
    for (const host of [`localhost:${port}`, `127.0.0.1:${port}`, `[::1]:${port}`, 'localhost']) {
      const res = await raw(base, '/guides', { headers: { Host: host } })
      expect(res.status, host).toBe(200)
    }
  })

  it('refuses any other Host with a small plain 400, and problem details under /api', async () => {
    for (const host of ['evil.example', `evil.example:${port}`, '192.0.2.2', 'localhost.evil.example']) {
      const res = await raw(base, '/', { headers: { Host: host } })
      expect(res.status, host).toBe(400)
      expect(res.headers['content-type']).toContain('text/plain')
      expect(res.body.length).toBeLessThan(200)
    }
    const api = await raw(base, '/api/v1/briefs', { headers: { Host: 'rebound.example' } })
    expect(api.status).toBe(400)
    expect(api.headers['content-type']).toContain('application/problem+json')
    expect(JSON.parse(api.body)).toMatchObject({ type: '/api/v1/problems/invalid-host', status: 400 })
    // A rebound name cannot mint a token either.
    const post = await raw(base, '/briefs/b_x/tokens', {
      method: 'POST',
      headers: { ...FORM, Host: 'rebound.example' },
    })
    expect(post.status).toBe(400)
  })

  it('keeps /healthz open to any Host, for load balancers that probe by address', async () => {
    const res = await raw(base, '/healthz', { headers: { Host: '10.1.2.3:3000' } })
    expect(res.status).toBe(200)
  })

  it('with PUBLIC_URL, answers its host only (the default port written or not)', async () => {
    for (const host of ['briefs.example.test', 'briefs.example.test:443', 'BRIEFS.example.test']) {
      expect((await raw(publicBase, '/guides', { headers: { Host: host } })).status, host).toBe(200)
    }
    for (const host of ['localhost', '127.0.0.1:3000', 'briefs.example.test:80', 'evil.example']) {
      expect((await raw(publicBase, '/guides', { headers: { Host: host } })).status, host).toBe(400)
    }
  })

  it('ignores X-Forwarded-Host unless TRUST_PROXY says a proxy sets it', async () => {
    const res = await raw(base, '/guides', { headers: { 'X-Forwarded-Host': 'evil.example' } })
    expect(res.status).toBe(200)
  })
})

describe('absolute links come from PUBLIC_URL, never from the Host header', () => {
  it('builds guide links, the curl example and the OpenAPI server from PUBLIC_URL', async () => {
    const host = { Host: 'briefs.example.test' }
    const id = await createBrief(publicBase, host)
    const markdown = await raw(publicBase, `/briefs/${id}/revisions/1/brief.md`, {
      headers: { ...host, ...asUser(publicBase) },
    })
    expect(markdown.status).toBe(200)
    expect(markdown.body).toContain(`${PUBLIC}/guides/`)
    const made = await createToken(id, publicBase, host)
    expect(made.status).toBe(200)
    expect(made.body).toContain(`curl -X POST ${PUBLIC}/api/v1/briefs/${id}/signals`)
    const openapi = await raw(publicBase, '/api/v1/openapi.json', { headers: host })
    const document = JSON.parse(openapi.body)
    expect(document.servers).toEqual([{ url: `${PUBLIC}/api/v1` }])
    // Every write documents the refusals the server makes before the API sees it.
    const posts = Object.values(document.paths as Record<string, { post?: { responses: object } }>).flatMap((p) =>
      p.post ? [p.post.responses] : [],
    )
    expect(posts.length).toBeGreaterThan(2)
    for (const responses of posts) expect(Object.keys(responses)).toEqual(expect.arrayContaining(['403', '429']))
  })

  it('without PUBLIC_URL, downloads name their guides and link no host', async () => {
    const id = await createBrief()
    const markdown = await raw(base, `/briefs/${id}/revisions/1/brief.md`, {
      headers: { Host: `localhost:${port}`, ...asUser(base) },
    })
    expect(markdown.status).toBe(200)
    expect(markdown.body).not.toContain(`http://localhost:${port}/guides/`)
    expect(markdown.body).not.toContain('evil')
  })
})

describe('security headers', () => {
  it('sets a nonce-based CSP that every script on the page carries, a new nonce per response', async () => {
    const nonces: string[] = []
    for (const path of ['/', '/guides', '/new']) {
      const res = await raw(base, path)
      const csp = String(res.headers['content-security-policy'])
      const nonce = /'nonce-([A-Za-z0-9+/=]+)'/.exec(csp)?.[1]
      expect(nonce, path).toBeDefined()
      nonces.push(nonce!)
      expect(csp).toContain("frame-ancestors 'none'")
      expect(csp).toContain("object-src 'none'")
      expect(csp).toMatch(/script-src 'self' 'nonce-/)
      if (res.status === 200) {
        const scripts = res.body.match(/<script\b[^>]*>/g) ?? []
        expect(scripts.length, path).toBeGreaterThan(0)
        for (const tag of scripts) {
          // A script is either a file from this origin or carries this response's nonce.
          if (!/\bsrc="\//.test(tag)) expect(tag, path).toContain(`nonce="${nonce}"`)
        }
      }
    }
    expect(new Set(nonces).size).toBe(nonces.length)
  })

  it('sets nosniff, a strict Referrer-Policy, DENY framing, and no HSTS over plain http', async () => {
    const res = await raw(base, '/guides')
    expect(res.headers['x-content-type-options']).toBe('nosniff')
    expect(res.headers['referrer-policy']).toBe('strict-origin-when-cross-origin')
    expect(res.headers['x-frame-options']).toBe('DENY')
    expect(res.headers['strict-transport-security']).toBeUndefined()
    expect(res.headers['x-powered-by']).toBeUndefined()
  })

  it('sends HSTS and upgrade-insecure-requests when PUBLIC_URL is https', async () => {
    const res = await raw(publicBase, '/guides', { headers: { Host: 'briefs.example.test' } })
    expect(res.headers['strict-transport-security']).toBe('max-age=31536000')
    expect(res.headers['content-security-policy']).toContain('upgrade-insecure-requests')
  })
})

describe('cross-site requests', () => {
  const evil = { Origin: 'https://evil.example' }

  it('refuses a cross-site form post and a .data post with a small 403 page, not a 500', async () => {
    for (const path of ['/new', '/new.data']) {
      const res = await raw(base, path, { method: 'POST', headers: { ...FORM, ...evil }, body: '' })
      expect(res.status, path).toBe(403)
      expect(res.headers['content-type']).toContain('text/html')
      expect(res.body.length).toBeLessThan(400)
    }
    const fetchSite = await raw(base, '/new', { method: 'POST', headers: { ...FORM, 'Sec-Fetch-Site': 'cross-site' } })
    expect(fetchSite.status).toBe(403)
    const nullOrigin = await raw(base, '/new', { method: 'POST', headers: { ...FORM, Origin: 'null' } })
    expect(nullOrigin.status).toBe(403)
  })

  it('refuses a cross-site API write with problem details', async () => {
    const res = await raw(base, '/api/v1/briefs', {
      method: 'POST',
      headers: { ...JSON_BODY, ...evil },
      body: JSON.stringify(answers('x')),
    })
    expect(res.status).toBe(403)
    expect(res.headers['content-type']).toContain('application/problem+json')
    expect(JSON.parse(res.body)).toMatchObject({ type: '/api/v1/problems/cross-site-request', status: 403 })
  })

  it('lets same-origin posts and scripts with no Origin through', async () => {
    const own = await raw(base, '/new', {
      method: 'POST',
      headers: { ...FORM, Origin: base, 'Sec-Fetch-Site': 'same-origin' },
      body: '',
    })
    expect(own.status).toBe(302)
    const script = await raw(base, '/new', { method: 'POST', headers: FORM, body: '' })
    expect(script.status).toBe(302)
    const id = await createBrief()
    expect(id).toMatch(/^b_/)
    // With PUBLIC_URL, its origin is the one that counts, scheme included.
    const host = { Host: 'briefs.example.test' }
    const pub = await raw(publicBase, '/new', { method: 'POST', headers: { ...FORM, ...host, Origin: PUBLIC } })
    expect(pub.status).toBe(302)
    const downgraded = await raw(publicBase, '/new', {
      method: 'POST',
      headers: { ...FORM, ...host, Origin: 'http://briefs.example.test' },
    })
    expect(downgraded.status).toBe(403)
  })
})

describe('/metrics', () => {
  it('answers a client on this machine, and 404 when the request came through a proxy or a rebound name', async () => {
    const local = await raw(base, '/metrics')
    expect(local.status).toBe(200)
    expect(local.body).toContain('http_requests_total')
    expect((await raw(base, '/metrics', { headers: { 'X-Forwarded-For': '203.0.113.9' } })).status).toBe(404)
    expect((await raw(base, '/metrics', { headers: { Host: 'rebound.example' } })).status).toBe(404)
  })

  it('answers 404 to a client on another address (the socket decides, not X-Forwarded-For)', async (ctx) => {
    const address = Object.values(networkInterfaces())
      .flat()
      .find((i) => i && i.family === 'IPv4' && !i.internal)?.address
    if (!address) return ctx.skip()
    const app = await createApp({ mode: 'development', logger: silent, config: loadConfig({}) })
    const outside = await listen(app, address)
    try {
      const at = `http://${address}:${(outside.address() as AddressInfo).port}`
      const res = await raw(at, '/metrics', { headers: { Host: 'localhost', 'X-Forwarded-For': '127.0.0.1' } })
      expect(res.status).toBe(404)
    } finally {
      await new Promise((resolve) => outside.close(resolve))
    }
  })

  it('with METRICS_TOKEN, needs the token from everyone (401 otherwise)', async () => {
    const none = await raw(publicBase, '/metrics')
    expect(none.status).toBe(401)
    expect(none.headers['www-authenticate']).toContain('Bearer')
    const wrong = await raw(publicBase, '/metrics', { headers: { Authorization: 'Bearer wrong-token' } })
    expect(wrong.status).toBe(401)
    const right = await raw(publicBase, '/metrics', { headers: { Authorization: `Bearer ${METRICS_TOKEN}` } })
    expect(right.status).toBe(200)
    expect(right.body).toContain('http_requests_total')
  })
})

describe('rate limits', () => {
  const checkin = (briefId: string, token: string) =>
    raw(base, `/api/v1/briefs/${briefId}/signals`, {
      method: 'POST',
      headers: { ...JSON_BODY, Authorization: `Bearer ${token}` },
      body: JSON.stringify({ measuredAt: new Date().toISOString().slice(0, 10), engineers: 4 }),
    })

  it('counts only failed token attempts: 30 check-ins with a good token, then 20 wrong ones and a 429', async () => {
    const id = await createBrief()
    const token = tokenIn((await createToken(id)).body)
    expect(token).toBeDefined()
    const started = performance.now()
    for (let i = 0; i < 30; i++) expect((await checkin(id, token!)).status).toBe(201)
    const perSecond = 30 / ((performance.now() - started) / 1000)
    expect(perSecond).toBeGreaterThan(5)

    const wrong = `sbt_${'x'.repeat(32)}`
    for (let i = 0; i < 20; i++) expect((await checkin(id, wrong)).status).toBe(401)
    const limited = await checkin(id, wrong)
    expect(limited.status).toBe(429)
    expect(limited.headers['content-type']).toContain('application/problem+json')
    expect(JSON.parse(limited.body)).toMatchObject({ type: '/api/v1/problems/too-many-requests', status: 429 })
    const retryAfter = Number(limited.headers['retry-after'])
    expect(retryAfter).toBeGreaterThan(0)
    expect(retryAfter).toBeLessThanOrEqual(15 * 60)
    // Locked out for the window: the right token is refused as well, before it is checked.
    expect((await checkin(id, token!)).status).toBe(429)
  })

  it('keys clients by X-Forwarded-For only when TRUST_PROXY says a proxy sets it', async () => {
    const id = await createBrief()
    const wrong = `sbt_${'z'.repeat(32)}`
    // The laptop instance trusts no proxy: this client is locked out above, whatever X-Forwarded-For says.
    const spoofed = await raw(base, `/api/v1/briefs/${id}/signals`, {
      method: 'POST',
      headers: { ...JSON_BODY, Authorization: `Bearer ${wrong}`, 'X-Forwarded-For': '198.51.100.1' },
      body: '{}',
    })
    expect(spoofed.status).toBe(429)

    const app = await createApp({
      mode: 'development',
      logger: silent,
      config: loadConfig({ PUBLIC_URL: PUBLIC, TRUST_PROXY: '1' }),
    })
    const proxied = await listen(app, '127.0.0.1')
    try {
      const at = `http://127.0.0.1:${(proxied.address() as AddressInfo).port}`
      // Behind the proxy, the Host the client asked for is X-Forwarded-Host.
      const forwarded = { Host: '127.0.0.1', 'X-Forwarded-Host': 'briefs.example.test' }
      expect((await raw(at, '/guides', { headers: forwarded })).status).toBe(200)
      const guess = (client: string) =>
        raw(at, `/api/v1/briefs/${id}/signals`, {
          method: 'POST',
          headers: { ...JSON_BODY, ...forwarded, Authorization: `Bearer ${wrong}`, 'X-Forwarded-For': client },
          body: '{}',
        })
      for (let i = 0; i < 20; i++) expect((await guess('203.0.113.10')).status).toBe(401)
      expect((await guess('203.0.113.10')).status).toBe(429)
      expect((await guess('203.0.113.11')).status).toBe(401)
    } finally {
      await new Promise((resolve) => proxied.close(resolve))
    }
  })

  it('allows 20 new tokens an hour per client, then 429 with a short page', async () => {
    const id = await createBrief()
    let made = 0
    let limited: RawResponse | undefined
    for (let i = 0; i < 25 && !limited; i++) {
      const res = await createToken(id)
      if (res.status === 429) limited = res
      else made++
    }
    // Two tokens were made earlier in this file, from the same client.
    expect(made).toBe(18)
    expect(limited?.headers['content-type']).toContain('text/html')
    expect(Number(limited?.headers['retry-after'])).toBeGreaterThan(0)
  })

  it('makes at most 100 anonymous identities an hour per client; a visitor who has one goes on writing', async () => {
    const db = await getDb()
    // The count starts from nothing, whatever earlier tests did from this address.
    await db.db.deleteFrom('rate_limits').where('bucket', 'like', 'anonymous-identities:%').execute()
    const usersBefore = await countUsers()
    const start = (headers: Record<string, string> = {}) =>
      raw(base, '/new', { method: 'POST', headers: { ...FORM, ...headers }, body: '' })
    let cookie = ''
    for (let i = 0; i < ANONYMOUS_IDENTITIES_PER_HOUR; i++) {
      const res = await start()
      expect(res.status, `start ${i + 1}`).toBe(302)
      cookie ||= [res.headers['set-cookie'] ?? []]
        .flat()
        .map((c) => c.split(';')[0])
        .join('; ')
    }
    const limited = await start()
    expect(limited.status).toBe(429)
    expect(limited.headers['content-type']).toContain('text/html')
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0)
    expect((await countUsers()) - usersBefore).toBe(ANONYMOUS_IDENTITIES_PER_HOUR)
    // The limit is on making identities, not on their work.
    expect((await start({ Cookie: cookie })).status).toBe(302)
  })

  it('allows 600 writes a minute per client, then 429', { timeout: 60_000 }, async () => {
    let limited: RawResponse | undefined
    let sent = 0
    // Two windows at most: the limit resets when a minute starts.
    while (!limited && sent < 1300) {
      const res = await raw(base, '/api/v1/no-such-path', { method: 'POST', headers: JSON_BODY, body: '{}' })
      sent++
      if (res.status === 429) limited = res
      else expect(res.status).toBe(404)
    }
    expect(limited).toBeDefined()
    expect(Number(limited?.headers['retry-after'])).toBeLessThanOrEqual(60)
  })
})

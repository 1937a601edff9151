import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { getMigrations } from 'better-auth/db/migration'
import pino from 'pino'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createBrief } from '#app/services/briefs.server.ts'
import { safeReturnTo } from '#app/web/account-schemas.ts'
import { type Db, setDbForTests } from '#db/client.server.ts'
import { LOCAL_WORKSPACE_ID } from '#db/migrations/0001-initial.ts'
import { BASE_INPUT, buildAnswers } from '#tests/support/answers.ts'
import { testDatabases } from '#tests/support/databases.ts'
import { createAuth } from '../../server/auth.ts'
import { loadConfig } from '../../server/config.ts'
import { createApp } from '../../server.ts'
import { cookieHeader, FORM, JSON_BODY, type RawResponse, raw, signUp } from './http-client.ts'

/**
 * Accounts through the real server on each database: the library finds its
 * tables made by our migration, the first account takes the local
 * workspace, the pages work as plain HTML forms, and an anonymous visitor's
 * briefs follow them into the account they make or sign in to.
 */

const dbs = await testDatabases()
const answers = (name: string) => ({ ...BASE_INPUT, product: { ...BASE_INPUT.product, name } })
const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString()
const PASSWORD = 'a long enough password'

describe.each(dbs)('accounts on $name', (t) => {
  let db: Db
  let cleanup: () => Promise<void>
  let server: Server
  let base: string
  let dataDir: string
  let localBriefId: string
  const logged: string[] = []

  beforeAll(async () => {
    ;({ db, cleanup } = await t.open())
    setDbForTests(db)
    // A brief written before accounts existed, in the local workspace.
    const before = buildAnswers({ product: { name: 'Before accounts' } })
    localBriefId = (await createBrief(db, { workspaceId: LOCAL_WORKSPACE_ID, answers: before })).brief.id
    dataDir = mkdtempSync(join(tmpdir(), 'stackbrief-accounts-'))
    const logger = pino({ level: 'info' }, { write: (line: string) => logged.push(line) })
    const app = await createApp({ mode: 'development', logger, config: loadConfig({}), db })
    server = app.listen(0, '127.0.0.1')
    await new Promise((resolve) => server.once('listening', resolve))
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  }, 90_000)

  afterAll(async () => {
    await new Promise((resolve) => server?.close(resolve))
    setDbForTests(undefined)
    await cleanup()
    rmSync(dataDir, { recursive: true, force: true })
  })

  const page = (path: string, cookie = '', init: { method?: string; body?: string } = {}) =>
    raw(base, path, {
      method: init.method ?? 'GET',
      headers: { ...(init.body !== undefined ? FORM : {}), ...(cookie ? { Cookie: cookie } : {}) },
      body: init.body,
    })
  const merge = (before: string, res: RawResponse) => {
    const set = cookieHeader(res)
    if (!set) return before
    const names = new Set(set.split('; ').map((pair) => pair.split('=')[0]))
    return [...before.split('; ').filter((pair) => pair && !names.has(pair.split('=')[0])), set].join('; ')
  }

  it('finds every table and column the auth library needs already made by our migration', async () => {
    const auth = createAuth({ db, config: loadConfig({}), secret: 'x'.repeat(40), logger: pino({ level: 'silent' }) })
    const { toBeCreated, toBeAdded } = await getMigrations(auth.options)
    expect(toBeCreated).toEqual([])
    expect(toBeAdded).toEqual([])
  })

  it('generates a session secret when BETTER_AUTH_SECRET is unset, keeps it in the data folder and says so', () => {
    // Beside the SQLite file; with PostgreSQL, in ./data where `npm start` keeps its files.
    const folder = t.name === 'sqlite' ? join(db.location, '..') : join(process.cwd(), 'data')
    const file = join(folder, 'auth-secret')
    expect(existsSync(file)).toBe(true)
    expect(readFileSync(file, 'utf8').trim().length).toBeGreaterThanOrEqual(32)
    expect(logged.some((line) => line.includes('BETTER_AUTH_SECRET is unset'))).toBe(true)
  })

  it('answers an API call with no identity 401 problem+json, and a visitor with no identity sees no briefs', async () => {
    const api = await raw(base, '/api/v1/briefs')
    expect(api.status).toBe(401)
    expect(api.headers['content-type']).toContain('application/problem+json')
    expect(api.headers['www-authenticate']).toContain('Bearer')
    expect((await page(`/briefs/${localBriefId}`)).status).toBe(404)
    expect((await page('/')).body).not.toContain('Before accounts')
  })

  it('signs up without scripts: field errors keep what was typed, then the first account owns the local briefs', async () => {
    const form0 = await page('/sign-up')
    expect(form0.status).toBe(200)
    expect(form0.body).toContain('the first account made here owns the briefs already written on it')

    const wrong = await page('/sign-up', '', {
      method: 'POST',
      body: form({ name: 'Ada', email: 'not-an-email', password: 'short' }),
    })
    expect(wrong.status).toBe(400)
    expect(wrong.body).toContain('value="Ada"')
    expect(wrong.body).toContain('value="not-an-email"')
    expect(wrong.body).toContain('Enter an email address such as')
    expect(wrong.body).toContain('at least 10 characters')
    expect(wrong.body).not.toContain('value="short"')

    const made = await page('/sign-up', '', {
      method: 'POST',
      body: form({ name: 'Ada', email: 'ada@example.test', password: PASSWORD, returnTo: '/' }),
    })
    expect(made.status).toBe(302)
    expect(made.headers.location).toBe('/')
    const setCookie = String(made.headers['set-cookie'])
    expect(setCookie).toMatch(/HttpOnly/i)
    expect(setCookie).toMatch(/SameSite=Lax/i)
    const ada = cookieHeader(made)
    const home = await page('/', ada)
    expect(home.body).toContain('Before accounts')
    expect((await page(`/briefs/${localBriefId}`, ada)).status).toBe(200)
    // The statement holds no longer.
    expect((await page('/sign-up')).body).not.toContain('the first account made here owns')

    const again = await page('/sign-up', '', {
      method: 'POST',
      body: form({ name: 'Ada again', email: 'ada@example.test', password: PASSWORD }),
    })
    expect(again.status).toBe(409)
    expect(again.body).toContain('exists already')
  })

  it('signs in without scripts, with one answer for a wrong password and an unknown email', async () => {
    const wrong = await page('/sign-in', '', {
      method: 'POST',
      body: form({ email: 'ada@example.test', password: 'not the password' }),
    })
    const unknown = await page('/sign-in', '', {
      method: 'POST',
      body: form({ email: 'nobody@example.test', password: 'not the password' }),
    })
    expect(wrong.status).toBe(401)
    expect(unknown.status).toBe(401)
    expect(wrong.body).toContain('value="ada@example.test"')
    expect(wrong.body).toContain('do not match an account')
    const right = await page('/sign-in', '', {
      method: 'POST',
      body: form({ email: 'ada@example.test', password: PASSWORD, returnTo: `/briefs/${localBriefId}` }),
    })
    expect(right.status).toBe(302)
    expect(right.headers.location).toBe(`/briefs/${localBriefId}`)
    expect((await page(`/briefs/${localBriefId}`, cookieHeader(right))).status).toBe(200)
  })

  /** A visitor's first write gives them an anonymous identity; they write a brief with it. */
  async function anonymousBrief(name: string): Promise<{ cookie: string; briefId: string; draftPath: string }> {
    const started = await page('/new', '', { method: 'POST', body: '' })
    expect(started.status).toBe(302)
    const cookie = cookieHeader(started)
    expect(cookie).toContain('session_token')
    const created = await raw(base, '/api/v1/briefs', {
      method: 'POST',
      headers: { ...JSON_BODY, Cookie: cookie },
      body: JSON.stringify(answers(name)),
    })
    expect(created.status).toBe(201)
    const briefId = (JSON.parse(created.body) as { id: string }).id
    const mine = await page(`/briefs/${briefId}`, cookie)
    expect(mine.status).toBe(200)
    expect(mine.body).toContain('Make an account')
    // Nobody else sees it: not a visitor without identity, not the local workspace's owner.
    expect((await page(`/briefs/${briefId}`)).status).toBe(404)
    return { cookie, briefId, draftPath: String(started.headers.location) }
  }

  it('keeps an anonymous visitor’s briefs and drafts when they sign up', async () => {
    const { cookie, briefId, draftPath } = await anonymousBrief('Written anonymously, then signed up')
    const signedUp = await page('/sign-up', cookie, {
      method: 'POST',
      body: form({ name: 'Grace', email: 'grace@example.test', password: PASSWORD, returnTo: `/briefs/${briefId}` }),
    })
    expect(signedUp.status).toBe(302)
    const grace = merge(cookie, signedUp)
    const brief = await page(`/briefs/${briefId}`, grace)
    expect(brief.status).toBe(200)
    expect(brief.body).not.toContain('Make an account')
    expect((await page(draftPath, grace)).status).toBe(200)
    // The anonymous session ended with the claim.
    expect((await page(`/briefs/${briefId}`, cookie)).status).toBe(404)
    // One copy, with its revision: nothing duplicated.
    const rows = await db.db
      .selectFrom('briefs')
      .select(['id'])
      .where('title', 'like', 'Written anonymously%')
      .execute()
    expect(rows).toHaveLength(1)
    expect((await page('/', grace)).body).not.toContain('Before accounts')
  })

  it('keeps an anonymous visitor’s briefs when they sign in to an account they had', async () => {
    const owner = await signUp(base, {}, 'linus@example.test')
    const { cookie, briefId } = await anonymousBrief('Written anonymously, then signed in')
    expect((await page(`/briefs/${briefId}`, owner)).status).toBe(404)
    const signedIn = await page('/sign-in', cookie, {
      method: 'POST',
      body: form({ email: 'linus@example.test', password: PASSWORD }),
    })
    expect(signedIn.status).toBe(302)
    expect((await page(`/briefs/${briefId}`, merge(cookie, signedIn))).status).toBe(200)
    // The account's other sessions see it too: it is the account's, not the browser's.
    expect((await page(`/briefs/${briefId}`, owner)).status).toBe(200)
    const anonymousLeft = await db.db
      .selectFrom('auth_user')
      .select('id')
      .where('isAnonymous', '=', t.name === 'sqlite' ? 1 : true)
      .execute()
    expect(anonymousLeft).toHaveLength(0)
  })

  it('makes an API key on the settings page that lists briefs as its owner, until it is revoked', async () => {
    const owner = await signUp(base, {}, 'keys@example.test')
    const made = await page('/settings/api-keys', owner, {
      method: 'POST',
      body: form({ intent: 'create-key', name: 'CI' }),
    })
    expect(made.status).toBe(201)
    const key = /sbk_[A-Za-z0-9_-]{43}/.exec(made.body)?.[0]
    expect(key).toBeDefined()
    const bearer = { Authorization: `Bearer ${key}` }
    const created = await raw(base, '/api/v1/briefs', {
      method: 'POST',
      headers: { ...JSON_BODY, ...bearer },
      body: JSON.stringify(answers('Made by a script')),
    })
    expect(created.status).toBe(201)
    const id = (JSON.parse(created.body) as { id: string }).id
    expect((await raw(base, `/api/v1/briefs/${id}`, { headers: bearer })).status).toBe(200)
    // Another workspace's brief is not there for this key.
    expect((await raw(base, `/api/v1/briefs/${localBriefId}`, { headers: bearer })).status).toBe(404)
    const keyId = /name="keyId" value="([^"]+)"/.exec((await page('/settings/api-keys', owner)).body)?.[1]
    expect(keyId).toBeDefined()
    const revoked = await page('/settings/api-keys', owner, {
      method: 'POST',
      body: form({ intent: 'revoke-key', keyId: keyId! }),
    })
    expect(revoked.status).toBe(302)
    expect((await raw(base, `/api/v1/briefs/${id}`, { headers: bearer })).status).toBe(401)
  })

  it('takes names and bodies at the auth endpoints as the sign-up form does: 400 past 80 characters or with a control character, 413 past 16 KB', async () => {
    const signUpWith = (name: string, extra = '') =>
      raw(base, '/api/auth/sign-up/email', {
        method: 'POST',
        headers: JSON_BODY,
        body: JSON.stringify({
          email: `n-${Math.random().toString(36).slice(2, 10)}@example.test`,
          password: PASSWORD,
          name,
          extra,
        }),
      })
    expect((await signUpWith('x'.repeat(81))).status).toBe(400)
    expect((await signUpWith('Ada\u0000Lovelace')).status).toBe(400)
    expect((await signUpWith('Ada', 'y'.repeat(100 * 1024))).status).toBe(413)
    expect((await signUpWith('Ada Lovelace')).status).toBe(200)
  })

  it('makes an identity only for a write that starts work: a cookieless write to anything else gets its 404 and no cookie', async () => {
    for (const path of ['/briefs/b_nosuch/delete', '/does-not-exist', '/drafts/d_nosuch/product']) {
      const res = await page(path, '', { method: 'POST', body: 'intent=x' })
      expect(res.status, path).toBe(404)
      expect(res.headers['set-cookie'], path).toBeUndefined()
    }
    const started = await page('/NEW', '', { method: 'POST', body: '' })
    expect(started.status).toBe(302)
    expect(cookieHeader(started)).toMatch(/stackbrief/)
  })
})

describe('where sign-in sends a person afterwards', () => {
  it('is a path on this site only: no other origin, however it is spelled', () => {
    expect(safeReturnTo('/briefs/b_1?tab=costs')).toBe('/briefs/b_1?tab=costs')
    for (const away of [
      '//evil.example',
      '/\\evil.example',
      '/\t/evil.example',
      '/\n/x',
      '/a\rb',
      '/\u202e',
      'https://evil.example',
      null,
    ])
      expect(safeReturnTo(away), String(away)).toBe('/')
  })
})

import { mkdtempSync, rmSync } from 'node:fs'
import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pino from 'pino'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { getDb, setDbForTests } from '#db/client.server.ts'
import { BASE_INPUT } from '#tests/support/answers.ts'
import { loadConfig } from '../../server/config.ts'
import { createApp } from '../../server.ts'
import { FORM, JSON_BODY, raw, signUp } from './http-client.ts'

/**
 * Share links through the real server: made by a form post on the brief
 * page, opened with no cookie at all, marked noindex in the header, useless
 * as a key to anything else, a 404 once revoked, and wrong guesses limited
 * per client. The instance trusts a proxy, so each case is its own client.
 */

let dir: string
let server: Server
let base: string
let session: string
const previousUrl = process.env.DATABASE_URL

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'stackbrief-share-'))
  process.env.DATABASE_URL = join(dir, 'share.db')
  setDbForTests(undefined)
  const app = await createApp({
    mode: 'development',
    logger: pino({ level: 'silent' }),
    config: loadConfig({ TRUST_PROXY: '1' }),
  })
  server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s))
  })
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  session = await signUp(base)
  // The first page in development mode waits for its modules to be bundled; not part of any case.
  await raw(base, '/s/warm-up', { headers: { 'X-Forwarded-For': '192.0.2.1' } })
}, 120_000)

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve))
  await (await getDb()).close()
  setDbForTests(undefined)
  if (previousUrl === undefined) delete process.env.DATABASE_URL
  else process.env.DATABASE_URL = previousUrl
  rmSync(dir, { recursive: true, force: true })
})

const from = (client: string) => ({ 'X-Forwarded-For': client })

async function briefWithLink(client: string): Promise<{ id: string; token: string; linkId: string }> {
  const created = await raw(base, '/api/v1/briefs', {
    method: 'POST',
    headers: { ...JSON_BODY, Cookie: session, ...from(client) },
    body: JSON.stringify({ ...BASE_INPUT, product: { ...BASE_INPUT.product, name: 'Shared over HTTP' } }),
  })
  expect(created.status).toBe(201)
  const id = (JSON.parse(created.body) as { id: string }).id
  const page = await raw(base, `/briefs/${id}`, {
    method: 'POST',
    headers: { ...FORM, Cookie: session, Origin: base, ...from(client) },
    body: new URLSearchParams({ intent: 'share-create', name: 'board' }).toString(),
  })
  expect(page.status).toBe(200)
  const token = new RegExp(`${base}/s/(sbs_[0-9A-Za-z]{32})`).exec(page.body)?.[1]
  const linkId = /name="linkId" value="(s_[0-9a-f]+)"/.exec(page.body)?.[1]
  if (!token || !linkId) throw new Error('expected the new share link on the page')
  return { id, token, linkId }
}

describe('share links over HTTP', () => {
  it('opens without a cookie, sets none, is noindex, and links nowhere into the workspace', {
    timeout: 60_000,
  }, async () => {
    const { token } = await briefWithLink('203.0.113.1')
    const page = await raw(base, `/s/${token}`, { headers: from('203.0.113.1') })
    expect(page.status).toBe(200)
    expect(page.headers['x-robots-tag']).toBe('noindex, nofollow')
    expect(page.headers['set-cookie']).toBeUndefined()
    expect(page.body).toContain('<meta name="robots" content="noindex, nofollow"')
    expect(page.body).toContain('Shared over HTTP')
    const links = [...page.body.matchAll(/<a [^>]*href="([^"]*)"/g)].map((m) => m[1])
    expect(links).toContain(`/s/${token}/brief.pdf`)
    // Within the site, only the page's own sections, its downloads and the public guides; outside, the price sources.
    for (const href of links)
      expect(href, href).toMatch(new RegExp(`^(#|/s/${token}/|/guides/|https://(?!127\\.0\\.0\\.1))`))
    for (const file of ['brief.md', 'brief.pdf', 'adr.zip', 'radar.csv']) {
      const download = await raw(base, `/s/${token}/${file}`, { headers: from('203.0.113.1') })
      expect(download.status, file).toBe(200)
      expect(download.headers['x-robots-tag']).toBe('noindex, nofollow')
    }
  })

  it('is no key to the API, to check-ins or to the brief page', async () => {
    const { id, token } = await briefWithLink('203.0.113.2')
    const bearer = { Authorization: `Bearer ${token}`, ...from('203.0.113.2') }
    expect((await raw(base, '/api/v1/briefs', { headers: bearer })).status).toBe(401)
    expect((await raw(base, `/api/v1/briefs/${id}`, { headers: bearer })).status).toBe(401)
    const checkin = await raw(base, `/api/v1/briefs/${id}/signals`, {
      method: 'POST',
      headers: { ...JSON_BODY, ...bearer },
      body: JSON.stringify({ measuredAt: new Date().toISOString().slice(0, 10), engineers: 4 }),
    })
    expect(checkin.status).toBe(401)
    expect((await raw(base, `/briefs/${id}`, { headers: bearer })).status).toBe(404)
    expect((await raw(base, `/briefs/${id}/revisions/1/brief.md`, { headers: bearer })).status).toBe(404)
  })

  it('answers 404, still noindex, once revoked', async () => {
    const client = '203.0.113.3'
    const { id, token, linkId } = await briefWithLink(client)
    const revoked = await raw(base, `/briefs/${id}`, {
      method: 'POST',
      headers: { ...FORM, Cookie: session, Origin: base, ...from(client) },
      body: new URLSearchParams({ intent: 'share-revoke', linkId }).toString(),
    })
    expect(revoked.status).toBe(302)
    const gone = await raw(base, `/s/${token}`, { headers: from(client) })
    expect(gone.status).toBe(404)
    expect(gone.headers['x-robots-tag']).toBe('noindex, nofollow')
    expect(gone.body).toContain('This link does not work')
    expect((await raw(base, `/s/${token}/brief.md`, { headers: from(client) })).status).toBe(404)
  })

  it('counts only failed opens: 30 views are fine, 20 wrong tokens then 429 for that client alone', {
    timeout: 60_000,
  }, async () => {
    const { token } = await briefWithLink('203.0.113.4')
    const guesser = from('203.0.113.5')
    for (let i = 0; i < 30; i++) {
      expect((await raw(base, `/s/${token}/radar.csv`, { headers: guesser })).status).toBe(200)
    }
    for (let i = 0; i < 20; i++) {
      const guess = `sbs_${String(i).padStart(32, 'x')}`
      expect((await raw(base, `/s/${guess}`, { headers: guesser })).status).toBe(404)
    }
    const limited = await raw(base, `/s/sbs_${'y'.repeat(32)}/brief.pdf`, { headers: guesser })
    expect(limited.status).toBe(429)
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0)
    expect((await raw(base, `/s/${token}`, { headers: guesser })).status).toBe(429)
    expect((await raw(base, `/s/${token}`, { headers: from('203.0.113.6') })).status).toBe(200)
  })
})

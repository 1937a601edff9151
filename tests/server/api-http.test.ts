import { mkdtempSync, rmSync } from 'node:fs'
import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pino from 'pino'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { getDb, setDbForTests } from '#db/client.server.ts'
import { BASE_INPUT } from '#tests/support/answers.ts'
import { createApp } from '../../server.ts'
import { signUp } from './http-client.ts'

/** The API through the real server: Express, request ids, the Remix handler, a SQLite file from DATABASE_URL. */

let server: Server
let base: string
let dir: string
/** An account's session cookie: the API answers 401 without one (or an API key). */
let session: string
const previousUrl = process.env.DATABASE_URL

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'stackbrief-http-'))
  process.env.DATABASE_URL = join(dir, 'api.db')
  setDbForTests(undefined)
  const app = await createApp({ mode: 'development', logger: pino({ level: 'silent' }) })
  server = app.listen(0, '127.0.0.1')
  await new Promise((resolve) => server.once('listening', resolve))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  session = await signUp(base)
}, 60_000)

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve))
  await (await getDb()).close()
  setDbForTests(undefined)
  if (previousUrl === undefined) delete process.env.DATABASE_URL
  else process.env.DATABASE_URL = previousUrl
  rmSync(dir, { recursive: true, force: true })
})

const answers = (name: string) => ({ ...BASE_INPUT, product: { ...BASE_INPUT.product, name } })
const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${base}${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Cookie: session, ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  })
const signedIn = (init: RequestInit = {}): RequestInit => ({
  ...init,
  headers: { Cookie: session, ...(init.headers as Record<string, string> | undefined) },
})

function expectRequestId(response: Response, given?: string) {
  const id = response.headers.get('x-request-id')
  expect(id).toMatch(given ? new RegExp(`^${given}$`) : /^[0-9a-f-]{36}$/)
  // One id, not two joined by a comma.
  expect(id).not.toContain(',')
  return id
}

describe('API over HTTP', () => {
  it('creates, reads, revises and lists a brief in the SQLite file DATABASE_URL names', async () => {
    const created = await post('/api/v1/briefs', answers('Over HTTP'), { 'X-Request-Id': 'create-1' })
    expect(created.status).toBe(201)
    expectRequestId(created, 'create-1')
    const location = created.headers.get('location')!
    const brief = (await created.json()) as { id: string; headRevision: number }
    expect(location).toBe(`/api/v1/briefs/${brief.id}`)

    const read = await fetch(`${base}${location}`, signedIn())
    expect(read.status).toBe(200)
    expectRequestId(read)
    expect(await read.json()).toMatchObject({ id: brief.id, headRevision: 1, title: 'Over HTTP' })

    const revised = await post(`${location}/revisions`, { answers: answers('Over HTTP, again') })
    expect(revised.status).toBe(201)
    expect(revised.headers.get('location')).toBe(`${location}/revisions/2`)

    const list = await fetch(`${base}/api/v1/briefs?search=over%20http`, signedIn())
    expect(list.status).toBe(200)
    expect(await list.json()).toMatchObject({
      items: [{ id: brief.id, headRevision: 2, title: 'Over HTTP, again' }],
      nextCursor: null,
    })

    // The routes opened the process-wide database themselves: this test never did.
    expect((globalThis as Record<symbol, unknown>)[Symbol.for('stackbrief.db')]).toBeDefined()
    const db = await getDb()
    expect(db.dialect).toBe('sqlite')
    expect(db.location).toBe(join(dir, 'api.db'))
  })

  it('answers a 300 KB body with 413 and the request id', async () => {
    const big = JSON.stringify({ ...answers('Big'), padding: 'x'.repeat(300 * 1024) })
    const response = await post('/api/v1/briefs', big, { 'X-Request-Id': 'too-big' })
    expect(response.status).toBe(413)
    expect(response.headers.get('content-type')).toBe('application/problem+json')
    expectRequestId(response, 'too-big')
    expect(await response.json()).toMatchObject({ status: 413, requestId: 'too-big' })
  })

  it('answers a streamed body that passes the limit with 413 too', async () => {
    const chunk = new TextEncoder().encode(' '.repeat(32 * 1024))
    let sent = 0
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent >= 400 * 1024) return controller.close()
        sent += chunk.byteLength
        controller.enqueue(chunk)
      },
    })
    const response = await fetch(`${base}/api/v1/briefs/preview`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body,
      duplex: 'half',
    } as RequestInit)
    expect(response.status).toBe(413)
    expectRequestId(response)
  })

  it('answers problems as problem+json with the request id, never the HTML error page', async () => {
    const cases: [string, RequestInit, number][] = [
      ['/api/v1/briefs/b_aaaaaaaaaaaaaaaa', {}, 404],
      ['/api/v1/no/such/path', {}, 404],
      ['/api/v1/briefs', { method: 'DELETE' }, 405],
      ['/api/v1/briefs', { method: 'POST', body: '{', headers: { 'Content-Type': 'application/json' } }, 400],
      ['/api/v1/briefs', { method: 'POST', body: '{}', headers: { 'Content-Type': 'text/plain' } }, 415],
      ['/api/v1/briefs', { method: 'POST', body: '[]', headers: { 'Content-Type': 'application/json' } }, 422],
      ['/api/v1/briefs?limit=-1', {}, 400],
    ]
    for (const [path, init, status] of cases) {
      const response = await fetch(`${base}${path}`, signedIn(init))
      expect(response.status, path).toBe(status)
      expect(response.headers.get('content-type')).toBe('application/problem+json')
      const id = expectRequestId(response)
      expect(((await response.json()) as { requestId: string }).requestId).toBe(id)
    }
  })

  it('serves the OpenAPI description', async () => {
    const response = await fetch(`${base}/api/v1/openapi.json`)
    expect(response.status).toBe(200)
    expect(((await response.json()) as { openapi: string }).openapi).toBe('3.1.0')
  })
})

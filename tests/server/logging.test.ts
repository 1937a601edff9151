import { mkdtempSync, rmSync } from 'node:fs'
import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pino from 'pino'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { getDb, setDbForTests } from '#db/client.server.ts'
import { BASE_INPUT } from '#tests/support/answers.ts'
import { createApp } from '../../server.ts'
import { signUp } from './http-client.ts'

/**
 * The server's log through the real server: one pino logger, handed to
 * loaders and API handlers through the load context, so an error logged
 * while answering a request names that request's id.
 */

interface LogLine {
  level: number
  msg: string
  requestId?: string
  err?: { message?: string; stack?: string }
}

let server: Server
let base: string
let dir: string
let session: string
const lines: LogLine[] = []
const previousUrl = process.env.DATABASE_URL
const ERROR = 50

function get(path: string, requestId: string) {
  return fetch(`${base}${path}`, { headers: { Cookie: session, 'X-Request-Id': requestId } })
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'stackbrief-log-'))
  process.env.DATABASE_URL = join(dir, 'log.db')
  setDbForTests(undefined)
  const logger = pino({ level: 'debug' }, { write: (line: string) => void lines.push(JSON.parse(line) as LogLine) })
  const app = await createApp({ mode: 'development', logger })
  server = app.listen(0, '127.0.0.1')
  await new Promise((resolve) => server.once('listening', resolve))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  session = await signUp(base)
  // The first page and API call build their modules (development mode): done here, not inside a test's time.
  await (await get('/', 'warm-up')).text()
  await (await get('/api/v1/briefs', 'warm-up')).text()
}, 120_000)

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve))
  await (await getDb()).close()
  setDbForTests(undefined)
  if (previousUrl === undefined) delete process.env.DATABASE_URL
  else process.env.DATABASE_URL = previousUrl
  rmSync(dir, { recursive: true, force: true })
})

beforeEach(() => {
  lines.length = 0
})

const errorsLogged = () => lines.filter((line) => line.level >= ERROR)

/** A brief whose head revision's stored brief no longer parses: reading it fails on the server. */
async function briefWithCorruptHead(): Promise<string> {
  const created = await fetch(`${base}/api/v1/briefs`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Cookie: session },
    body: JSON.stringify({ ...BASE_INPUT, product: { ...BASE_INPUT.product, name: 'Corrupt' } }),
  })
  expect(created.status).toBe(201)
  const { id } = (await created.json()) as { id: string }
  const db = await getDb()
  await db.db
    .updateTable('revisions')
    .set({ brief: '{not json', answers: '{not json' })
    .where('brief_id', '=', id)
    .execute()
  return id
}

describe('the log', () => {
  it('names the request id when an API handler fails', { timeout: 60_000 }, async () => {
    const id = await briefWithCorruptHead()
    lines.length = 0
    const response = await get(`/api/v1/briefs/${id}`, 'log-api-1')
    expect(response.status).toBe(500)
    expect((await response.json()) as { requestId: string }).toMatchObject({ requestId: 'log-api-1' })
    const failed = errorsLogged().filter((line) => line.msg === 'api handler failed')
    expect(failed).toHaveLength(1)
    expect(failed[0].requestId).toBe('log-api-1')
    expect(failed[0].err?.stack).toBeTruthy()
    // Every error line of this request carries its id: the handler's and the server's own "request failed".
    for (const line of errorsLogged()) expect(line.requestId, line.msg).toBe('log-api-1')
  })

  it('names the request id when a page loader fails', { timeout: 60_000 }, async () => {
    const id = await briefWithCorruptHead()
    lines.length = 0
    const response = await get(`/briefs/${id}`, 'log-page-1')
    expect(response.status).toBe(500)
    await response.text()
    const unhandled = errorsLogged().filter((line) => line.msg === 'unhandled error')
    expect(unhandled).toHaveLength(1)
    for (const line of errorsLogged()) expect(line.requestId, line.msg).toBe('log-page-1')
  })

  it('does not log a ?_data= request as an error', async () => {
    for (const path of ['/?_data=root', '/?_data=routes/home', '/settings?_data=routes/settings']) {
      const response = await get(path, 'log-data-1')
      await response.text()
      expect(response.status, path).toBeLessThan(500)
    }
    expect(errorsLogged()).toEqual([])
    expect(lines.some((line) => line.msg === 'request' && line.requestId === 'log-data-1')).toBe(true)
  })
})

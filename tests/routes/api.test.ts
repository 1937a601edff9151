import fc from 'fast-check'
import pino from 'pino'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { MAX_BODY_BYTES } from '#app/api/body.server.ts'
import {
  BriefDetailSchema,
  BriefPageSchema,
  ProblemSchema,
  RevisionListSchema,
  RevisionRecordSchema,
  RevisionWithNotesSchema,
} from '#app/api/schemas.server.ts'
import { loadCatalog } from '#app/catalog.server.ts'
import { AnswersSchema } from '#app/engine/answers.ts'
import { BriefSchema } from '#app/engine/brief.ts'
import { generateBrief } from '#app/engine/generate.ts'
import { type Db, setDbForTests } from '#db/client.server.ts'
import { BASE_INPUT } from '#tests/support/answers.ts'
import { testDatabases } from '#tests/support/databases.ts'
import { api, REQUEST_ID } from './api-client.ts'

const dbs = await testDatabases()

const input = (name = 'Ledger', patch: Record<string, unknown> = {}) => ({
  ...BASE_INPUT,
  product: { ...BASE_INPUT.product, name },
  ...patch,
})
const briefOf = (name: string) => generateBrief(AnswersSchema.parse(input(name)), loadCatalog())

async function problemOf(response: Response, status: number) {
  expect(response.status).toBe(status)
  expect(response.headers.get('content-type')).toBe('application/problem+json')
  const body = ProblemSchema.parse(await response.json())
  expect(body.status).toBe(status)
  expect(body.type).toMatch(/^\/api\/v1\/problems\/[a-z-]+$/)
  expect(body.requestId).toBe(REQUEST_ID)
  return body
}

/** `[[[[…]]]]` as deep as fits under the body limit. */
const deepArray = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`
const deepObject = (depth: number) => `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`

describe.each(dbs)('API v1 routes on $name', (t) => {
  let db: Db
  let cleanup: () => Promise<void>

  beforeEach(async () => {
    ;({ db, cleanup } = await t.open())
    setDbForTests(db)
  })
  afterEach(async () => {
    setDbForTests(undefined)
    await cleanup()
  })

  const count = async (table: 'briefs' | 'revisions' | 'idempotency_keys') =>
    Number(
      (
        await db.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    )

  const create = async (name = 'Ledger', headers: Record<string, string> = {}) => {
    const response = await api('POST', '/api/v1/briefs', { body: input(name), headers })
    expect(response.status).toBe(201)
    return BriefDetailSchema.parse(await response.json())
  }

  describe('POST /briefs/preview', () => {
    it('returns the brief for bare or wrapped answers and saves nothing', async () => {
      const bare = await api('POST', '/api/v1/briefs/preview', { body: input('Preview') })
      expect(bare.status).toBe(200)
      expect(bare.headers.get('content-type')).toBe('application/json')
      const brief = BriefSchema.parse(await bare.json())
      expect(brief).toEqual(briefOf('Preview'))
      const wrapped = await api('POST', '/api/v1/briefs/preview', { body: { answers: input('Preview') } })
      expect(await wrapped.json()).toEqual(brief)
      expect(await count('briefs')).toBe(0)
    })
  })

  describe('briefs and revisions', () => {
    it('creates a brief with its first revision: 201, Location, and the same body at Location', async () => {
      const response = await api('POST', '/api/v1/briefs', { body: { answers: input('Ledger') } })
      expect(response.status).toBe(201)
      const created = BriefDetailSchema.parse(await response.json())
      expect(response.headers.get('location')).toBe(`/api/v1/briefs/${created.id}`)
      expect(created).toMatchObject({ title: 'Ledger', headRevision: 1, head: { number: 1, briefId: created.id } })
      expect(created.head.brief).toEqual(briefOf('Ledger'))

      const read = await api('GET', response.headers.get('location')!)
      expect(read.status).toBe(200)
      expect(read.headers.get('cache-control')).toBe('no-store')
      expect(await read.json()).toEqual(JSON.parse(JSON.stringify(created)))
    })

    it('adds revisions that move the head, and lists and reads each one', async () => {
      const { id } = await create('First')
      const response = await api('POST', `/api/v1/briefs/${id}/revisions`, { body: input('Second') })
      expect(response.status).toBe(201)
      expect(response.headers.get('location')).toBe(`/api/v1/briefs/${id}/revisions/2`)
      const second = RevisionRecordSchema.parse(await response.json())
      expect(second).toMatchObject({ briefId: id, number: 2, title: 'Second' })

      const brief = BriefDetailSchema.parse(await (await api('GET', `/api/v1/briefs/${id}`)).json())
      expect(brief).toMatchObject({ headRevision: 2, title: 'Second', head: { number: 2 } })

      const list = RevisionListSchema.parse(await (await api('GET', `/api/v1/briefs/${id}/revisions`)).json())
      expect(list.items.map((r) => [r.number, r.title])).toEqual([
        [2, 'Second'],
        [1, 'First'],
      ])
      expect(list.nextCursor).toBeNull()
      const first = RevisionWithNotesSchema.parse(await (await api('GET', `/api/v1/briefs/${id}/revisions/1`)).json())
      expect(first).toMatchObject({ number: 1, title: 'First', brief: briefOf('First'), notes: [] })
    })

    it('lists revisions a page at a time by cursor, and refuses a cursor or limit it cannot use', async () => {
      const { id } = await create('P1')
      for (const name of ['P2', 'P3', 'P4', 'P5']) {
        expect((await api('POST', `/api/v1/briefs/${id}/revisions`, { body: input(name) })).status).toBe(201)
      }
      const seen: number[] = []
      let url: string | null = `/api/v1/briefs/${id}/revisions?limit=2`
      while (url) {
        const page = RevisionListSchema.parse(await (await api('GET', url)).json())
        expect(page.items.length).toBeLessThanOrEqual(2)
        seen.push(...page.items.map((r) => r.number))
        url = page.nextCursor
          ? `/api/v1/briefs/${id}/revisions?limit=2&cursor=${encodeURIComponent(page.nextCursor)}`
          : null
      }
      expect(seen).toEqual([5, 4, 3, 2, 1])
      for (const query of ['cursor=nope', 'limit=0', 'limit=101', 'search=x']) {
        const response = await api('GET', `/api/v1/briefs/${id}/revisions?${query}`)
        expect(response.status, query).toBe(400)
      }
    })

    it('lists newest first by pages, with search', async () => {
      const ids: string[] = []
      for (const name of ['Alpha', 'Beta', 'Alpine', 'Gamma', 'Alps']) ids.push((await create(name)).id)
      const seen: string[] = []
      let url: string | null = '/api/v1/briefs?limit=2'
      while (url) {
        const page = BriefPageSchema.parse(await (await api('GET', url)).json())
        expect(page.items.length).toBeLessThanOrEqual(2)
        seen.push(...page.items.map((b) => b.id))
        url = page.nextCursor ? `/api/v1/briefs?limit=2&cursor=${encodeURIComponent(page.nextCursor)}` : null
      }
      expect(new Set(seen)).toEqual(new Set(ids))
      expect(seen).toHaveLength(5)

      const found = BriefPageSchema.parse(await (await api('GET', '/api/v1/briefs?search=ALP')).json())
      expect(found.items.map((b) => b.title).sort()).toEqual(['Alpha', 'Alpine', 'Alps'])
      expect(found.nextCursor).toBeNull()
    })

    it('answers HEAD like GET and OPTIONS with the methods allowed', async () => {
      expect((await api('HEAD', '/api/v1/briefs')).status).toBe(200)
      const options = await api('OPTIONS', '/api/v1/briefs/b_aaaaaaaaaaaaaaaa/revisions')
      expect(options.status).toBe(204)
      expect(options.headers.get('allow')).toBe('GET, POST, HEAD, OPTIONS')
    })
  })

  describe('idempotent creates', () => {
    it('answers a repeated key and body with the first response, creating one brief', async () => {
      const headers = { 'Idempotency-Key': 'key-1' }
      const first = await api('POST', '/api/v1/briefs', { body: input('Once'), headers })
      const firstBody = await first.json()
      expect(first.status).toBe(201)
      expect(first.headers.get('idempotent-replayed')).toBeNull()
      // Same request in the other accepted form, keys in another order: the same request.
      const { version, ...rest } = input('Once')
      const again = await api('POST', '/api/v1/briefs', { body: { answers: { ...rest, version } }, headers })
      expect(again.status).toBe(201)
      expect(again.headers.get('idempotent-replayed')).toBe('true')
      expect(again.headers.get('location')).toBe(first.headers.get('location'))
      expect(await again.json()).toEqual(firstBody)
      expect(await count('briefs')).toBe(1)
      expect(await count('revisions')).toBe(1)
      expect(await count('idempotency_keys')).toBe(1)
    })

    it('refuses the same key with another body: 409, nothing created', async () => {
      const headers = { 'Idempotency-Key': 'key-2' }
      await api('POST', '/api/v1/briefs', { body: input('Once'), headers })
      const other = await problemOf(await api('POST', '/api/v1/briefs', { body: input('Twice'), headers }), 409)
      expect(other.type).toBe('/api/v1/problems/idempotency-key-reused')
      expect(other.errors?.[0].path).toBe('Idempotency-Key')
      expect(await count('briefs')).toBe(1)
    })

    it('makes one brief of two concurrent requests with one key', async () => {
      const headers = { 'Idempotency-Key': 'key-race' }
      const responses = await Promise.all(
        [1, 2, 3].map(() => api('POST', '/api/v1/briefs', { body: input('Race'), headers })),
      )
      const bodies = await Promise.all(responses.map((r) => r.json()))
      expect(responses.map((r) => r.status)).toEqual([201, 201, 201])
      expect(new Set(bodies.map((b) => JSON.stringify(b))).size).toBe(1)
      expect(await count('briefs')).toBe(1)
    })

    it('scopes keys per operation and counts the brief id as part of a revision request', async () => {
      const a = await create('A')
      const b = await create('B')
      const headers = { 'Idempotency-Key': 'shared' }
      const created = await api('POST', '/api/v1/briefs', { body: input('C'), headers })
      expect(created.status).toBe(201)
      const revised = await api('POST', `/api/v1/briefs/${a.id}/revisions`, { body: input('C'), headers })
      expect(revised.status).toBe(201)
      const replay = await api('POST', `/api/v1/briefs/${a.id}/revisions`, { body: input('C'), headers })
      expect(replay.headers.get('idempotent-replayed')).toBe('true')
      expect((await replay.json()).number).toBe(2)
      await problemOf(await api('POST', `/api/v1/briefs/${b.id}/revisions`, { body: input('C'), headers }), 409)
      expect(await count('revisions')).toBe(4)
    })

    it('does not remember a failed request, so the key can be used once it is fixed', async () => {
      const headers = { 'Idempotency-Key': 'key-3' }
      await problemOf(await api('POST', '/api/v1/briefs', { body: { version: 1 }, headers }), 422)
      await problemOf(
        await api('POST', '/api/v1/briefs/b_aaaaaaaaaaaaaaaa/revisions', { body: input('X'), headers }),
        404,
      )
      expect(await count('idempotency_keys')).toBe(0)
      expect((await api('POST', '/api/v1/briefs', { body: input('Fixed'), headers })).status).toBe(201)
    })

    it.each([
      ['empty', ''],
      ['with a space', 'two words'],
      ['too long', 'k'.repeat(256)],
      ['not ASCII', 'clé'],
    ])('refuses an Idempotency-Key that is %s: 400', async (_, key) => {
      const response = await api('POST', '/api/v1/briefs', {
        body: input(),
        headers: { 'Idempotency-Key': key },
      })
      const problem = await problemOf(response, 400)
      expect(problem.errors?.[0].path).toBe('Idempotency-Key')
      expect(await count('briefs')).toBe(0)
    })
  })

  describe('errors', () => {
    it('404: an unknown or malformed brief id, and revisions that do not exist', async () => {
      const { id } = await create()
      const missing = [
        '/api/v1/briefs/b_aaaaaaaaaaaaaaaa',
        '/api/v1/briefs/not-an-id',
        '/api/v1/briefs/b_aaaaaaaaaaaaaaaa/revisions',
        `/api/v1/briefs/${id}/revisions/2`,
        `/api/v1/briefs/${id}/revisions/0`,
        `/api/v1/briefs/${id}/revisions/-1`,
        `/api/v1/briefs/${id}/revisions/1.5`,
        `/api/v1/briefs/${id}/revisions/abc`,
        `/api/v1/briefs/${id}/revisions/01`,
        `/api/v1/briefs/${id}/revisions/99999999999999999999`,
        `/api/v1/briefs/${id}/revisions/2147483648`,
        '/api/v1/nothing/here',
      ]
      for (const path of missing) {
        const problem = await problemOf(await api('GET', path), 404)
        expect(problem.type, path).toBe('/api/v1/problems/not-found')
      }
      await problemOf(await api('POST', '/api/v1/briefs/b_aaaaaaaaaaaaaaaa/revisions', { body: input() }), 404)
    })

    it('405: a method the path does not take, with Allow', async () => {
      const cases: [string, string, string][] = [
        ['DELETE', '/api/v1/briefs', 'GET, POST, HEAD, OPTIONS'],
        ['PUT', '/api/v1/briefs/b_aaaaaaaaaaaaaaaa', 'GET, DELETE, HEAD, OPTIONS'],
        ['GET', '/api/v1/briefs/preview', 'POST, OPTIONS'],
        ['PATCH', '/api/v1/briefs/b_aaaaaaaaaaaaaaaa/revisions', 'GET, POST, HEAD, OPTIONS'],
        ['POST', '/api/v1/briefs/b_aaaaaaaaaaaaaaaa/revisions/1', 'GET, HEAD, OPTIONS'],
        ['POST', '/api/v1/openapi.json', 'GET, HEAD, OPTIONS'],
      ]
      for (const [method, path, allow] of cases) {
        const response = await api(method, path, { body: method === 'GET' ? undefined : input() })
        await problemOf(response, 405)
        expect(response.headers.get('allow'), `${method} ${path}`).toBe(allow)
      }
    })

    it.each([
      ['text/plain', 'text/plain'],
      ['form data', 'application/x-www-form-urlencoded'],
      ['JSON in Latin-1', 'application/json; charset=iso-8859-1'],
    ])('415: a body sent as %s', async (_, type) => {
      const problem = await problemOf(
        await api('POST', '/api/v1/briefs', { body: JSON.stringify(input()), headers: { 'Content-Type': type } }),
        415,
      )
      expect(problem.errors?.[0]).toMatchObject({ path: 'Content-Type', expected: 'application/json' })
    })

    it('accepts JSON content types with a UTF-8 charset or a +json suffix', async () => {
      for (const type of [
        'application/json; charset=utf-8',
        'application/JSON;charset="UTF-8"',
        'application/vnd.api+json',
      ]) {
        const response = await api('POST', '/api/v1/briefs/preview', {
          body: JSON.stringify(input()),
          headers: { 'Content-Type': type },
        })
        expect(response.status, type).toBe(200)
      }
    })

    it('413: a body over 256 KB by Content-Length, and one that says nothing of its length', async () => {
      const big = JSON.stringify({ ...input(), padding: 'x'.repeat(MAX_BODY_BYTES) })
      const declared = await api('POST', '/api/v1/briefs', { body: big })
      expect((await problemOf(declared, 413)).type).toBe('/api/v1/problems/body-too-large')

      let sent = 0
      const chunk = new TextEncoder().encode('x'.repeat(16 * 1024))
      const stream = new ReadableStream<Uint8Array>({
        pull(controller) {
          if (sent > 10 * MAX_BODY_BYTES) controller.close()
          else {
            sent += chunk.byteLength
            controller.enqueue(chunk)
          }
        },
      })
      await problemOf(await api('POST', '/api/v1/briefs/preview', { body: stream }), 413)
      // It stopped reading soon after the limit instead of taking in the whole stream.
      expect(sent).toBeLessThan(MAX_BODY_BYTES + 1024 * 1024 + 64 * 1024)
      expect(await count('briefs')).toBe(0)
    })

    it('takes a body of exactly 256 KB', async () => {
      const base = JSON.stringify(input())
      const exact = `${base}${' '.repeat(MAX_BODY_BYTES - base.length)}`
      expect(new TextEncoder().encode(exact).byteLength).toBe(MAX_BODY_BYTES)
      expect((await api('POST', '/api/v1/briefs/preview', { body: exact })).status).toBe(200)
    })

    it.each([
      ['cut short', '{"version": 1, "product": '],
      ['a trailing comma', '{"version": 1,}'],
      ['empty', ''],
      ['only spaces', '   '],
      ['single quotes', "{'version': 1}"],
      ['NaN', '{"version": NaN}'],
    ])('400: a body that is not JSON (%s)', async (_, text) => {
      const problem = await problemOf(await api('POST', '/api/v1/briefs', { body: text }), 400)
      expect(problem.type).toBe('/api/v1/problems/invalid-json')
      expect(problem.errors?.[0].path).toBe('(body)')
    })

    it('400: a body that is not UTF-8', async () => {
      const bytes = new Uint8Array([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x3a, 0x31, 0x7d])
      const problem = await problemOf(await api('POST', '/api/v1/briefs', { body: bytes }), 400)
      expect(problem.detail).toContain('UTF-8')
    })

    it('422: answers with problems, each with path, expected, got and message', async () => {
      const body = input('', {
        team: { engineers: 0, languages: ['cobol'] },
        colour: 'blue',
      })
      const problem = await problemOf(await api('POST', '/api/v1/briefs', { body }), 422)
      expect(problem.type).toBe('/api/v1/problems/invalid-answers')
      expect(problem.errors).toEqual(
        expect.arrayContaining([
          { path: 'product.name', expected: 'non-empty text', got: '""', message: 'expected non-empty text, got ""' },
          expect.objectContaining({ path: 'team.engineers', got: '0' }),
          expect.objectContaining({ path: 'team.languages[0]', got: '"cobol"' }),
          expect.objectContaining({ path: 'colour', got: 'the unknown field "colour"' }),
        ]),
      )
      expect(await count('briefs')).toBe(0)
    })

    it('422: paths inside the { answers } wrapper say so', async () => {
      const problem = await problemOf(
        await api('POST', '/api/v1/briefs', { body: { answers: input(''), extra: 1 } }),
        422,
      )
      expect(problem.errors?.map((e) => e.path)).toEqual(expect.arrayContaining(['answers.product.name', 'extra']))
    })

    it.each([
      ['a list', '[]'],
      ['a list of answers', () => JSON.stringify([input()])],
      ['a string', '"answers"'],
      ['a number', '42'],
      ['null', 'null'],
      ['true', 'true'],
      ['answers: null', '{"answers": null}'],
      ['answers: a list', '{"answers": []}'],
    ])('422: a body that is %s instead of an object', async (_, text) => {
      const body = typeof text === 'function' ? text() : text
      const problem = await problemOf(await api('POST', '/api/v1/briefs', { body }), 422)
      expect(problem.errors?.[0].expected).toBe('a mapping of fields')
    })

    it.each([
      ['engineers past what a double holds', { team: { engineers: 7_777_777, languages: ['go'] } }, 'team.engineers'],
      [
        'users past safe integers',
        { load: { activeUsersAtLaunch: 7_777_777, activeUsersIn12Months: 1 } },
        'load.activeUsersAtLaunch',
      ],
      ['a budget too big to price', { budget: { monthlyInfraUsd: 7_777_777 } }, 'budget.monthlyInfraUsd'],
      [
        'a data volume too big to price',
        { load: { activeUsersAtLaunch: 1, activeUsersIn12Months: 1, dataVolumeGbIn12Months: 7_777_777 } },
        'load.dataVolumeGbIn12Months',
      ],
    ])('422, not 500: %s', async (_, patch, path) => {
      for (const huge of ['1e400', '1e300', '123456789012345678901234567890']) {
        const body = JSON.stringify(input('Huge', patch)).replace('7777777', huge)
        expect(body).toContain(huge)
        for (const url of ['/api/v1/briefs/preview', '/api/v1/briefs']) {
          const problem = await problemOf(await api('POST', url, { body }), 422)
          expect(problem.errors?.map((e) => e.path)).toContain(path)
        }
      }
    })

    it('422, not 500: JSON nested as deep as the size limit allows', async () => {
      const depth = Math.floor((MAX_BODY_BYTES - 100) / 6)
      const bodies = [
        deepArray(MAX_BODY_BYTES / 2 - 1),
        deepObject(depth),
        `{"answers": ${deepObject(depth)}}`,
        `{"version": 1, "product": {"name": ${deepArray(depth)}}}`,
        `{"version": 1, "team": {"languages": ${deepArray(depth)}}}`,
      ]
      for (const body of bodies) {
        expect(new TextEncoder().encode(body).byteLength).toBeLessThanOrEqual(MAX_BODY_BYTES)
        for (const url of ['/api/v1/briefs/preview', '/api/v1/briefs']) {
          await problemOf(await api('POST', url, { body }), 422)
        }
      }
    })

    it('422 lists at most 100 problems and says how many there were', async () => {
      const body = input('Many', { team: { engineers: 1, languages: Array.from({ length: 500 }, (_, i) => `l${i}`) } })
      const problem = await problemOf(await api('POST', '/api/v1/briefs', { body }), 422)
      expect(problem.errors).toHaveLength(100)
      expect(problem.detail).toContain('the first 100 of 500 problems')
    })

    it.each([
      ['limit=-1', 'limit'],
      ['limit=0', 'limit'],
      ['limit=1.5', 'limit'],
      ['limit=101', 'limit'],
      ['limit=1e3', 'limit'],
      ['limit=abc', 'limit'],
      ['limit=', 'limit'],
      ['limit=5&limit=6', 'limit'],
      ['limit=99999999999999999999999', 'limit'],
      ['cursor=%F0%9F%92%A9', 'cursor'],
      ['cursor=bm90LWEtY3Vyc29y', 'cursor'],
      [`search=${'a'.repeat(201)}`, 'search'],
    ])('400: GET /briefs?%s', async (query, path) => {
      const problem = await problemOf(await api('GET', `/api/v1/briefs?${query}`), 400)
      expect(problem.type).toBe('/api/v1/problems/invalid-parameter')
      expect(problem.errors?.[0].path).toBe(path)
    })

    it('never answers 500 to any JSON body or any bytes', async () => {
      await fc.assert(
        fc.asyncProperty(fc.oneof(fc.jsonValue(), fc.record({ answers: fc.jsonValue() })), async (value) => {
          const response = await api('POST', '/api/v1/briefs/preview', { body: JSON.stringify(value) ?? 'null' })
          return [200, 400, 422].includes(response.status)
        }),
        { numRuns: 150, seed: 20_260_601 },
      )
      await fc.assert(
        fc.asyncProperty(fc.uint8Array({ maxLength: 200 }), async (bytes) => {
          const response = await api('POST', '/api/v1/briefs/preview', { body: bytes })
          return [400, 422].includes(response.status)
        }),
        { numRuns: 150, seed: 20_260_601 },
      )
    })
  })
})

describe('a failure on the server', () => {
  it('is a 500 problem with the request id and no stack trace, logged on the server', async () => {
    const { db, cleanup } = await dbs[0].open()
    await db.close()
    setDbForTests(db)
    const lines: { level: number; msg: string; requestId?: string }[] = []
    const logger = pino({ level: 'info' }, { write: (line: string) => void lines.push(JSON.parse(line)) })
    try {
      const failed = await api('GET', '/api/v1/briefs', {
        context: { logger: logger.child({ requestId: REQUEST_ID }) },
      })
      const problem = await problemOf(failed, 500)
      expect(problem).toEqual({
        type: '/api/v1/problems/internal',
        title: 'Internal error',
        status: 500,
        detail: 'The request could not be completed.',
        requestId: REQUEST_ID,
      })
      expect(lines).toHaveLength(1)
      expect(lines[0]).toMatchObject({ level: 50, msg: 'api handler failed', requestId: REQUEST_ID })
    } finally {
      setDbForTests(undefined)
      await cleanup().catch(() => {})
    }
  })
})

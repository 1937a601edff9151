import fc from 'fast-check'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openApiDocument } from '#app/api/openapi.server.ts'
import { ProblemSchema } from '#app/api/schemas.server.ts'
import { prefersMarkdown } from '#app/api/signals.server.ts'
import {
  BriefStatusSchema,
  CheckinPageSchema,
  CheckinRecordedSchema,
  CheckinSchema,
  RevisionComparisonSchema,
  SignalsInputSchema,
} from '#app/api/signals-schemas.server.ts'
import { SIGNAL_FIELDS, SIGNAL_FIGURES, SignalsSchema } from '#app/engine/signals.ts'
import { renderDiffMarkdown } from '#app/export/diff-markdown.ts'
import { addRevision, createBrief } from '#app/services/briefs.server.ts'
import { createToken, newToken, revokeToken } from '#app/services/tokens.server.ts'
import { type Db, setDbForTests } from '#db/client.server.ts'
import { LOCAL_WORKSPACE_ID } from '#db/migrations/0001-initial.ts'
import { buildAnswers } from '#tests/support/answers.ts'
import { testDatabases } from '#tests/support/databases.ts'
import { api, REQUEST_ID } from './api-client.ts'

const dbs = await testDatabases()
const ws = LOCAL_WORKSPACE_ID
const today = new Date().toISOString().slice(0, 10)
const CHECKIN = { measuredAt: today, engineers: 16, p95LatencyMs: { value: 0.2, unit: 's' } }

async function problemOf(response: Response, status: number) {
  expect(response.status).toBe(status)
  expect(response.headers.get('content-type')).toBe('application/problem+json')
  const body = ProblemSchema.parse(await response.json())
  expect(body).toMatchObject({ status, requestId: REQUEST_ID })
  return body
}

describe.each(dbs)('check-in API on $name', (t) => {
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

  const brief = async () => (await createBrief(db, { workspaceId: ws, answers: buildAnswers() })).brief.id
  const tokenFor = async (briefId: string) =>
    (await createToken(db, { workspaceId: ws, briefId, name: 'metrics job' }))!
  const post = (briefId: string, body: unknown, headers: Record<string, string> = {}) =>
    api('POST', `/api/v1/briefs/${briefId}/signals`, { body, headers })
  const bearer = (token: string, more: Record<string, string> = {}) => ({ Authorization: `Bearer ${token}`, ...more })
  /** Every row a check-in request could write: check-ins, idempotency keys, token use. */
  const written = async () =>
    JSON.stringify([
      await db.db.selectFrom('checkins').selectAll().orderBy('id').execute(),
      await db.db.selectFrom('idempotency_keys').selectAll().orderBy('key').execute(),
      await db.db.selectFrom('brief_tokens').selectAll().orderBy('id').execute(),
    ])
  const countCheckins = async () =>
    Number(
      (
        await db.db
          .selectFrom('checkins')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    )

  describe('POST /briefs/{id}/signals', () => {
    it('records a check-in with its token: 201, Location, the stored check-in and every trigger judged', async () => {
      const id = await brief()
      const { token } = await tokenFor(id)
      const response = await post(id, CHECKIN, bearer(token))
      expect(response.status).toBe(201)
      const body = CheckinRecordedSchema.parse(await response.json())
      expect(body.checkin).toMatchObject({
        briefId: id,
        source: 'api',
        signals: { measuredAt: today, engineers: 16, p95LatencyMs: 200 },
      })
      expect(body.revision).toBe(1)
      expect(body.triggers.find((x) => x.id === 'team_outgrows_one_service')).toMatchObject({
        status: 'fired',
        observed: 16,
        guidePath: '/guides/migration-triggers',
      })
      expect(response.headers.get('location')).toBe(`/api/v1/briefs/${id}/signals/${body.checkin.id}`)
      const read = await api('GET', response.headers.get('location')!)
      expect(CheckinSchema.parse(await read.json())).toEqual(body.checkin)
      expect(await countCheckins()).toBe(1)
    })

    it('401 without a token, with WWW-Authenticate, writing nothing', async () => {
      const id = await brief()
      await tokenFor(id)
      const before = await written()
      const response = await post(id, CHECKIN, { 'Idempotency-Key': 'k1' })
      expect(response.headers.get('www-authenticate')).toBe('Bearer realm="stackbrief"')
      const body = await problemOf(response, 401)
      expect(body.type).toBe('/api/v1/problems/unauthorized')
      expect(body.errors?.[0]).toMatchObject({ path: 'Authorization', got: 'nothing' })
      expect(await written()).toBe(before)
    })

    it.each([
      ['an unknown token', () => `Bearer ${newToken()}`],
      ['a token of the wrong shape', () => 'Bearer sbt_short'],
      ['another scheme', (token: string) => `Basic ${token}`],
      ['Bearer and nothing', () => 'Bearer '],
    ])('401 for %s, writing nothing and not quoting the header', async (_, header) => {
      const id = await brief()
      const { token } = await tokenFor(id)
      const before = await written()
      const value = header(token)
      const response = await post(id, CHECKIN, { Authorization: value, 'Idempotency-Key': 'k1' })
      expect(response.headers.get('www-authenticate')).toMatch(/^Bearer realm="stackbrief"/)
      const text = await response.clone().text()
      expect(text).not.toContain(token)
      const secret = value.split(' ')[1] ?? ''
      if (secret.length > 0) expect(text).not.toContain(secret)
      await problemOf(response, 401)
      expect(await written()).toBe(before)
    })

    it('401 for a revoked token, saying the token is invalid', async () => {
      const id = await brief()
      const { token, summary } = await tokenFor(id)
      await revokeToken(db, { workspaceId: ws, briefId: id, tokenId: summary.id })
      const before = await written()
      const response = await post(id, CHECKIN, bearer(token))
      expect(response.headers.get('www-authenticate')).toBe('Bearer realm="stackbrief", error="invalid_token"')
      await problemOf(response, 401)
      expect(await written()).toBe(before)
    })

    it('404 for a token of another brief, or for a brief that is not there, writing nothing', async () => {
      const id = await brief()
      const other = await brief()
      const { token } = await tokenFor(other)
      const before = await written()
      for (const target of [id, 'b_aaaaaaaaaaaaaaaa']) {
        const body = await problemOf(await post(target, CHECKIN, bearer(token, { 'Idempotency-Key': 'k1' })), 404)
        expect(body.detail).toBe(`There is no brief ${target}.`)
      }
      expect(await written()).toBe(before)
    })

    it('replays the same key and body, refuses the key with another body, and writes one row', async () => {
      const id = await brief()
      const { token } = await tokenFor(id)
      const headers = bearer(token, { 'Idempotency-Key': 'checkin-2026-06-01' })
      const first = await post(id, CHECKIN, headers)
      expect(first.status).toBe(201)
      const firstBody = await first.json()
      // The same body with its keys in another order is the same request.
      const reordered = Object.fromEntries(Object.entries(CHECKIN).reverse())
      const again = await post(id, reordered, headers)
      expect(again.status).toBe(201)
      expect(again.headers.get('idempotent-replayed')).toBe('true')
      expect(again.headers.get('location')).toBe(first.headers.get('location'))
      expect(await again.json()).toEqual(firstBody)

      const conflict = await problemOf(await post(id, { ...CHECKIN, engineers: 17 }, headers), 409)
      expect(conflict.type).toBe('/api/v1/problems/idempotency-key-reused')
      expect(await countCheckins()).toBe(1)
    })

    it.each([
      [
        'a unit the figure does not take',
        { measuredAt: today, p95LatencyMs: { value: 3, unit: 'hours' } },
        [{ path: 'p95LatencyMs.unit', expected: 'one of ms, s', got: '"hours"' }],
      ],
      [
        'a ratio above 1',
        { measuredAt: today, dbCpuPercent: { value: 70, unit: 'ratio' } },
        [{ path: 'dbCpuPercent.value', expected: 'a number from 0 to 1 (ratio)', got: '70' }],
      ],
      [
        'a fraction of an engineer and a negative size',
        { measuredAt: today, engineers: 2.5, dbSizeGb: -1 },
        [
          { path: 'dbSizeGb', expected: 'a number from 0 to 1,000,000,000 (GB)', got: '-1' },
          { path: 'engineers', expected: 'a whole number from 0 to 10,000 (engineers)', got: '2.5' },
        ],
      ],
      [
        'a misspelt figure',
        { measuredAt: today, engineer: 4 },
        [{ path: 'engineer', got: 'the unknown field "engineer"' }],
      ],
      ['a day that is not on the calendar', { measuredAt: '2026-02-30', engineers: 4 }, [{ path: 'measuredAt' }]],
      [
        'a day after tomorrow',
        { measuredAt: '2999-01-01', engineers: 4 },
        [{ path: 'measuredAt', got: '"2999-01-01"' }],
      ],
    ])('422 for %s, with each field error, writing nothing', async (_, body, errors) => {
      const id = await brief()
      const { token } = await tokenFor(id)
      await post(id, CHECKIN, bearer(token))
      const before = await written()
      const problem = await problemOf(await post(id, body, bearer(token, { 'Idempotency-Key': 'k2' })), 422)
      expect(problem.type).toBe('/api/v1/problems/invalid-signals')
      expect(problem.errors).toHaveLength(errors.length)
      for (const [i, e] of errors.entries()) expect(problem.errors?.[i]).toMatchObject(e)
      // The token's last use moves; nothing else does.
      const strip = (dump: string) => dump.replace(/"last_used_at":"[^"]*"/g, '')
      expect(strip(await written())).toBe(strip(before))
    })

    it('answers 415 and 400 as every other body does, writing nothing', async () => {
      const id = await brief()
      const { token } = await tokenFor(id)
      const before = await countCheckins()
      await problemOf(await post(id, '{"measuredAt"', bearer(token)), 400)
      await problemOf(await post(id, 'engineers=4', bearer(token, { 'Content-Type': 'text/plain' })), 415)
      expect(await countCheckins()).toBe(before)
    })
  })

  describe('GET /briefs/{id}/signals and /status', () => {
    it('lists check-ins newest first by pages, and reads one', async () => {
      const id = await brief()
      const { token } = await tokenFor(id)
      const days = ['2026-01-05', '2026-03-01', '2026-02-10']
      for (const measuredAt of days)
        expect((await post(id, { measuredAt, engineers: 3 }, bearer(token))).status).toBe(201)
      const first = CheckinPageSchema.parse(await (await api('GET', `/api/v1/briefs/${id}/signals?limit=2`)).json())
      expect(first.items.map((c) => c.measuredAt)).toEqual(['2026-03-01', '2026-02-10'])
      const next = `/api/v1/briefs/${id}/signals?limit=2&cursor=${first.nextCursor}`
      const second = CheckinPageSchema.parse(await (await api('GET', next)).json())
      expect(second).toEqual({ items: [expect.objectContaining({ measuredAt: '2026-01-05' })], nextCursor: null })

      const one = await api('GET', `/api/v1/briefs/${id}/signals/${second.items[0].id}`)
      expect(CheckinSchema.parse(await one.json())).toEqual(second.items[0])
    })

    it('refuses a bad page query (400), an unknown brief or check-in (404)', async () => {
      const id = await brief()
      for (const query of ['limit=0', 'limit=many', 'cursor=nope', 'limit=2&limit=3']) {
        await problemOf(await api('GET', `/api/v1/briefs/${id}/signals?${query}`), 400)
      }
      await problemOf(await api('GET', '/api/v1/briefs/b_aaaaaaaaaaaaaaaa/signals'), 404)
      await problemOf(await api('GET', `/api/v1/briefs/${id}/signals/c_0000000000aaaaaaaaaa`), 404)
      await problemOf(await api('GET', `/api/v1/briefs/${id}/signals/nope`), 404)
      await problemOf(await api('GET', '/api/v1/briefs/b_aaaaaaaaaaaaaaaa/status'), 404)
    })

    it("judges the latest revision's triggers against the newest check-in", async () => {
      const id = await brief()
      const { token } = await tokenFor(id)
      const empty = BriefStatusSchema.parse(await (await api('GET', `/api/v1/briefs/${id}/status`)).json())
      expect(empty).toMatchObject({ checkin: null, triggers: [], fired: [], overdue: false, reviewBySet: false })

      await post(id, { measuredAt: '2026-01-01', engineers: 30 }, bearer(token))
      await post(id, { measuredAt: today, longestJobSeconds: { value: 45, unit: 's' } }, bearer(token))
      const status = BriefStatusSchema.parse(await (await api('GET', `/api/v1/briefs/${id}/status`)).json())
      expect(status.checkin?.measuredAt).toBe(today)
      expect(status.fired).toEqual(['jobs_exceed_request_budget'])
      expect(status.needsAttention).toBe(true)
      expect(status.triggers.find((x) => x.id === 'jobs_exceed_request_budget')).toMatchObject({
        status: 'fired',
        action: expect.any(String),
        guidePath: '/guides/jobs',
      })
    })
  })

  describe('GET /briefs/{id}/compare', () => {
    const twoRevisions = async () => {
      const id = await brief()
      await addRevision(db, {
        workspaceId: ws,
        briefId: id,
        answers: buildAnswers({ team: { engineersIn12Months: 20 }, load: { longestTaskSeconds: 120 } }),
      })
      return id
    }

    it('answers the diff of the latest two as JSON by default', async () => {
      const id = await twoRevisions()
      const response = await api('GET', `/api/v1/briefs/${id}/compare`)
      expect(response.status).toBe(200)
      expect(response.headers.get('content-type')).toBe('application/json')
      expect(response.headers.get('vary')).toBe('Accept')
      const body = RevisionComparisonSchema.parse(await response.json())
      expect([body.from.number, body.to.number, body.empty]).toEqual([1, 2, false])
      expect(body.diff.answers.map((a) => a.label)).toContain('Engineers in 12 months')
      expect(body.diff.triggers.find((x) => x.id === 'team_outgrows_one_service')?.change).toBe('fired')
      const explicit = await (await api('GET', `/api/v1/briefs/${id}/compare?from=1&to=2`)).json()
      expect(explicit).toEqual(body)
    })

    it('answers Markdown for format=md or Accept: text/markdown, the same as the export', async () => {
      const id = await twoRevisions()
      const json = RevisionComparisonSchema.parse(await (await api('GET', `/api/v1/briefs/${id}/compare`)).json())
      const expected = renderDiffMarkdown(json.diff)
      for (const [path, headers] of [
        [`/api/v1/briefs/${id}/compare?format=md`, {}],
        [`/api/v1/briefs/${id}/compare`, { Accept: 'text/markdown' }],
        [`/api/v1/briefs/${id}/compare?from=1&to=2`, { Accept: 'text/markdown, application/json;q=0.5' }],
      ] as const) {
        const response = await api('GET', path, { headers })
        expect(response.status).toBe(200)
        expect(response.headers.get('content-type')).toBe('text/markdown; charset=utf-8')
        const text = await response.text()
        expect(text).toBe(expected)
        expect(text).toContain('Engineers in 12 months')
      }
      const asJson = await api('GET', `/api/v1/briefs/${id}/compare?format=json`, {
        headers: { Accept: 'text/markdown' },
      })
      expect(asJson.headers.get('content-type')).toBe('application/json')
    })

    it('400 for a revision number that is not one, 404 for one that is not there', async () => {
      const id = await twoRevisions()
      for (const query of ['from=abc', 'from=0', 'to=1.5', 'to=-1', 'from=1&from=2', 'format=xml', 'to=99999999999']) {
        const body = await problemOf(await api('GET', `/api/v1/briefs/${id}/compare?${query}`), 400)
        expect(body.type).toBe('/api/v1/problems/invalid-parameter')
      }
      const missing = await problemOf(await api('GET', `/api/v1/briefs/${id}/compare?from=1&to=9`), 404)
      expect(missing.detail).toBe(`Brief ${id} has no revision 9: its revisions are 1 to 2.`)
      await problemOf(await api('GET', '/api/v1/briefs/b_aaaaaaaaaaaaaaaa/compare'), 404)
    })
  })
})

describe('content negotiation for the comparison', () => {
  it.each([
    [null, false],
    ['*/*', false],
    ['application/json', false],
    ['text/markdown', true],
    ['text/markdown, application/json', false],
    ['application/json;q=0.4, text/markdown', true],
    ['text/markdown;q=0', false],
    ['TEXT/MARKDOWN; charset=utf-8', true],
  ])('%s → markdown: %s', (accept, markdown) => {
    expect(prefersMarkdown(accept)).toBe(markdown)
  })
})

describe('OpenAPI description of check-ins', () => {
  type Json = Record<string, unknown>
  const doc = openApiDocument() as { paths: Record<string, Record<string, Json>>; components: Record<string, Json> }

  it('documents the token, the 401 and the body of POST /briefs/{id}/signals', () => {
    const op = doc.paths['/briefs/{id}/signals'].post as { security: unknown; responses: Json; requestBody: Json }
    expect(op.security).toEqual([{ briefToken: [] }])
    expect(op.responses['401']).toEqual({ $ref: '#/components/responses/Unauthorized' })
    expect(doc.components.securitySchemes).toMatchObject({ briefToken: { type: 'http', scheme: 'bearer' } })
    expect(JSON.stringify(op.requestBody)).toContain('#/components/schemas/SignalsInput')
    for (const path of ['/briefs/{id}/status', '/briefs/{id}/compare', '/briefs/{id}/signals/{checkinId}']) {
      expect(doc.paths[path]?.get).toBeDefined()
    }
  })

  it('spells out every figure of SignalsInput with its units, none left as "anything"', () => {
    const schema = doc.components.schemas as Record<string, { properties: Record<string, { anyOf?: Json[] }> }>
    const props = schema.SignalsInput.properties
    expect(Object.keys(props).sort()).toEqual(['measuredAt', ...SIGNAL_FIELDS].sort())
    for (const field of SIGNAL_FIELDS) {
      const units = Object.keys(SIGNAL_FIGURES[field].units)
      const text = JSON.stringify(props[field])
      for (const unit of units) expect(text, field).toContain(`"const":"${unit}"`)
      expect(props[field].anyOf?.length, field).toBe(units.length + 2)
      expect(props[field].anyOf, field).toContainEqual({ type: 'null' })
    }
  })

  it('accepts and refuses the same check-ins as the parser (JSON values, at least one figure)', () => {
    const number = fc.oneof(
      fc.integer({ min: -5, max: 5000 }),
      fc.double({ min: -10, max: 1e6, noNaN: true, noDefaultInfinity: true }),
      fc.constantFrom(0, 1, 0.5, 100, 100.5, -0),
    )
    const figureArb = (field: (typeof SIGNAL_FIELDS)[number]) =>
      fc.oneof(
        number,
        fc.constant(null),
        fc.record({ value: number, unit: fc.constantFrom(...Object.keys(SIGNAL_FIGURES[field].units), 'parsecs') }),
        fc.record({ value: number }),
        fc.constant('12'),
      )
    const inputArb = fc
      .record(Object.fromEntries(SIGNAL_FIELDS.map((f) => [f, figureArb(f)])), { requiredKeys: [] })
      .filter((figures) => Object.values(figures).some((v) => v !== null))
      .map((figures) => ({ measuredAt: '2026-06-01', ...figures }))
    fc.assert(
      fc.property(inputArb, (input) => {
        expect(SignalsInputSchema.safeParse(input).success).toBe(SignalsSchema.safeParse(input).success)
      }),
      { numRuns: 2000, seed: 20_260_601 },
    )
  })
})

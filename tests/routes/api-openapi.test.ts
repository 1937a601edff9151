import { readdirSync, readFileSync } from 'node:fs'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { openApiDocument } from '#app/api/openapi.server.ts'
import { PROBLEM_TYPE_IDS } from '#app/api/problem.ts'
import { ProblemTypeSchema } from '#app/api/schemas.server.ts'
import { CHOICE_IDS } from '#app/api/vocabulary.ts'
import { loadCatalog } from '#app/catalog.server.ts'
import { AnswersSchema } from '#app/engine/answers.ts'
import { AREAS } from '#app/engine/brief.ts'
import { generateBrief } from '#app/engine/generate.ts'
import { setDbForTests } from '#db/client.server.ts'
import { answersInputArb } from '#tests/support/arbitraries.ts'
import { testDatabases } from '#tests/support/databases.ts'
import { API_ROUTES, api, REQUEST_ID } from './api-client.ts'

type Json = Record<string, unknown>
const doc = openApiDocument() as Json & {
  paths: Record<string, Record<string, Json>>
  components: Record<string, Record<string, Json>>
}
// Routes that read the database get a fresh SQLite one; the description does not depend on which.
const [sqlite] = await testDatabases()
let cleanup: () => Promise<void>
beforeAll(async () => {
  const opened = await sqlite.open()
  setDbForTests(opened.db)
  cleanup = opened.cleanup
})
afterAll(async () => {
  setDbForTests(undefined)
  await cleanup()
})

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace']
/** POSTs that take no body: the path says everything. */
const BODILESS = new Set(['restoreBrief'])

/** `api/v1/briefs/:id` → `/briefs/{id}`; the catch-all has no entry. */
const openApiPath = (routePath: string) =>
  routePath.replace(/^api\/v1/, '').replace(/:(\w+)/g, (_, name: string) => `{${name}}`)
const documentedRoutes = API_ROUTES.filter((r) => !r.path.endsWith('*'))

/** A URL for a path template with plausible values for its parameters. */
const sample = (template: string) =>
  `/api/v1${template.replace('{id}', 'b_aaaaaaaaaaaaaaaa').replace('{n}', '1').replace('{type}', 'not-found')}`

function refs(value: unknown, out: string[] = []): string[] {
  if (Array.isArray(value)) for (const v of value) refs(v, out)
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (k === '$ref' && typeof v === 'string') out.push(v)
      else refs(v, out)
    }
  }
  return out
}

function resolve(ref: string): unknown {
  expect(ref.startsWith('#/')).toBe(true)
  return ref
    .slice(2)
    .split('/')
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], doc)
}

describe('OpenAPI description', () => {
  it('is OpenAPI 3.1 with info, servers and components', () => {
    expect(doc.openapi).toMatch(/^3\.1\.\d+$/)
    expect(doc.info).toMatchObject({ title: expect.any(String), version: '1' })
    expect(doc.servers).toEqual([{ url: '/api/v1' }])
    expect(Object.keys(doc.components.schemas)).toEqual(
      expect.arrayContaining(['Answers', 'AnswersRequest', 'Brief', 'BriefDetail', 'BriefPage', 'Problem']),
    )
  })

  it('is served at /api/v1/openapi.json', async () => {
    const response = await api('GET', '/api/v1/openapi.json')
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('application/json')
    expect(await response.json()).toEqual(doc)
  })

  it('documents exactly the paths app/routes.ts declares under /api/v1', () => {
    expect(Object.keys(doc.paths).sort()).toEqual(documentedRoutes.map((r) => openApiPath(r.path)).sort())
  })

  it('routes accept every documented method and refuse the others with 405', async () => {
    for (const [template, item] of Object.entries(doc.paths)) {
      const documented = Object.keys(item).filter((k) => METHODS.includes(k))
      for (const method of ['get', 'post', 'put', 'patch', 'delete']) {
        const response = await api(method.toUpperCase(), sample(template), {
          body: method === 'get' ? undefined : {},
        })
        if (documented.includes(method)) expect(response.status, `${method} ${template}`).not.toBe(405)
        else expect(response.status, `${method} ${template}`).toBe(405)
      }
    }
  })

  it('resolves every $ref', () => {
    const all = refs(doc)
    expect(all.length).toBeGreaterThan(20)
    for (const ref of new Set(all)) expect(resolve(ref), ref).toBeDefined()
  })

  it('gives every operation an id, a success response and its problem responses', () => {
    const ids = new Set<string>()
    for (const [template, item] of Object.entries(doc.paths)) {
      const names = [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1])
      for (const method of Object.keys(item).filter((k) => METHODS.includes(k))) {
        const op = item[method] as {
          operationId: string
          parameters?: Json[]
          responses: Record<string, Json>
          requestBody?: Json
        }
        expect(ids.has(op.operationId)).toBe(false)
        ids.add(op.operationId)
        expect(
          Object.keys(op.responses).some((s) => /^2\d\d$/.test(s)),
          op.operationId,
        ).toBe(true)
        const pathParams = (op.parameters ?? [])
          .map((p) => (p.$ref ? resolve(p.$ref as string) : p) as Json)
          .filter((p) => p.in === 'path')
          .map((p) => p.name)
        expect(pathParams.sort(), op.operationId).toEqual([...names].sort())
        if (method === 'post' && !BODILESS.has(op.operationId)) {
          expect(op.requestBody, op.operationId).toBeDefined()
          expect(Object.keys(op.responses)).toEqual(expect.arrayContaining(['413', '415', '422']))
        }
        for (const [status, response] of Object.entries(op.responses)) {
          if (Number(status) < 400) continue
          const resolved = resolve(response.$ref as string) as { content: Record<string, unknown> }
          expect(Object.keys(resolved.content)).toEqual(['application/problem+json'])
        }
      }
    }
  })

  it('describes both paged lists with cursor and limit, and their nextCursor', () => {
    for (const [template, names] of [
      ['/briefs', ['search', 'cursor', 'limit']],
      ['/briefs/{id}/revisions', ['cursor', 'limit']],
    ] as const) {
      const op = doc.paths[template].get as { parameters: Json[] }
      const query = op.parameters.filter((p) => p.in === 'query').map((p) => p.name)
      expect(query, template).toEqual(names)
    }
    const list = doc.components.schemas.RevisionList as { required: string[] }
    expect(list.required).toEqual(expect.arrayContaining(['items', 'nextCursor']))
    expect(String((doc.info as Json).description)).toContain(
      '`GET /briefs/{id}/revisions` return `{ items, nextCursor }`',
    )
  })

  it('takes request bodies as clients write them: defaults optional, either form', () => {
    type ObjectSchema = { required: string[]; properties: Record<string, Json & { const?: number }> }
    const versions = (doc.components.schemas.Answers as { oneOf: ObjectSchema[] }).oneOf
    expect(versions.map((v) => v.properties.version.const)).toEqual([1, 2])
    const answers = versions[1]
    expect(answers.required).not.toContain('data')
    expect((answers.properties.budget as { required: string[] }).required).toEqual(['monthlyInfraUsd'])
    expect(refs(doc.components.schemas.AnswersRequest)).toEqual([
      '#/components/schemas/Answers',
      '#/components/schemas/Answers',
    ])
  })

  it('describes the 24-hour idempotency window, both body forms and every problem type', () => {
    const text = String((doc.info as Json).description)
    expect(text).toContain('24 hours')
    expect(text).toContain('{ "answers":')
    for (const id of PROBLEM_TYPE_IDS) expect(text).toContain(`/api/v1/problems/${id}`)
  })

  it('lists the choice-id vocabulary of every area', () => {
    const text = String((doc.info as Json).description)
    expect(Object.keys(CHOICE_IDS)).toEqual([...AREAS])
    for (const [area, ids] of Object.entries(CHOICE_IDS)) {
      expect(text).toContain(`| ${area} | ${ids.map((id) => `\`${id}\``).join(', ')} |`)
    }
  })
})

describe('choice-id vocabulary', () => {
  const catalog = loadCatalog()
  const check = (input: unknown) => {
    const brief = generateBrief(AnswersSchema.parse(input), catalog)
    for (const d of brief.decisions) {
      expect(CHOICE_IDS[d.area] as readonly string[], `${d.area}: ${d.choice.id}`).toContain(d.choice.id)
    }
  }

  it('holds every choice the engine makes for the shipped examples', () => {
    const dir = new URL('../../content/examples/', import.meta.url)
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.yaml'))) {
      check(parse(readFileSync(new URL(file, dir), 'utf8')))
    }
  })

  it('holds every choice the engine makes for any answers', () => {
    fc.assert(
      fc.property(answersInputArb, (input) => {
        check(input)
      }),
      { numRuns: 300, seed: 20_260_601 },
    )
  })
})

describe('problem types', () => {
  it.each(PROBLEM_TYPE_IDS)('/api/v1/problems/%s says what it means', async (id) => {
    const response = await api('GET', `/api/v1/problems/${id}`)
    expect(response.status).toBe(200)
    const body = ProblemTypeSchema.parse(await response.json())
    expect(body.type).toBe(`/api/v1/problems/${id}`)
  })

  it('answers an unknown problem type with 404', async () => {
    const response = await api('GET', '/api/v1/problems/nope')
    expect(response.status).toBe(404)
    expect((await response.json()).requestId).toBe(REQUEST_ID)
  })
})

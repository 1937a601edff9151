import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { unzipSync } from 'fflate'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { type Answers, AnswersSchema } from '#app/engine/answers.ts'
import { parseRecords } from '#app/export/adr/parse.ts'
import { parseRadar, RADAR_COLUMNS } from '#app/export/radar.ts'
import { loader as revisionZip } from '#app/routes/briefs.$id.revisions.$n.adr[.zip].tsx'
import { loader as revisionCsv } from '#app/routes/briefs.$id.revisions.$n.radar[.csv].tsx'
import { loader as revisionJson } from '#app/routes/briefs.$id.revisions.$n.radar[.json].tsx'
import { loader as exampleZip } from '#app/routes/examples.$name.adr[.zip].tsx'
import { loader as exampleCsv } from '#app/routes/examples.$name.radar[.csv].tsx'
import { loader as exampleJson } from '#app/routes/examples.$name.radar[.json].tsx'
import { addRevision, createBrief } from '#app/services/briefs.server.ts'
import { renderPoolState } from '#app/web/render-pool.server.ts'
import { type Db, setDbForTests } from '#db/client.server.ts'
import { LOCAL_WORKSPACE_ID } from '#db/migrations/0001-initial.ts'
import { testDatabases } from '#tests/support/databases.ts'
import { asLocalOwner } from '#tests/support/identity.ts'

/** The downloads beside an example and a saved revision: the records zip and the radar files. */

const EXAMPLE = AnswersSchema.parse(
  parse(readFileSync(join(process.cwd(), 'content', 'examples', 'b2b-saas.yaml'), 'utf8')),
)

function args(path: string, params: Record<string, string>) {
  return { request: new Request(`http://localhost${path}`), params, context: asLocalOwner() }
}

async function answer(run: () => Promise<Response>): Promise<Response> {
  try {
    return await run()
  } catch (error) {
    if (error instanceof Response) return error
    throw error
  }
}

function unzip(bytes: ArrayBuffer) {
  const entries = unzipSync(new Uint8Array(bytes))
  return Object.entries(entries).map(([path, data]) => ({ path, content: new TextDecoder().decode(data) }))
}

describe('example downloads', () => {
  it('/examples/b2b-saas/adr.zip holds the MADR records under docs/decisions/', async () => {
    const res = await exampleZip(args('/examples/b2b-saas/adr.zip', { name: 'b2b-saas' }))
    expect(res.status).toBe(200)
    expect(res.headers.get('Content-Type')).toBe('application/zip')
    expect(res.headers.get('Content-Disposition')).toBe('attachment; filename="b2b-saas-decisions.zip"')
    const files = unzip(await res.arrayBuffer())
    expect(files.every((f) => f.path.startsWith('docs/decisions/'))).toBe(true)
    expect(files.map((f) => f.path)).toContain('docs/decisions/index.md')
    const records = parseRecords(files.map((f) => ({ ...f, path: f.path.slice('docs/decisions/'.length) })))
    expect(records[0]).toMatchObject({ number: 1, style: 'madr', area: 'repo', briefId: 'example-b2b-saas' })
    expect(records[0].content).not.toContain('/guides/')
    expect(records[0].content).toMatch(/^Guide: [A-Z]/m)
  })

  it.each([
    ['radar.csv', exampleCsv, 'text/csv; charset=utf-8', 'b2b-saas-radar.csv'],
    ['radar.json', exampleJson, 'application/json; charset=utf-8', 'b2b-saas-radar.json'],
  ])('/examples/b2b-saas/%s is the radar', async (file, loader, type, name) => {
    const res = await loader(args(`/examples/b2b-saas/${file}`, { name: 'b2b-saas' }))
    expect(res.status).toBe(200)
    expect(res.headers.get('Content-Type')).toBe(type)
    expect(res.headers.get('Content-Disposition')).toBe(`attachment; filename="${name}"`)
    const rows = parseRadar(await res.text())
    expect(rows.length).toBeGreaterThan(15)
    expect(Object.keys(rows[0])).toEqual([...RADAR_COLUMNS])
  })

  it.each([
    ['adr.zip', exampleZip],
    ['radar.csv', exampleCsv],
    ['radar.json', exampleJson],
  ])('answers an unknown example with 404 for %s', async (file, loader) => {
    // Thrown, as every example download's 404 is, so Remix answers it the same way.
    const res = await Promise.resolve(loader(args(`/examples/nope/${file}`, { name: '../package' }))).catch(
      (thrown: unknown) => thrown as Response,
    )
    expect(res.status).toBe(404)
  })
})

const dbs = await testDatabases()

describe.each(dbs)('revision downloads on $name', (t) => {
  let db: Db
  let cleanup: () => Promise<void>
  let briefId: string

  beforeAll(async () => {
    ;({ db, cleanup } = await t.open())
    setDbForTests(db)
    const later: Answers = { ...EXAMPLE, load: { ...EXAMPLE.load, longestTaskSeconds: 120 } }
    const created = await createBrief(db, {
      workspaceId: LOCAL_WORKSPACE_ID,
      answers: EXAMPLE,
      now: new Date('2025-01-15T10:00:00Z'),
    })
    briefId = created.brief.id
    await addRevision(db, {
      workspaceId: LOCAL_WORKSPACE_ID,
      briefId,
      answers: later,
      now: new Date('2025-02-01T10:00:00Z'),
    })
  })

  afterAll(async () => {
    setDbForTests(undefined)
    await cleanup()
  })

  it('adr.zip of revision 2 holds revision 1 and the record that supersedes its jobs decision', async () => {
    const res = await answer(() => revisionZip(args(`/briefs/${briefId}/revisions/2/adr.zip`, { id: briefId, n: '2' })))
    expect(res.status).toBe(200)
    expect(res.headers.get('Content-Disposition')).toBe('attachment; filename="shiftwise-r2-decisions.zip"')
    const files = unzip(await res.arrayBuffer()).map((f) => ({ ...f, path: f.path.replace('docs/decisions/', '') }))
    const jobs = parseRecords(files).filter((r) => r.area === 'jobs')
    expect(jobs.map((r) => [r.number, r.choice, r.status, r.revision, r.date])).toEqual([
      [9, 'postgres_jobs_table', 'superseded by ADR-0019', 1, '2025-01-15'],
      [19, 'queue', 'accepted', 2, '2025-02-01'],
    ])
    expect(jobs.every((r) => r.briefId === briefId)).toBe(true)
  })

  it('a second download of a revision is the same zip, served from the cache without a new render', async () => {
    const path = `/briefs/${briefId}/revisions/2/adr.zip?client=Acme`
    const first = await answer(() => revisionZip(args(path, { id: briefId, n: '2' })))
    const rendersAfterFirst = renderPoolState().renders
    const second = await answer(() => revisionZip(args(path, { id: briefId, n: '2' })))
    expect(renderPoolState().renders).toBe(rendersAfterFirst)
    expect(new Uint8Array(await second.arrayBuffer())).toEqual(new Uint8Array(await first.arrayBuffer()))
    const other = await answer(() =>
      revisionZip(args(`/briefs/${briefId}/revisions/2/adr.zip?client=Zeta`, { id: briefId, n: '2' })),
    )
    expect(renderPoolState().renders).toBe(rendersAfterFirst + 1)
    const deciders = unzip(await other.arrayBuffer()).filter((f) => f.content.includes('Zeta'))
    expect(deciders.length).toBeGreaterThan(0)
  })

  it('adr.zip of revision 1 has no superseded record', async () => {
    const res = await answer(() => revisionZip(args(`/briefs/${briefId}/revisions/1/adr.zip`, { id: briefId, n: '1' })))
    const records = parseRecords(
      unzip(await res.arrayBuffer()).map((f) => ({ ...f, path: f.path.split('/').pop() ?? '' })),
    )
    expect(records.some((r) => r.statusWord === 'superseded')).toBe(false)
  })

  it('radar of revision 2 marks only what revision 1 did not have as new', async () => {
    const [csv, json] = await Promise.all([
      answer(() => revisionCsv(args(`/briefs/${briefId}/revisions/2/radar.csv`, { id: briefId, n: '2' }))),
      answer(() => revisionJson(args(`/briefs/${briefId}/revisions/2/radar.json`, { id: briefId, n: '2' }))),
    ])
    expect(csv.headers.get('Content-Type')).toBe('text/csv; charset=utf-8')
    expect(json.headers.get('Content-Disposition')).toBe('attachment; filename="shiftwise-r2-radar.json"')
    const rows = parseRadar(await csv.text())
    expect(rows.filter((r) => r.isNew === 'true').map((r) => r.name)).toEqual(['A job queue: Amazon SQS'])
    expect(parseRadar(await json.text())).toEqual(rows)
  })

  it.each([
    ['an unknown brief', 'b_aaaaaaaaaaaaaaaa', '1'],
    ['an unknown revision', '', '9'],
    ['a revision that is not a number', '', 'x'],
  ])('answers %s with 404', async (_case, id, n) => {
    const target = id || briefId
    for (const loader of [revisionZip, revisionCsv, revisionJson]) {
      const res = await answer(() => loader(args(`/briefs/${target}/revisions/${n}/x`, { id: target, n })))
      expect(res.status).toBe(404)
    }
  })
})

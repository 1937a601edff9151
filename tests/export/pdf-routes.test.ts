import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { AnswersSchema } from '#app/engine/answers.ts'
import { loader as revisionPdfLoader } from '#app/routes/briefs.$id.revisions.$n.brief[.]pdf.tsx'
import { loader as examplePdfLoader } from '#app/routes/examples.$name.brief[.]pdf.tsx'
import { createBrief } from '#app/services/briefs.server.ts'
import { type Db, setDbForTests } from '#db/client.server.ts'
import { LOCAL_WORKSPACE_ID } from '#db/migrations/0001-initial.ts'
import { testDatabases } from '#tests/support/databases.ts'
import { asLocalOwner } from '#tests/support/identity.ts'

/** The PDF downloads: an example's and a saved revision's, with their query options. */

const dir = mkdtempSync(join(tmpdir(), 'stackbrief-pdf-routes-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

function args(path: string, params: Record<string, string>) {
  return { request: new Request(`http://localhost${path}`), params, context: asLocalOwner({ requestId: 'req-1' }) }
}

async function pdfText(response: Response): Promise<{ text: string; pageSize: string }> {
  const file = join(dir, `${Math.random().toString(36).slice(2)}.pdf`)
  writeFileSync(file, new Uint8Array(await response.arrayBuffer()))
  const text = execFileSync('/usr/bin/pdftotext', ['-layout', '-l', '2', file, '-'], { encoding: 'utf8' })
  const info = execFileSync('/usr/bin/pdfinfo', [file], { encoding: 'utf8' })
  return { text: text.replace(/\s+/g, ' '), pageSize: /Page size:\s*(.*)/.exec(info)?.[1] ?? '' }
}

async function thrown(run: () => Promise<unknown>): Promise<Response> {
  try {
    await run()
  } catch (error) {
    if (error instanceof Response) return error
    throw error
  }
  throw new Error('expected a thrown Response')
}

describe('/examples/:name/brief.pdf', () => {
  it('downloads the example as a PDF dated today, with the cover lines from the query', async () => {
    const path = '/examples/b2b-saas/brief.pdf?pageSize=letter&preparedBy=Northwind%20Advisory&client=Acme%20Ltd'
    const response = await examplePdfLoader(args(path, { name: 'b2b-saas' }))
    expect(response.status).toBe(200)
    expect(response.headers.get('Content-Type')).toBe('application/pdf')
    expect(response.headers.get('Content-Disposition')).toBe('attachment; filename="b2b-saas.pdf"')
    const { text, pageSize } = await pdfText(response)
    expect(pageSize).toBe('612 x 792 pts (letter)')
    expect(text).toContain('Prepared for Acme Ltd')
    expect(text).toContain('Prepared by Northwind Advisory')
  }, 60_000)

  it('answers an unknown example with a 404', async () => {
    // Thrown, as every example download's 404 is, so Remix answers it the same way.
    const response = await examplePdfLoader(args('/examples/nope/brief.pdf', { name: 'nope' })).catch(
      (thrown: unknown) => thrown as Response,
    )
    expect(response.status).toBe(404)
    expect(await response.text()).toBe('There is no example brief called "nope".\n')
  })

  it.each([
    ['a paper size it does not print', '?pageSize=a3', 'pageSize'],
    ['a name longer than a cover line', `?client=${'x'.repeat(121)}`, 'client'],
  ])('answers %s with a 400 problem+json naming the parameter', async (_case, query, path) => {
    const response = await examplePdfLoader(args(`/examples/b2b-saas/brief.pdf${query}`, { name: 'b2b-saas' }))
    expect(response.status).toBe(400)
    expect(response.headers.get('Content-Type')).toBe('application/problem+json')
    const body = (await response.json()) as { type: string; requestId: string; errors: { path: string }[] }
    expect(body.type).toBe('/api/v1/problems/invalid-parameter')
    expect(body.requestId).toBe('req-1')
    expect(body.errors.map((e) => e.path)).toEqual([path])
  })
})

const dbs = await testDatabases()

describe.each(dbs)('/briefs/:id/revisions/:n/brief.pdf on $name', (t) => {
  let db: Db
  let cleanup: () => Promise<void>

  beforeAll(async () => {
    ;({ db, cleanup } = await t.open())
    setDbForTests(db)
  })

  afterAll(async () => {
    setDbForTests(undefined)
    await cleanup()
  })

  it('downloads the revision dated the day it was made, with its number on the cover', async () => {
    const answers = AnswersSchema.parse(
      parse(readFileSync(join(process.cwd(), 'content', 'examples', 'b2b-saas.yaml'), 'utf8')),
    )
    const { brief } = await createBrief(db, {
      workspaceId: LOCAL_WORKSPACE_ID,
      answers,
      now: new Date(Date.UTC(2026, 2, 14, 9)),
    })
    const id = brief.id
    const response = await revisionPdfLoader(args(`/briefs/${id}/revisions/1/brief.pdf?client=Acme`, { id, n: '1' }))
    expect(response.status).toBe(200)
    expect(response.headers.get('Content-Disposition')).toBe('attachment; filename="shiftwise-r1.pdf"')
    const { text, pageSize } = await pdfText(response)
    expect(pageSize).toBe('595.28 x 841.89 pts (A4)')
    expect(text).toContain('14 March 2026')
    expect(text).toContain('Revision 1')
    expect(text).toContain('Prepared for Acme')
    expect((await thrown(() => revisionPdfLoader(args(`/x`, { id, n: '2' })))).status).toBe(404)
    expect((await revisionPdfLoader(args(`/x?pageSize=tabloid`, { id, n: '1' }))).status).toBe(400)
  }, 60_000)
})

import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { type Answers, AnswersSchema } from '#app/engine/answers.ts'
import { BriefSchema } from '#app/engine/brief.ts'
import { loader as jsonLoader } from '#app/routes/briefs.$id.revisions.$n.brief[.json].tsx'
import { loader as markdownLoader } from '#app/routes/briefs.$id.revisions.$n.brief[.md].tsx'
import { action as editAction, loader as editLoader } from '#app/routes/briefs.$id.revisions.$n.edit.tsx'
import { loader as revisionLoader } from '#app/routes/briefs.$id.revisions.$n.tsx'
import { loader as latestLoader } from '#app/routes/briefs.$id.tsx'
import { loader as homeLoader } from '#app/routes/home.tsx'
import { addRevision, createBrief, getRevision } from '#app/services/briefs.server.ts'
import { CorruptRevisionError } from '#app/services/support/errors.server.ts'
import { type Db, setDbForTests } from '#db/client.server.ts'
import { LOCAL_WORKSPACE_ID } from '#db/migrations/0001-initial.ts'
import { testDatabases } from '#tests/support/databases.ts'
import { asLocalOwner } from '#tests/support/identity.ts'

/**
 * The saved brief's pages and downloads, and the home page's list of saved
 * briefs, against real databases. Briefs are made through the services; the
 * questionnaire that makes them in the browser is tested in wizard.test.ts.
 */

const EXAMPLE = AnswersSchema.parse(
  parse(readFileSync(join(process.cwd(), 'content', 'examples', 'b2b-saas.yaml'), 'utf8')),
)

function named(name: string, answers: Answers = EXAMPLE): Answers {
  return { ...answers, product: { ...answers.product, name } }
}

function args(path: string, params: Record<string, string>, method = 'GET') {
  const request =
    method === 'POST'
      ? new Request(`http://localhost${path}`, { method, body: new URLSearchParams() })
      : new Request(`http://localhost${path}`)
  return { request, params, context: asLocalOwner() }
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

const dbs = await testDatabases()

describe.each(dbs)('saved brief pages on $name', (t) => {
  let db: Db
  let cleanup: () => Promise<void>
  const workspaceId = LOCAL_WORKSPACE_ID

  beforeAll(async () => {
    ;({ db, cleanup } = await t.open())
    setDbForTests(db)
  })

  afterAll(async () => {
    setDbForTests(undefined)
    await cleanup()
  })

  async function briefWithTwoRevisions() {
    const { brief } = await createBrief(db, { workspaceId, answers: named('Shiftwise') })
    const cheaper = named('Shiftwise Pro', { ...EXAMPLE, budget: { ...EXAMPLE.budget, monthlyInfraUsd: 150 } })
    await addRevision(db, { workspaceId, briefId: brief.id, answers: cheaper })
    return brief.id
  }

  it('/briefs/:id shows the latest revision with the whole brief and the history', async () => {
    const id = await briefWithTwoRevisions()
    const page = await latestLoader(args(`/briefs/${id}`, { id }))
    expect(page.briefId).toBe(id)
    expect(page.headRevision).toBe(2)
    expect(page.revision.number).toBe(2)
    expect(page.revision.brief.title).toBe('Shiftwise Pro')
    // The sections come as HTML drawn once on the server, not as the Brief JSON to draw again.
    expect(page.revision.bodyHtml).toContain('Shiftwise Pro')
    expect(page.revision.bodyHtml).toContain('<h2 id="costs-title">12-month cost bands</h2>')
    expect(page.revision).not.toHaveProperty('answers')
    expect(Object.keys(page.revision.brief).sort()).toEqual(['costs', 'summary', 'title'])
    expect(page.revisions.map((r) => r.number)).toEqual([2, 1])
    expect(page.revisions[1]).toMatchObject({ engineVersion: page.revision.engineVersion, title: 'Shiftwise' })
  })

  it('/briefs/:id/revisions/:n shows any revision at its own address, with its versions and date', async () => {
    const id = await briefWithTwoRevisions()
    const first = await revisionLoader(args(`/briefs/${id}/revisions/1`, { id, n: '1' }))
    expect(first.revision.number).toBe(1)
    expect(first.revision.brief.title).toBe('Shiftwise')
    expect(first.revision.bodyHtml).toContain('$400')
    expect(first.revision.engineVersion).toMatch(/^\d+\.\d+\.\d+/)
    expect(first.revision.catalogVersion.length).toBeGreaterThan(0)
    expect(Number.isNaN(Date.parse(first.revision.createdAt))).toBe(false)
    expect(first.headRevision).toBe(2)
  })

  it.each([
    ['an unknown brief', 'b_aaaaaaaaaaaaaaaa', '1'],
    ['a malformed brief id', '..%2Fsecrets', '1'],
  ])('answers %s with a 404, never a 500', async (_case, id, n) => {
    for (const run of [
      () => latestLoader(args(`/briefs/${id}`, { id })),
      () => revisionLoader(args(`/briefs/${id}/revisions/${n}`, { id, n })),
      () => markdownLoader(args(`/briefs/${id}/revisions/${n}/brief.md`, { id, n })),
      () => jsonLoader(args(`/briefs/${id}/revisions/${n}/brief.json`, { id, n })),
      () => editAction(args(`/briefs/${id}/revisions/${n}/edit`, { id, n }, 'POST')),
    ]) {
      expect((await thrown(run)).status).toBe(404)
    }
  })

  it.each(['3', '0', '-1', 'latest', '1.5', '99999999999'])(
    'answers revision “%s” of a real brief with a 404',
    async (n) => {
      const id = await briefWithTwoRevisions()
      const response = await thrown(() => revisionLoader(args(`/briefs/${id}/revisions/${n}`, { id, n })))
      expect(response.status).toBe(404)
      expect(await response.text()).toContain('1 to 2')
      expect((await thrown(() => markdownLoader(args(`/x`, { id, n })))).status).toBe(404)
    },
  )

  it('downloads a revision as Markdown, named after the brief and revision', async () => {
    const id = await briefWithTwoRevisions()
    const response = await markdownLoader(args(`/briefs/${id}/revisions/1/brief.md`, { id, n: '1' }))
    expect(response.status).toBe(200)
    expect(response.headers.get('Content-Type')).toBe('text/markdown; charset=utf-8')
    expect(response.headers.get('Content-Disposition')).toBe('attachment; filename="shiftwise-r1.md"')
    const text = await response.text()
    expect(text).toContain('Shiftwise')
    expect(text).toMatch(/^## Cost bands$/m)
    // No PUBLIC_URL: the guides are named, not linked to an address the file cannot reach.
    expect(text).not.toContain('/guides/')
    expect(text).toContain('Guide: Choosing the database.')
  })

  it('links the guides under PUBLIC_URL when the server knows its address', async () => {
    const id = await briefWithTwoRevisions()
    process.env.PUBLIC_URL = 'https://briefs.example.com/'
    try {
      const response = await markdownLoader(args(`/briefs/${id}/revisions/1/brief.md`, { id, n: '1' }))
      const text = await response.text()
      expect(text).toContain('](https://briefs.example.com/guides/databases)')
      expect(text).not.toContain('http://localhost/guides/')
    } finally {
      delete process.env.PUBLIC_URL
    }
  })

  it('downloads a revision as the Brief JSON, exactly as stored', async () => {
    const id = await briefWithTwoRevisions()
    const response = await jsonLoader(args(`/briefs/${id}/revisions/2/brief.json`, { id, n: '2' }))
    expect(response.headers.get('Content-Type')).toBe('application/json; charset=utf-8')
    expect(response.headers.get('Content-Disposition')).toBe('attachment; filename="shiftwise-pro-r2.json"')
    const brief = BriefSchema.parse(await response.json())
    const stored = await getRevision(db, { workspaceId: LOCAL_WORKSPACE_ID, briefId: id, number: 2 })
    expect(brief).toEqual(stored?.brief)
  })

  it('"Edit answers" is a POST that opens a prefilled draft; a plain visit goes back to the revision', async () => {
    const id = await briefWithTwoRevisions()
    const response = (await editAction(args(`/briefs/${id}/revisions/1/edit`, { id, n: '1' }, 'POST'))) as Response
    expect(response.status).toBe(302)
    expect(response.headers.get('Location')).toMatch(/^\/drafts\/d_[a-z2-7]{16}\/product$/)
    const visit = (await editLoader(args(`/briefs/${id}/revisions/1/edit`, { id, n: '1' }))) as Response
    expect(visit.headers.get('Location')).toBe(`/briefs/${id}/revisions/1`)
  })
  it('fails only the pages of a corrupt revision, with the brief and revision named for the log', async () => {
    const id = await briefWithTwoRevisions()
    const other = await briefWithTwoRevisions()
    await db.db
      .updateTable('revisions')
      .set({ answers: '{"version": 2, "product": "gone"}' })
      .where('brief_id', '=', id)
      .where('number', '=', 1)
      .execute()
    // Not a Response: Remix answers an error thrown by a loader with a 500 and logs its message.
    const failed = await revisionLoader(args(`/briefs/${id}/revisions/1`, { id, n: '1' })).catch((e: unknown) => e)
    expect(failed).toBeInstanceOf(CorruptRevisionError)
    expect((failed as Error).message).toMatch(
      new RegExp(`^Revision 1 of brief ${id} is corrupt: its stored answers, at product`),
    )
    // The same brief's sound revision, another brief and the home list are untouched.
    expect((await latestLoader(args(`/briefs/${id}`, { id }))).revision.number).toBe(2)
    expect((await latestLoader(args(`/briefs/${other}`, { id: other }))).revision.number).toBe(2)
    const home = await homeLoader(args('/', {}))
    expect(JSON.stringify(home)).toContain(id)
  })
})

describe.each(dbs)('home page list of saved briefs on $name', (t) => {
  let db: Db
  let cleanup: () => Promise<void>
  const workspaceId = LOCAL_WORKSPACE_ID
  const home = (query = '') =>
    homeLoader({ request: new Request(`http://localhost/${query}`), context: asLocalOwner() })

  beforeAll(async () => {
    ;({ db, cleanup } = await t.open())
    setDbForTests(db)
    // Twelve briefs a minute apart: more than one page of ten.
    for (let i = 1; i <= 12; i++) {
      const name = i % 3 === 0 ? `Ledger ${i}` : `Rota ${i}`
      await createBrief(db, { workspaceId, answers: named(name), now: new Date(Date.UTC(2025, 0, 1, 9, i)) })
    }
  })

  afterAll(async () => {
    setDbForTests(undefined)
    await cleanup()
  })

  it('lists the newest ten first and links to the older ones with a cursor', async () => {
    const first = await home()
    expect(first.saved.items.map((b) => b.title)).toEqual([
      'Ledger 12',
      'Rota 11',
      'Rota 10',
      'Ledger 9',
      'Rota 8',
      'Rota 7',
      'Ledger 6',
      'Rota 5',
      'Rota 4',
      'Ledger 3',
    ])
    expect(first.saved.nextCursor).not.toBeNull()
    const second = await home(`?cursor=${first.saved.nextCursor}`)
    expect(second.saved.items.map((b) => b.title)).toEqual(['Rota 2', 'Rota 1'])
    expect(second.saved.nextCursor).toBeNull()
    expect(second.saved.cursor).toBe(first.saved.nextCursor)
    expect(first.examples.length).toBeGreaterThan(0)
  })

  it('searches titles, any case, and keeps the search on the next page', async () => {
    const found = await home('?q=ledger')
    expect(found.saved.q).toBe('ledger')
    expect(found.saved.items.map((b) => b.title)).toEqual(['Ledger 12', 'Ledger 9', 'Ledger 6', 'Ledger 3'])
    expect(found.saved.nextCursor).toBeNull()
    expect((await home('?q=nothing-like-this')).saved.items).toEqual([])
  })

  it('searches past a NUL character instead of failing the list (PostgreSQL refuses one)', async () => {
    const found = await home('?q=led%00ger')
    expect(found.saved.items.map((b) => b.title)).toEqual(['Ledger 12', 'Ledger 9', 'Ledger 6', 'Ledger 3'])
  })

  it('starts again from the newest, with a note, when a cursor cannot be read', async () => {
    const page = await home('?cursor=not-a-cursor')
    expect(page.saved.items).toHaveLength(10)
    expect(page.saved.cursor).toBeNull()
    expect(page.saved.notice).toMatch(/starts again/)
  })
})

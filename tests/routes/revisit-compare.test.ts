import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { signedUsd } from '#app/components/revisit/compare-view.tsx'
import { loader as compareLoader } from '#app/routes/briefs.$id.compare.tsx'
import { loader as markdownLoader } from '#app/routes/briefs.$id.compare[.md].tsx'
import { addRevision, createBrief } from '#app/services/briefs.server.ts'
import { type Db, setDbForTests } from '#db/client.server.ts'
import { LOCAL_WORKSPACE_ID } from '#db/migrations/0001-initial.ts'
import { testDatabases } from '#tests/support/databases.ts'
import { args, EXAMPLE, named, thrown } from './revisit-support.ts'

/** /briefs/:id/compare and its Markdown download against real databases: defaults, choices, and every 404. */

const dbs = await testDatabases()

describe.each(dbs)('comparing revisions on $name', (t) => {
  let db: Db
  let cleanup: () => Promise<void>
  const workspaceId = LOCAL_WORKSPACE_ID
  let single: string
  let three: string

  beforeAll(async () => {
    ;({ db, cleanup } = await t.open())
    setDbForTests(db)
    single = (await createBrief(db, { workspaceId, answers: named('Alone') })).brief.id
    three = (await createBrief(db, { workspaceId, answers: named('Rota') })).brief.id
    const bigger = { ...EXAMPLE, team: { ...EXAMPLE.team, engineersIn12Months: 20 } }
    await addRevision(db, { workspaceId, briefId: three, answers: named('Rota', bigger) })
    const busier = { ...bigger, load: { ...bigger.load, activeUsersIn12Months: 60_000 } }
    await addRevision(db, { workspaceId, briefId: three, answers: named('Rota', busier) })
  })

  afterAll(async () => {
    setDbForTests(undefined)
    await cleanup()
  })

  const compare = (id: string, query = '') => compareLoader(args(`/briefs/${id}/compare${query}`, { id }))

  it('a brief with one revision has nothing to compare yet', async () => {
    const page = await compare(single)
    expect(page).toMatchObject({ kind: 'single', briefId: single, title: 'Alone' })
    expect(page.revisions.map((r) => r.number)).toEqual([1])
  })

  it('compares the latest two revisions by default, with every revision offered in the selects', async () => {
    const page = await compare(three)
    if (page.kind !== 'compared') throw new Error('expected a comparison')
    expect([page.from.number, page.to.number]).toEqual([2, 3])
    expect(page.revisions.map((r) => r.number)).toEqual([3, 2, 1])
    expect(page.empty).toBe(false)
    expect(page.diff.answers.map((a) => a.text)).toEqual(['Monthly active users in 12 months: 8,000 → 60,000'])
    // Past 10,000 users the pressure trigger still waits on database CPU, which answers cannot give: no change.
    expect(page.diff.triggers.map((tr) => tr.id)).not.toContain('sustained_db_pressure')
    expect(page.diff.costs.length).toBeGreaterThan(0)
    for (const band of page.diff.costs) {
      expect(band.total12Months).toBe(band.after.total12Months - band.before.total12Months)
    }
  })

  it('compares the revisions the form names, and a blank choice means the default', async () => {
    const page = await compare(three, '?from=1&to=3')
    if (page.kind !== 'compared') throw new Error('expected a comparison')
    expect([page.from.number, page.to.number]).toEqual([1, 3])
    expect(page.diff.answers.map((a) => a.path)).toEqual(['team.engineersIn12Months', 'load.activeUsersIn12Months'])
    expect(page.diff.triggers.find((tr) => tr.id === 'team_outgrows_one_service')).toMatchObject({
      change: 'fired',
      before: { status: 'ok', observed: 6 },
      after: { status: 'fired', observed: 20 },
    })
    const onlyTo = await compare(three, '?from=&to=2')
    if (onlyTo.kind !== 'compared') throw new Error('expected a comparison')
    expect([onlyTo.from.number, onlyTo.to.number]).toEqual([1, 2])
    const same = await compare(three, '?from=2&to=2')
    expect(same).toMatchObject({ kind: 'compared', empty: true })
  })

  it.each([
    ['?from=abc', /“abc” is not a revision number\. This brief has revisions 1 to 3\./],
    ['?to=0', /“0” is not a revision number/],
    ['?from=1.5', /“1\.5” is not a revision number/],
    ['?from=9', /This brief has no revision 9\. Its revisions are numbered 1 to 3\./],
    ['?from=1&to=99999999999', /“99999999999” is not a revision number/],
  ])('%s is a 404 that says which revisions exist', async (query, message) => {
    const response = await thrown(() => compare(three, query))
    expect(response.status).toBe(404)
    expect(await response.text()).toMatch(message)
  })

  it('an unknown brief is a 404 on the page and the download', async () => {
    expect((await thrown(() => compare('b_aaaaaaaaaaaaaaaa'))).status).toBe(404)
    const id = 'b_aaaaaaaaaaaaaaaa'
    expect((await thrown(() => markdownLoader(args(`/briefs/${id}/compare.md`, { id })))).status).toBe(404)
  })

  it('downloads the same comparison as Markdown', async () => {
    const response = await markdownLoader(args(`/briefs/${three}/compare.md?from=1&to=3`, { id: three }))
    expect(response.status).toBe(200)
    expect(response.headers.get('Content-Type')).toBe('text/markdown; charset=utf-8')
    expect(response.headers.get('Content-Disposition')).toBe('attachment; filename="rota-r1-to-r3.md"')
    expect(response.headers.get('Cache-Control')).toBe('private, max-age=3600')
    const text = await response.text()
    expect(text).toMatch(/^# What changed: Rota\n/)
    expect(text).toContain('| Engineers in 12 months (`team.engineersIn12Months`) | 6 | 20 |')
    expect(text).toContain('**Fired**')
    const latest = await markdownLoader(args(`/briefs/${three}/compare.md`, { id: three }))
    expect(latest.headers.get('Cache-Control')).toBe('no-store')
    const alone = await markdownLoader(args(`/briefs/${single}/compare.md`, { id: single }))
    expect(alone.status).toBe(404)
  })

  it.each([
    [0, '$0'],
    [12_345, '+$123'],
    [-550, '−$5.50'],
    [1_234_500, '+$12,345'],
  ])('signs a change of %i cents as %s', (cents, text) => {
    expect(signedUsd(cents)).toBe(text)
  })
})

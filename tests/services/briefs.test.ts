import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { loadCatalog } from '#app/catalog.server.ts'
import { generateBrief } from '#app/engine/generate.ts'
import {
  addRevision,
  BRIEF_ID_PATTERN,
  createBrief,
  deleteBrief,
  encodeCursor,
  getBrief,
  getRevision,
  listBriefs,
  listRevisions,
  listRevisionsForDecisionRecords,
  previewBrief,
} from '#app/services/briefs.server.ts'
import { InvalidInputError } from '#app/services/support/errors.server.ts'
import type { Db } from '#db/client.server.ts'
import { LOCAL_WORKSPACE_ID } from '#db/migrations/0001-initial.ts'
import { buildAnswers } from '#tests/support/answers.ts'
import { testDatabases } from '#tests/support/databases.ts'

const dbs = await testDatabases()
const OTHER_WORKSPACE = 'other'
const ws = LOCAL_WORKSPACE_ID
const named = (name: string) => buildAnswers({ product: { name } })
const at = (iso: string) => new Date(iso)

describe.each(dbs)('brief services on $name', (t) => {
  let db: Db
  let cleanup: () => Promise<void>

  beforeEach(async () => {
    ;({ db, cleanup } = await t.open())
    await db.db
      .insertInto('workspaces')
      .values({ id: OTHER_WORKSPACE, name: 'Another workspace', created_at: new Date().toISOString() })
      .execute()
  })
  afterEach(() => cleanup())

  describe('create', () => {
    it('saves a brief with revision 1 holding the answers and the brief the engine makes of them', async () => {
      const answers = named('Ledger')
      const now = at('2026-06-01T10:00:00.000Z')
      const { brief, revision } = await createBrief(db, { workspaceId: ws, answers, now })
      expect(brief).toEqual({
        id: expect.stringMatching(BRIEF_ID_PATTERN),
        title: 'Ledger',
        headRevision: 1,
        createdAt: now.toISOString(),
        updatedAt: now.toISOString(),
      })
      const expected = generateBrief(answers, loadCatalog())
      expect(revision).toEqual({
        briefId: brief.id,
        number: 1,
        engineVersion: expected.engineVersion,
        catalogVersion: expected.catalogVersion,
        createdAt: now.toISOString(),
        title: 'Ledger',
        answers,
        brief: expected,
      })
      expect(await getBrief(db, { workspaceId: ws, briefId: brief.id })).toEqual({ ...brief, head: revision })
      const rows = await db.db.selectFrom('briefs').select(['workspace_id', 'deleted_at']).execute()
      expect(rows).toEqual([{ workspace_id: ws, deleted_at: null }])
    })

    it('gives every brief its own short, URL-safe id', async () => {
      const ids = new Set<string>()
      for (let i = 0; i < 20; i++)
        ids.add((await createBrief(db, { workspaceId: ws, answers: named(`P${i}`) })).brief.id)
      expect(ids.size).toBe(20)
      for (const id of ids) expect(encodeURIComponent(id)).toBe(id)
    })
  })

  describe('revise', () => {
    it('adds revision 2, moves the head and the title, and leaves revision 1 as it was', async () => {
      const { brief, revision: first } = await createBrief(db, {
        workspaceId: ws,
        answers: named('Ledger'),
        now: at('2026-06-01T10:00:00.000Z'),
      })
      const before = await rawRevisions(db, brief.id)
      const later = at('2026-06-02T08:00:00.000Z')
      const second = await addRevision(db, {
        workspaceId: ws,
        briefId: brief.id,
        answers: buildAnswers({ product: { name: 'Ledger Pro' }, team: { engineers: 9 } }),
        now: later,
      })
      expect(second).toMatchObject({
        briefId: brief.id,
        number: 2,
        title: 'Ledger Pro',
        createdAt: later.toISOString(),
      })
      expect(second?.answers.team.engineers).toBe(9)

      const head = await getBrief(db, { workspaceId: ws, briefId: brief.id })
      expect(head).toMatchObject({
        title: 'Ledger Pro',
        headRevision: 2,
        createdAt: brief.createdAt,
        updatedAt: later.toISOString(),
      })
      expect(head?.head).toEqual(second)
      expect(await getRevision(db, { workspaceId: ws, briefId: brief.id, number: 1 })).toEqual(first)
      expect((await rawRevisions(db, brief.id)).filter((r) => r.number === 1)).toEqual(before)
    })

    it('lists revisions newest first, each with its own title and versions', async () => {
      const { brief } = await createBrief(db, { workspaceId: ws, answers: named('One') })
      await addRevision(db, { workspaceId: ws, briefId: brief.id, answers: named('Two') })
      await addRevision(db, { workspaceId: ws, briefId: brief.id, answers: named('Three') })
      const list = await listRevisions(db, { workspaceId: ws, briefId: brief.id })
      expect(list?.items.map((r) => [r.number, r.title])).toEqual([
        [3, 'Three'],
        [2, 'Two'],
        [1, 'One'],
      ])
      expect(list?.nextCursor).toBeNull()
      expect(list?.headRevision).toBe(3)
      expect(list?.items[0]).toEqual({
        number: 3,
        title: 'Three',
        engineVersion: expect.any(String),
        catalogVersion: expect.any(String),
        createdAt: expect.any(String),
      })
    })

    it('pages through revisions by cursor, newest first, none twice and none missed', async () => {
      const { brief } = await createBrief(db, { workspaceId: ws, answers: named('R1') })
      for (let i = 2; i <= 7; i++)
        await addRevision(db, { workspaceId: ws, briefId: brief.id, answers: named(`R${i}`) })
      const seen: number[] = []
      let cursor: string | undefined
      for (let pages = 0; pages < 10; pages++) {
        const page = await listRevisions(db, { workspaceId: ws, briefId: brief.id, limit: 3, cursor })
        if (!page) throw new Error('no brief')
        expect(page.items.length).toBeLessThanOrEqual(3)
        seen.push(...page.items.map((r) => r.number))
        if (!page.nextCursor) break
        cursor = page.nextCursor
      }
      expect(seen).toEqual([7, 6, 5, 4, 3, 2, 1])
      await expect(listRevisions(db, { workspaceId: ws, briefId: brief.id, cursor: 'nonsense!' })).rejects.toThrow(
        /cursor/,
      )
      await expect(listRevisions(db, { workspaceId: ws, briefId: brief.id, limit: 101 })).rejects.toThrow(/limit/)
    })

    it('refuses a revision past the quota with a message, and keeps the head where it was', async () => {
      const { brief } = await createBrief(db, { workspaceId: ws, answers: named('Q1') })
      await addRevision(db, { workspaceId: ws, briefId: brief.id, answers: named('Q2'), maxRevisions: 2 })
      await expect(
        addRevision(db, { workspaceId: ws, briefId: brief.id, answers: named('Q3'), maxRevisions: 2 }),
      ).rejects.toThrow(/already has 2 revisions/)
      expect((await getBrief(db, { workspaceId: ws, briefId: brief.id }))?.headRevision).toBe(2)
    })

    it('marks the revisions where a recorded choice changed, and reads only those and the one asked for to write its records', async () => {
      const { brief } = await createBrief(db, { workspaceId: ws, answers: named('Choices') })
      await addRevision(db, { workspaceId: ws, briefId: brief.id, answers: named('Choices, renamed') })
      const paying = buildAnswers({ product: { name: 'Choices' }, compliance: { payments: 'subscriptions' } })
      const third = await addRevision(db, { workspaceId: ws, briefId: brief.id, answers: paying })
      const rows = await db.db
        .selectFrom('revisions')
        .select(['number', 'choices', 'choices_changed'])
        .where('brief_id', '=', brief.id)
        .orderBy('number')
        .execute()
      expect(rows.map((r) => Number(r.choices_changed))).toEqual([1, 0, 1])
      expect(rows[0].choices).toMatch(/database=/)
      expect(rows[2].choices).toMatch(/payments=/)
      // One query: the revisions where a choice changed up to the one asked for, and that one.
      const forRecords = (workspaceId: string, upTo: number) =>
        listRevisionsForDecisionRecords(db, { workspaceId, briefId: brief.id, upTo })
      expect((await forRecords(ws, 3)).map((r) => r.number)).toEqual([1, 3])
      expect((await forRecords(ws, 2)).map((r) => r.number)).toEqual([1, 2])
      expect((await forRecords(ws, 1)).map((r) => [r.number, r.title])).toEqual([[1, 'Choices']])
      expect(third?.number).toBe(3)
      expect(await forRecords(OTHER_WORKSPACE, 3)).toEqual([])
      expect(await forRecords(ws, 4)).toEqual([])
      expect(await forRecords(ws, 0)).toEqual([])
    })

    it('answers null for a brief that does not exist or belongs to another workspace', async () => {
      const { brief } = await createBrief(db, { workspaceId: ws, answers: named('Mine') })
      const missing = 'b_aaaaaaaaaaaaaaaa'
      expect(await addRevision(db, { workspaceId: ws, briefId: missing, answers: named('X') })).toBeNull()
      const elsewhere = { workspaceId: OTHER_WORKSPACE, briefId: brief.id }
      expect(await addRevision(db, { ...elsewhere, answers: named('X') })).toBeNull()
      expect(await getBrief(db, elsewhere)).toBeNull()
      expect(await listRevisions(db, elsewhere)).toBeNull()
      expect(await getRevision(db, { ...elsewhere, number: 1 })).toBeNull()
      expect((await listBriefs(db, { workspaceId: OTHER_WORKSPACE })).items).toEqual([])
      expect(await deleteBrief(db, elsewhere)).toBe(false)
      expect((await getBrief(db, { workspaceId: ws, briefId: brief.id }))?.headRevision).toBe(1)
    })

    it('answers null for revision numbers that do not exist', async () => {
      const { brief } = await createBrief(db, { workspaceId: ws, answers: named('One') })
      for (const number of [0, -1, 2, 1.5, Number.NaN, 2 ** 40]) {
        expect(await getRevision(db, { workspaceId: ws, briefId: brief.id, number })).toBeNull()
      }
    })

    it('numbers concurrent revisions 2, 3, 4 … with none lost and none shared', async () => {
      const { brief } = await createBrief(db, { workspaceId: ws, answers: named('Race') })
      const made = await Promise.all(
        Array.from({ length: 12 }, (_, i) =>
          addRevision(db, { workspaceId: ws, briefId: brief.id, answers: named(`Race ${i}`) }),
        ),
      )
      expect(made.map((r) => r?.number).sort((a = 0, b = 0) => a - b)).toEqual(
        Array.from({ length: 12 }, (_, i) => i + 2),
      )
      const head = await getBrief(db, { workspaceId: ws, briefId: brief.id })
      expect(head?.headRevision).toBe(13)
      expect(head?.title).toBe(made.find((r) => r?.number === 13)?.title)
      expect((await listRevisions(db, { workspaceId: ws, briefId: brief.id }))?.items.length).toBe(13)
    })

    it('lets the database refuse a second revision with a number already taken', async () => {
      const { brief } = await createBrief(db, { workspaceId: ws, answers: named('Unique') })
      const [row] = await db.db.selectFrom('revisions').selectAll().execute()
      await expect(
        db.db
          .insertInto('revisions')
          .values({ ...row, id: 'r_duplicate' })
          .execute(),
      ).rejects.toThrow()
      expect((await listRevisions(db, { workspaceId: ws, briefId: brief.id }))?.items.length).toBe(1)
    })
  })

  describe('soft delete', () => {
    it('hides a deleted brief from every read and write, keeping its rows', async () => {
      const { brief } = await createBrief(db, { workspaceId: ws, answers: named('Gone') })
      const kept = await createBrief(db, { workspaceId: ws, answers: named('Kept') })
      const ref = { workspaceId: ws, briefId: brief.id }
      expect(await deleteBrief(db, ref)).toBe(true)
      expect(await getBrief(db, ref)).toBeNull()
      expect(await listRevisions(db, ref)).toBeNull()
      expect(await getRevision(db, { ...ref, number: 1 })).toBeNull()
      expect(await addRevision(db, { ...ref, answers: named('Back') })).toBeNull()
      expect((await listBriefs(db, { workspaceId: ws })).items.map((b) => b.id)).toEqual([kept.brief.id])
      expect((await listBriefs(db, { workspaceId: ws, search: 'gone' })).items).toEqual([])
      expect(await deleteBrief(db, ref)).toBe(false)
      expect(await db.db.selectFrom('revisions').select('id').where('brief_id', '=', brief.id).execute()).toHaveLength(
        1,
      )
    })
  })

  describe('list', () => {
    it('lists newest first, 20 by default', async () => {
      for (let i = 0; i < 23; i++) {
        await createBrief(db, {
          workspaceId: ws,
          answers: named(`Brief ${i}`),
          now: at(`2026-06-01T10:00:${String(i).padStart(2, '0')}.000Z`),
        })
      }
      const page = await listBriefs(db, { workspaceId: ws })
      expect(page.items).toHaveLength(20)
      expect(page.items[0].title).toBe('Brief 22')
      expect(page.items[19].title).toBe('Brief 3')
      expect(page.nextCursor).toEqual(expect.any(String))
    })

    it('walks every page exactly once by cursor, even when many briefs share a creation time', async () => {
      const tie = at('2026-06-01T12:00:00.000Z')
      const made: { id: string; createdAt: string }[] = []
      for (let i = 0; i < 17; i++) {
        const now = i % 3 === 0 ? at(`2026-06-01T1${i % 10}:00:00.000Z`) : tie
        made.push((await createBrief(db, { workspaceId: ws, answers: named(`Tie ${i}`), now })).brief)
      }
      const expected = [...made]
        .sort((a, b) => (a.createdAt === b.createdAt ? cmp(b.id, a.id) : cmp(b.createdAt, a.createdAt)))
        .map((b) => b.id)

      for (const limit of [1, 4, 5, 16, 17, 100]) {
        const seen: string[] = []
        let cursor: string | undefined
        let pages = 0
        do {
          const page = await listBriefs(db, { workspaceId: ws, limit, cursor })
          seen.push(...page.items.map((b) => b.id))
          cursor = page.nextCursor ?? undefined
          pages++
        } while (cursor && pages < 100)
        expect(seen, `limit ${limit}`).toEqual(expected)
        expect(pages).toBe(Math.max(1, Math.ceil(expected.length / limit)))
      }
    })

    it('searches titles in any case, taking % _ and \\ literally', async () => {
      const titles = [
        'Acme Billing',
        'ACME crm',
        '100% Growth',
        '1000 Growth',
        'snake_case tool',
        'snakeXcase',
        'Back\\slash',
        'Éclair Ünïcode',
      ]
      for (const title of titles) await createBrief(db, { workspaceId: ws, answers: named(title) })
      const search = async (text: string) =>
        (await listBriefs(db, { workspaceId: ws, search: text })).items.map((b) => b.title).sort()
      expect(await search('acme')).toEqual(['ACME crm', 'Acme Billing'])
      expect(await search('ÉCLAIR')).toEqual(['Éclair Ünïcode'])
      expect(await search('ünï')).toEqual(['Éclair Ünïcode'])
      expect(await search('  Acme  ')).toEqual(['ACME crm', 'Acme Billing'])
      expect(await search('%')).toEqual(['100% Growth'])
      expect(await search('0%')).toEqual(['100% Growth'])
      expect(await search('_')).toEqual(['snake_case tool'])
      expect(await search('\\')).toEqual(['Back\\slash'])
      expect(await search("'; drop table briefs; --")).toEqual([])
      expect(await search('')).toHaveLength(titles.length)
    })

    it('pages through search results with the same cursor rules', async () => {
      for (let i = 0; i < 9; i++) {
        await createBrief(db, { workspaceId: ws, answers: named(i % 2 ? `Match ${i}` : `Other ${i}`) })
      }
      const first = await listBriefs(db, { workspaceId: ws, search: 'match', limit: 3 })
      expect(first.items).toHaveLength(3)
      const second = await listBriefs(db, { workspaceId: ws, search: 'match', limit: 3, cursor: first.nextCursor! })
      expect(second.items.map((b) => b.title)).toHaveLength(1)
      expect(second.nextCursor).toBeNull()
    })

    it.each([
      ['not base64url', 'not a cursor!'],
      ['base64url of plain text', Buffer.from('hello').toString('base64url')],
      ['a JSON object', Buffer.from('{"a":1}').toString('base64url')],
      ['a bad time', Buffer.from('["yesterday","b_aaaaaaaaaaaaaaaa"]').toString('base64url')],
      ['a bad id', Buffer.from('["2026-06-01T00:00:00.000Z","x y"]').toString('base64url')],
      ['far too long', 'A'.repeat(5000)],
    ])('refuses a cursor that is %s as bad input', async (_, cursor) => {
      const error = await listBriefs(db, { workspaceId: ws, cursor }).catch((e: unknown) => e)
      expect(error).toBeInstanceOf(InvalidInputError)
      expect((error as InvalidInputError).problems[0].path).toBe('cursor')
    })

    it('accepts a cursor it made', async () => {
      const page = await listBriefs(db, { workspaceId: ws, cursor: encodeCursor('2026-06-01T00:00:00.000Z', 'b_x') })
      expect(page).toEqual({ items: [], nextCursor: null })
    })

    it.each([0, -1, 101, 1.5, Number.NaN])('refuses limit %s as bad input', async (limit) => {
      await expect(listBriefs(db, { workspaceId: ws, limit })).rejects.toBeInstanceOf(InvalidInputError)
    })
  })
})

describe('preview', () => {
  it('is the engine on the answers', () => {
    const answers = named('Preview')
    expect(previewBrief(answers)).toEqual(generateBrief(answers, loadCatalog()))
  })
})

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

async function rawRevisions(db: Db, briefId: string) {
  return db.db.selectFrom('revisions').selectAll().where('brief_id', '=', briefId).orderBy('number').execute()
}

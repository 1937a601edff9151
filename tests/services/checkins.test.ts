import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { addDays, REVIEW_AFTER_DAYS } from '#app/engine/review-policy.ts'
import { type SignalsInput, SignalsSchema } from '#app/engine/signals.ts'
import { briefStatus, listBriefsNeedingAttention, setReviewBy } from '#app/services/attention.server.ts'
import { addRevision, createBrief, deleteBrief } from '#app/services/briefs.server.ts'
import {
  CHECKIN_ID_PATTERN,
  getCheckin,
  latestCheckin,
  listCheckins,
  recordCheckin,
} from '#app/services/checkins.server.ts'
import { InvalidInputError } from '#app/services/support/errors.server.ts'
import type { Db } from '#db/client.server.ts'
import { LOCAL_WORKSPACE_ID } from '#db/migrations/0001-initial.ts'
import { type AnswersPatch, buildAnswers } from '#tests/support/answers.ts'
import { testDatabases } from '#tests/support/databases.ts'

const dbs = await testDatabases()
const ws = LOCAL_WORKSPACE_ID
const T0 = new Date('2026-06-01T09:00:00.000Z')
const at = (days: number, ms = 0) => new Date(T0.getTime() + days * 86_400_000 + ms)
const signals = (input: SignalsInput) => SignalsSchema.parse(input)

describe.each(dbs)('check-ins on $name', (t) => {
  let db: Db
  let cleanup: () => Promise<void>

  beforeEach(async () => {
    ;({ db, cleanup } = await t.open())
    await db.db.insertInto('workspaces').values({ id: 'other', name: 'Other', created_at: T0.toISOString() }).execute()
  })
  afterEach(() => cleanup())

  const count = async (table: 'checkins' | 'briefs') =>
    Number(
      (
        await db.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    )
  const brief = async (patch: AnswersPatch = {}, now = T0, workspaceId = ws) =>
    (await createBrief(db, { workspaceId, answers: buildAnswers(patch), now })).brief.id
  const checkIn = (briefId: string, input: SignalsInput, now = T0, source: 'web' | 'api' = 'web') =>
    recordCheckin(db, { workspaceId: ws, briefId, signals: signals(input), source, now })

  describe('recordCheckin', () => {
    it('stores the figures in canonical units and judges them against the latest revision', async () => {
      const id = await brief()
      const recorded = await checkIn(id, {
        measuredAt: '2026-06-01',
        p95LatencyMs: { value: 0.6, unit: 's' },
        dbCpuPercent: { value: 0.5, unit: 'ratio' },
        engineers: 4,
      })
      expect(recorded).not.toBeNull()
      const { checkin, revision, triggers } = recorded!
      expect(checkin.id).toMatch(CHECKIN_ID_PATTERN)
      expect(checkin).toMatchObject({
        briefId: id,
        measuredAt: '2026-06-01',
        source: 'web',
        createdAt: T0.toISOString(),
        signals: { measuredAt: '2026-06-01', p95LatencyMs: 600, dbCpuPercent: 50, engineers: 4 },
      })
      expect(revision).toBe(1)
      expect(triggers.find((x) => x.id === 'hot_path_slow_after_rightsizing')).toMatchObject({
        status: 'fired',
        observed: 600,
        source: 'check_in',
      })
      const row = await db.db.selectFrom('checkins').selectAll().executeTakeFirstOrThrow()
      expect(JSON.parse(row.figures)).toEqual({ p95LatencyMs: 600, dbCpuPercent: 50, engineers: 4 })
      expect(await getCheckin(db, { workspaceId: ws, briefId: id, checkinId: checkin.id })).toEqual(checkin)
    })

    it('writes nothing for an unknown, deleted or other-workspace brief', async () => {
      const mine = await brief()
      const theirs = await brief({}, T0, 'other')
      await deleteBrief(db, { workspaceId: ws, briefId: mine })
      for (const briefId of [mine, theirs, 'b_aaaaaaaaaaaaaaaa']) {
        expect(await checkIn(briefId, { measuredAt: '2026-06-01', engineers: 3 })).toBeNull()
      }
      expect(await count('checkins')).toBe(0)
    })

    it('takes a check-in dated tomorrow (teams ahead of UTC) but not the day after', async () => {
      const id = await brief()
      expect(await checkIn(id, { measuredAt: '2026-06-02', engineers: 3 })).not.toBeNull()
      const later = checkIn(id, { measuredAt: '2026-06-03', engineers: 3 })
      await expect(later).rejects.toBeInstanceOf(InvalidInputError)
      await expect(later).rejects.toMatchObject({
        problems: [{ path: 'measuredAt', expected: 'a day no later than 2026-06-02', got: '"2026-06-03"' }],
      })
      expect(await count('checkins')).toBe(1)
    })
  })

  describe('listCheckins and latestCheckin', () => {
    it('pages newest measured day first, the later write first on the same day, each exactly once', async () => {
      const id = await brief()
      const written: { id: string; measuredAt: string }[] = []
      for (let i = 0; i < 23; i++) {
        // Days out of order, and three check-ins a day on some days.
        const day = addDays('2026-01-01', (i * 7) % 10)
        const { checkin } = (await checkIn(id, { measuredAt: day, engineers: i + 1 }, at(0, i)))!
        written.push({ id: checkin.id, measuredAt: day })
      }
      const expected = [...written]
        .map((w, i) => ({ ...w, i }))
        .sort((a, b) => (a.measuredAt === b.measuredAt ? b.i - a.i : a.measuredAt < b.measuredAt ? 1 : -1))
        .map((w) => w.id)

      const seen: string[] = []
      let cursor: string | undefined
      for (let page = 0; page < 10; page++) {
        const result = (await listCheckins(db, { workspaceId: ws, briefId: id, limit: 5, cursor }))!
        seen.push(...result.items.map((c) => c.id))
        if (!result.nextCursor) break
        cursor = result.nextCursor
      }
      expect(seen).toEqual(expected)
      expect((await latestCheckin(db, { workspaceId: ws, briefId: id }))?.id).toBe(expected[0])
    })

    it('keeps the latest measured day as newest when an older day is backfilled later', async () => {
      const id = await brief()
      const recent = (await checkIn(id, { measuredAt: '2026-05-20', engineers: 5 }, at(0)))!.checkin
      await checkIn(id, { measuredAt: '2026-03-01', engineers: 2 }, at(1))
      expect(await latestCheckin(db, { workspaceId: ws, briefId: id })).toEqual(recent)
    })

    it('answers null for a brief that is not there, and refuses a bad cursor or limit', async () => {
      const id = await brief()
      expect(await listCheckins(db, { workspaceId: ws, briefId: 'b_aaaaaaaaaaaaaaaa' })).toBeNull()
      expect(await listCheckins(db, { workspaceId: 'other', briefId: id })).toBeNull()
      expect(await listCheckins(db, { workspaceId: ws, briefId: id })).toEqual({ items: [], nextCursor: null })
      expect(await latestCheckin(db, { workspaceId: ws, briefId: id })).toBeNull()
      for (const cursor of ['nope', Buffer.from('["2026-01-01","x"]').toString('base64url'), '!!']) {
        await expect(listCheckins(db, { workspaceId: ws, briefId: id, cursor })).rejects.toBeInstanceOf(
          InvalidInputError,
        )
      }
      for (const limit of [0, 101, 1.5]) {
        await expect(listCheckins(db, { workspaceId: ws, briefId: id, limit })).rejects.toBeInstanceOf(
          InvalidInputError,
        )
      }
    })
  })

  describe('briefStatus', () => {
    it('has no triggers to judge before the first check-in, and a review date 90 days after the revision', async () => {
      const id = await brief()
      const status = await briefStatus(db, { workspaceId: ws, briefId: id, now: T0 })
      expect(status).toEqual({
        briefId: id,
        revision: 1,
        checkin: null,
        triggers: [],
        counts: { fired: 0, approaching: 0, ok: 0, notMeasured: 0 },
        fired: [],
        reviewBy: '2026-08-30',
        reviewBySet: false,
        overdue: false,
        needsAttention: false,
      })
      expect(await briefStatus(db, { workspaceId: ws, briefId: 'b_aaaaaaaaaaaaaaaa' })).toBeNull()
      expect(await briefStatus(db, { workspaceId: 'other', briefId: id })).toBeNull()
    })

    const rows: { name: string; input: Omit<SignalsInput, 'measuredAt'>; trigger: string; status: string }[] = [
      {
        name: '5 engineers leave one service alone (seed 000, migration signals)',
        input: { engineers: 5 },
        trigger: 'team_outgrows_one_service',
        status: 'ok',
      },
      {
        name: '13 engineers, within 80% of 15, is approaching (seed 000, migration signals)',
        input: { engineers: 13 },
        trigger: 'team_outgrows_one_service',
        status: 'approaching',
      },
      {
        name: 'more than 15 engineers on one service fires (seed 000, migration signals)',
        input: { engineers: 16 },
        trigger: 'team_outgrows_one_service',
        status: 'fired',
      },
      {
        name: '12,000 users without a CPU figure is only approaching (seed 000, migration signals)',
        input: { activeUsers: 12_000 },
        trigger: 'sustained_db_pressure',
        status: 'approaching',
      },
      {
        name: '12,000 users with CPU sustained at 75% is measured pressure (seed 000, migration signals)',
        input: { activeUsers: 12_000, dbCpuPercent: 75 },
        trigger: 'sustained_db_pressure',
        status: 'fired',
      },
      {
        name: 'a two-minute job outruns the HTTP budget of thirty seconds (seed 000, over thirty seconds)',
        input: { longestJobSeconds: { value: 2, unit: 'min' } },
        trigger: 'jobs_exceed_request_budget',
        status: 'fired',
      },
      {
        name: 'spend above the $300 budget reopens hosting (seed 002, cost expectations)',
        input: { monthlyInfraUsd: 420 },
        trigger: 'spend_over_budget',
        status: 'fired',
      },
    ]

    it.each(rows)('$name', async ({ input, trigger, status }) => {
      const id = await brief()
      await checkIn(id, { measuredAt: '2026-06-01', ...input })
      const result = (await briefStatus(db, { workspaceId: ws, briefId: id, now: T0 }))!
      const judged = result.triggers.find((x) => x.id === trigger)
      expect(judged).toMatchObject({ status, source: 'check_in' })
      expect(judged?.guidePath).toBe(`/guides/${judged?.guide}`)
      expect(result.fired.includes(trigger)).toBe(status === 'fired')
      expect(result.needsAttention).toBe(status === 'fired')
      expect(result.counts.fired + result.counts.approaching + result.counts.ok).toBe(result.triggers.length)
    })

    it('judges the newest check-in against the latest revision, whose thresholds may have moved', async () => {
      const id = await brief({ budget: { monthlyInfraUsd: 300 } })
      await checkIn(id, { measuredAt: '2026-05-01', monthlyInfraUsd: 100 }, at(0))
      await checkIn(id, { measuredAt: '2026-06-01', monthlyInfraUsd: 420 }, at(0, 1))
      const before = (await briefStatus(db, { workspaceId: ws, briefId: id, now: T0 }))!
      expect(before.checkin?.measuredAt).toBe('2026-06-01')
      expect(before.fired).toEqual(['spend_over_budget'])

      await addRevision(db, {
        workspaceId: ws,
        briefId: id,
        answers: buildAnswers({ budget: { monthlyInfraUsd: 1000 } }),
      })
      const after = (await briefStatus(db, { workspaceId: ws, briefId: id, now: T0 }))!
      expect(after.revision).toBe(2)
      expect(after.triggers.find((x) => x.id === 'spend_over_budget')).toMatchObject({ status: 'ok', threshold: 1000 })
      expect(after.fired).toEqual([])
    })

    it("does not count a trigger fired only in the brief's own forecast as fired by the check-in", async () => {
      // Forecast of 20 engineers fires the trigger in the brief itself; a check-in without an engineer count keeps that status.
      const id = await brief({ team: { engineersIn12Months: 20 } })
      await checkIn(id, { measuredAt: '2026-06-01', p95LatencyMs: 100 })
      const status = (await briefStatus(db, { workspaceId: ws, briefId: id, now: T0 }))!
      expect(status.triggers.find((x) => x.id === 'team_outgrows_one_service')).toMatchObject({
        status: 'fired',
        source: 'brief',
        observed: null,
      })
      expect(status.counts.notMeasured).toBeGreaterThan(0)
      expect(status.fired).toEqual([])
    })
  })

  describe('review date', () => {
    it('defaults to 90 days after the latest revision and is overdue from the day after', async () => {
      const id = await brief()
      const on = (days: number) => briefStatus(db, { workspaceId: ws, briefId: id, now: at(days) })
      expect(REVIEW_AFTER_DAYS).toBe(90)
      expect(await on(90)).toMatchObject({ reviewBy: '2026-08-30', overdue: false, needsAttention: false })
      expect(await on(91)).toMatchObject({ reviewBy: '2026-08-30', overdue: true, needsAttention: true })

      await addRevision(db, { workspaceId: ws, briefId: id, answers: buildAnswers(), now: at(60) })
      expect(await on(91)).toMatchObject({ reviewBy: '2026-10-29', reviewBySet: false, overdue: false })
    })

    it('takes a chosen date, keeps it across revisions, and goes back to the default when cleared', async () => {
      const id = await brief()
      expect(await setReviewBy(db, { workspaceId: ws, briefId: id, reviewBy: '2026-07-01', now: at(31) })).toEqual({
        reviewBy: '2026-07-01',
        reviewBySet: true,
        overdue: true,
      })
      await addRevision(db, { workspaceId: ws, briefId: id, answers: buildAnswers(), now: at(10) })
      expect(await briefStatus(db, { workspaceId: ws, briefId: id, now: at(20) })).toMatchObject({
        reviewBy: '2026-07-01',
        reviewBySet: true,
        overdue: false,
      })
      expect(await setReviewBy(db, { workspaceId: ws, briefId: id, reviewBy: null, now: at(20) })).toEqual({
        reviewBy: '2026-09-09',
        reviewBySet: false,
        overdue: false,
      })
      const row = await db.db.selectFrom('briefs').selectAll().where('id', '=', id).executeTakeFirstOrThrow()
      expect(row.review_by).toBeNull()
      expect(row.updated_at).toBe(at(10).toISOString())
    })

    it('refuses a date that is not on the calendar, and answers null for another workspace', async () => {
      const id = await brief()
      for (const reviewBy of ['2026-02-30', '2026-6-1', 'soon', '']) {
        await expect(setReviewBy(db, { workspaceId: ws, briefId: id, reviewBy })).rejects.toBeInstanceOf(
          InvalidInputError,
        )
      }
      expect(await setReviewBy(db, { workspaceId: 'other', briefId: id, reviewBy: '2026-07-01' })).toBeNull()
      const row = await db.db.selectFrom('briefs').select('review_by').where('id', '=', id).executeTakeFirstOrThrow()
      expect(row.review_by).toBeNull()
    })
  })

  describe('listBriefsNeedingAttention', () => {
    it('puts fired first, then overdue by review date, and leaves out the rest', async () => {
      const now = at(200)
      const fired = await brief({ product: { name: 'Fired' } }, at(150))
      const firedAndOverdue = await brief({ product: { name: 'Both' } }, at(0))
      const overdueOld = await brief({ product: { name: 'Old' } }, at(0, 5))
      const overdueChosen = await brief({ product: { name: 'Chosen' } }, at(190))
      const calm = await brief({ product: { name: 'Calm' } }, at(150))
      const fresh = await brief({ product: { name: 'Fresh' } }, at(199))
      const gone = await brief({ product: { name: 'Gone' } }, at(0))
      await brief({ product: { name: 'Elsewhere' } }, at(0), 'other')
      await deleteBrief(db, { workspaceId: ws, briefId: gone })
      await setReviewBy(db, { workspaceId: ws, briefId: overdueChosen, reviewBy: '2026-12-01' })
      await setReviewBy(db, { workspaceId: ws, briefId: fresh, reviewBy: '2027-01-01' })
      await checkIn(fired, { measuredAt: '2026-12-01', engineers: 20 }, now)
      await checkIn(firedAndOverdue, { measuredAt: '2026-12-01', longestJobSeconds: 90 }, now)
      // The newest check-in decides: an old fired one no longer counts.
      await checkIn(calm, { measuredAt: '2026-11-01', engineers: 20 }, now)
      await checkIn(calm, { measuredAt: '2026-12-01', engineers: 4 }, now)

      const { items, total } = await listBriefsNeedingAttention(db, { workspaceId: ws, now })
      expect(items.map((i) => i.title)).toEqual(['Both', 'Fired', 'Old', 'Chosen'])
      expect(total).toBe(4)
      expect(items[0]).toMatchObject({
        id: firedAndOverdue,
        fired: ['jobs_exceed_request_budget'],
        overdue: true,
        reviewBy: '2026-08-30',
        latestMeasuredAt: '2026-12-01',
      })
      expect(items[1]).toMatchObject({ id: fired, fired: ['team_outgrows_one_service'], overdue: false })
      expect(items[2]).toMatchObject({ id: overdueOld, reviewBy: '2026-08-30', reviewBySet: false, fired: [] })
      expect(items[3]).toMatchObject({ id: overdueChosen, reviewBy: '2026-12-01', reviewBySet: true, fired: [] })

      // The list agrees with briefStatus brief by brief.
      for (const item of items) {
        const status = (await briefStatus(db, { workspaceId: ws, briefId: item.id, now }))!
        expect([item.fired, item.overdue, item.reviewBy]).toEqual([status.fired, status.overdue, status.reviewBy])
      }
      const limited = await listBriefsNeedingAttention(db, { workspaceId: ws, now, limit: 2 })
      expect(limited).toEqual({ items: items.slice(0, 2), total: 4 })
      expect(await listBriefsNeedingAttention(db, { workspaceId: 'other', now: at(0) })).toEqual({
        items: [],
        total: 0,
      })
      await expect(listBriefsNeedingAttention(db, { workspaceId: ws, limit: 0 })).rejects.toBeInstanceOf(
        InvalidInputError,
      )
    })

    it('keeps the order and the total when more briefs are overdue than the limit shows', async () => {
      const now = at(200) // 2026-12-18: a default date is overdue when the latest revision is before 2026-09-19.
      const titled = (name: string, created: Date) => brief({ product: { name } }, created)
      const chosen = async (name: string, created: Date, reviewBy: string) => {
        const id = await titled(name, created)
        await setReviewBy(db, { workspaceId: ws, briefId: id, reviewBy })
        return id
      }
      const revised = async (name: string, created: Date, revisedAt: Date) => {
        const id = await titled(name, created)
        await addRevision(db, {
          workspaceId: ws,
          briefId: id,
          answers: buildAnswers({ product: { name } }),
          now: revisedAt,
        })
        return id
      }
      await checkIn(await titled('Fired, due 2027-01-27', at(150)), { measuredAt: '2026-12-01', engineers: 20 }, now)
      await checkIn(
        await titled('Fired, due 2026-08-30', at(0)),
        { measuredAt: '2026-12-01', longestJobSeconds: 90 },
        now,
      )
      await checkIn(
        await chosen('Fired, chose 2026-07-01', at(10), '2026-07-01'),
        { measuredAt: '2026-12-01', engineers: 20 },
        now,
      )
      await checkIn(await titled('Checked in, due 2026-09-04', at(5)), { measuredAt: '2026-12-01', engineers: 4 }, now)
      await chosen('Chose 2026-08-30', at(100), '2026-08-30')
      await chosen('Chose 2026-12-01', at(190), '2026-12-01')
      await chosen('Chose 2026-09-10', at(30), '2026-09-10')
      await titled('Due 2026-08-30', at(0, 1000))
      await titled('Due 2026-09-19', at(20))
      // Same day, an hour apart: the day sets the review date, so the newer brief comes first.
      await titled('Due 2026-10-09, earlier', at(40))
      await titled('Due 2026-10-09, later', at(40, 3_600_000))
      await revised('Revised, due 2026-10-29', at(-100), at(60))
      await titled('Due 2026-12-17', at(109))
      // Not due: a chosen date ahead or today, a recent revision, 90 days to the day.
      await chosen('Chose 2027-01-01', at(0), '2027-01-01')
      await chosen('Chose today', at(0), '2026-12-18')
      await revised('Revised lately', at(0), at(150))
      await titled('Due today', at(110))
      await titled('Recent', at(150))
      await deleteBrief(db, { workspaceId: ws, briefId: await titled('Deleted', at(0)) })
      await brief({ product: { name: 'Elsewhere' } }, at(0), 'other')

      const expected = [
        'Fired, chose 2026-07-01',
        'Fired, due 2026-08-30',
        'Fired, due 2027-01-27',
        'Chose 2026-08-30',
        'Due 2026-08-30',
        'Checked in, due 2026-09-04',
        'Chose 2026-09-10',
        'Due 2026-09-19',
        'Due 2026-10-09, later',
        'Due 2026-10-09, earlier',
        'Revised, due 2026-10-29',
        'Chose 2026-12-01',
        'Due 2026-12-17',
      ]
      for (let limit = 1; limit <= expected.length + 1; limit++) {
        const { items, total } = await listBriefsNeedingAttention(db, { workspaceId: ws, now, limit })
        expect({ limit, titles: items.map((i) => i.title), total }).toEqual({
          limit,
          titles: expected.slice(0, limit),
          total: expected.length,
        })
      }

      const { items } = await listBriefsNeedingAttention(db, { workspaceId: ws, now, limit: 100 })
      expect(items.find((i) => i.title === 'Revised, due 2026-10-29')).toMatchObject({
        reviewBy: '2026-10-29',
        reviewBySet: false,
        overdue: true,
        headRevision: 2,
        updatedAt: at(60).toISOString(),
        fired: [],
        latestMeasuredAt: null,
      })
      expect(items.find((i) => i.title === 'Chose 2026-08-30')).toMatchObject({ reviewBySet: true, fired: [] })
      expect(items.find((i) => i.title === 'Checked in, due 2026-09-04')).toMatchObject({
        fired: [],
        latestMeasuredAt: '2026-12-01',
      })
      // Brief by brief, the list holds exactly those briefStatus says need attention.
      const all = await db.db.selectFrom('briefs').select(['id', 'title']).where('workspace_id', '=', ws).execute()
      for (const { id, title } of all) {
        const status = await briefStatus(db, { workspaceId: ws, briefId: id, now })
        const item = items.find((i) => i.id === id)
        expect({ title, listed: item !== undefined }).toEqual({ title, listed: status?.needsAttention ?? false })
        if (item && status)
          expect([item.fired, item.overdue, item.reviewBy]).toEqual([status.fired, status.overdue, status.reviewBy])
      }
    })

    it('cuts each kind of overdue brief at the limit in list order: on one review date, the newer brief first', async () => {
      const now = at(200)
      await db.db
        .insertInto('workspaces')
        .values({ id: 'third', name: 'Third', created_at: T0.toISOString() })
        .execute()
      const make = async (workspaceId: string, name: string, created: Date, reviewBy?: string) => {
        const id = await brief({ product: { name } }, created, workspaceId)
        if (reviewBy) await setReviewBy(db, { workspaceId, briefId: id, reviewBy })
      }
      // The day of the latest revision sets a default date, not its hour.
      await make('other', 'Due 2026-08-30, earlier', at(0))
      await make('other', 'Due 2026-08-30, later', at(0, 3_600_000))
      await make('other', 'Chose 2026-09-01', at(50), '2026-09-01')
      await make('third', 'Chose 2026-08-01, older', at(1), '2026-08-01')
      await make('third', 'Chose 2026-08-01, newer', at(2), '2026-08-01')
      await make('third', 'Due 2026-08-30', at(0))
      const expected: Record<string, string[]> = {
        other: ['Due 2026-08-30, later', 'Due 2026-08-30, earlier', 'Chose 2026-09-01'],
        third: ['Chose 2026-08-01, newer', 'Chose 2026-08-01, older', 'Due 2026-08-30'],
      }
      for (const [workspaceId, titles] of Object.entries(expected)) {
        for (let limit = 1; limit <= titles.length; limit++) {
          const { items, total } = await listBriefsNeedingAttention(db, { workspaceId, now, limit })
          expect({ workspaceId, limit, titles: items.map((i) => i.title), total }).toEqual({
            workspaceId,
            limit,
            titles: titles.slice(0, limit),
            total: titles.length,
          })
        }
      }
    })
  })
})

import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { bannerTriggers } from '#app/components/revisit/trigger-banner.tsx'
import { loader as compareLoader } from '#app/routes/briefs.$id.compare.tsx'
import { action as updateAction, loader as updateLoader } from '#app/routes/briefs.$id.signals.$checkinId.update.tsx'
import { action as recordAction, loader as signalsLoader } from '#app/routes/briefs.$id.signals.tsx'
import { action as latestAction, loader as latestLoader } from '#app/routes/briefs.$id.tsx'
import { action as reviewAction, loader as reviewLoader } from '#app/routes/drafts.$id.review.tsx'
import { loader as homeLoader } from '#app/routes/home.tsx'
import { createBrief } from '#app/services/briefs.server.ts'
import { listCheckins, recordCheckin } from '#app/services/checkins.server.ts'
import { getDraft } from '#app/services/drafts.server.ts'
import { type Db, setDbForTests } from '#db/client.server.ts'
import { LOCAL_WORKSPACE_ID } from '#db/migrations/0001-initial.ts'
import { testDatabases } from '#tests/support/databases.ts'
import { asLocalOwner } from '#tests/support/identity.ts'
import { args, daysFromToday, location, named, TODAY, thrown, unwrap } from './revisit-support.ts'

/**
 * Check-ins from the brief's pages, against real databases: the form on
 * /briefs/:id/signals (post/redirect/get, 400 with what was typed), the
 * banner data on the brief page, the review date, the home list, and
 * "Update the answers from these figures" through to the comparison.
 */

const dbs = await testDatabases()
const TEAM_TRIGGER = 'More engineers on one service than one deploy pipeline can serve'

describe.each(dbs)('check-ins on the brief pages on $name', (t) => {
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

  const newBrief = async (name = 'Shiftwise') => (await createBrief(db, { workspaceId, answers: named(name) })).brief.id
  const record = (id: string, fields: Record<string, string>) =>
    recordAction(args(`/briefs/${id}/signals`, { id }, fields))
  const signalsPage = (id: string, query = '') => signalsLoader(args(`/briefs/${id}/signals${query}`, { id }))

  it('a fresh brief has no check-ins, no charts, and its trigger metrics first in the form', async () => {
    const id = await newBrief()
    const page = await signalsPage(id)
    expect(page.checkins).toEqual([])
    expect(page.series).toEqual([])
    expect(page.status.checkin).toBeNull()
    expect(page.watched).toEqual(expect.arrayContaining(['engineers', 'active_users', 'db_cpu_percent']))
    expect(page.today).toBe(TODAY)
  })

  it('records a check-in from the form, redirects, and shows it in the table and the charts', async () => {
    const id = await newBrief()
    const to = location(
      await record(id, { measuredAt: TODAY, engineers: '20', activeUsers: '12,500', p95LatencyMs: '' }),
    )
    const match = new RegExp(`^/briefs/${id}/signals\\?recorded=(c_[0-9a-z]{20})$`).exec(to)
    expect(match, to).not.toBeNull()
    const page = await signalsPage(id, `?recorded=${match?.[1]}`)
    expect(page.recorded).toBe(match?.[1])
    expect(page.checkins).toHaveLength(1)
    expect(page.checkins[0]).toMatchObject({
      measuredAt: TODAY,
      source: 'web',
      signals: { measuredAt: TODAY, engineers: 20, activeUsers: 12500 },
    })
    expect(page.checkins[0].signals).not.toHaveProperty('p95LatencyMs')
    expect(page.checkins[0].fired).toContain(TEAM_TRIGGER)
    const engineers = page.series.find((s) => s.field === 'engineers')
    expect(engineers).toMatchObject({ metric: 'engineers', unit: 'engineers', points: [[TODAY, 20]] })
    expect(engineers?.thresholds).toEqual([{ title: TEAM_TRIGGER, comparator: '>', value: 15 }])
    expect(page.series.map((s) => s.field)).toEqual(['activeUsers', 'engineers'])
  })

  it('a bad figure is a 400 that keeps every value typed and names the field; nothing is recorded', async () => {
    const id = await newBrief()
    const sent = { measuredAt: TODAY, engineers: 'lots', dbCpuPercent: '140', queueDepth: '2.5', activeUsers: '900' }
    const { status, body } = unwrap(await record(id, sent))
    expect(status).toBe(400)
    expect(body.form.values).toMatchObject(sent)
    expect(body.form.errors).toEqual({
      engineers: 'Engineers: expected a number in engineers, got "lots"',
      dbCpuPercent: 'Database CPU, sustained: expected a number from 0 to 100 (%), got 140',
      queueDepth: 'Jobs waiting: expected a whole number from 0 to 1,000,000,000,000 (jobs), got 2.5',
    })
    expect(body.form.formError).toBeNull()
    expect((await listCheckins(db, { workspaceId, briefId: id }))?.items).toEqual([])
  })

  it('a check-in with no figure at all, or no date, is a 400 that says so', async () => {
    const id = await newBrief()
    const empty = unwrap(await record(id, { measuredAt: TODAY, engineers: ' ' }))
    expect(empty.status).toBe(400)
    expect(empty.body.form.formError).toMatch(/at least one figure/)
    const undated = unwrap(await record(id, { measuredAt: '', engineers: '4' }))
    expect(undated.status).toBe(400)
    expect(undated.body.form.errors.measuredAt).toBe('Measured on: expected a date as YYYY-MM-DD, got nothing')
    expect(undated.body.form.values.engineers).toBe('4')
  })

  it('a day that is not on the calendar, or after tomorrow, is a 400 on the date', async () => {
    const id = await newBrief()
    const february = unwrap(await record(id, { measuredAt: '2026-02-30', engineers: '4' }))
    expect(february.status).toBe(400)
    expect(february.body.form.errors.measuredAt).toMatch(/^Measured on: expected a calendar date as YYYY-MM-DD/)
    const ahead = unwrap(await record(id, { measuredAt: daysFromToday(3), engineers: '4' }))
    expect(ahead.status).toBe(400)
    expect(ahead.body.form.errors.measuredAt).toMatch(/^Measured on: expected a day no later than \d{4}-\d{2}-\d{2}/)
    expect(ahead.body.form.values).toMatchObject({ measuredAt: daysFromToday(3), engineers: '4' })
  })

  it('the brief page carries the banner data: triggers the newest check-in fired or brought near', async () => {
    const id = await newBrief()
    const before = await latestLoader(args(`/briefs/${id}`, { id }))
    expect(before.revisit.status.checkin).toBeNull()
    expect(bannerTriggers(before.revisit.status)).toEqual([])

    await recordCheckin(db, {
      workspaceId,
      briefId: id,
      signals: { measuredAt: daysFromToday(-7), engineers: 13 },
      source: 'web',
    })
    const approaching = await latestLoader(args(`/briefs/${id}`, { id }))
    expect(bannerTriggers(approaching.revisit.status).map((t) => [t.id, t.status])).toEqual([
      ['team_outgrows_one_service', 'approaching'],
    ])

    await recordCheckin(db, {
      workspaceId,
      briefId: id,
      signals: { measuredAt: TODAY, engineers: 20, dbCpuPercent: 50 },
      source: 'api',
    })
    const page = await latestLoader(args(`/briefs/${id}`, { id }))
    const banner = bannerTriggers(page.revisit.status)
    expect(banner[0]).toMatchObject({
      id: 'team_outgrows_one_service',
      status: 'fired',
      source: 'check_in',
      observed: 20,
      comparator: '>',
      threshold: 15,
      unit: 'engineers',
      guidePath: '/guides/migration-triggers',
    })
    expect(banner[0].action).not.toBe('')
    expect(banner.every((t) => t.source === 'check_in' && t.status !== 'ok')).toBe(true)
    expect(page.revisit.status.checkin?.measuredAt).toBe(TODAY)
    expect(page.revisit.status.fired).toEqual(['team_outgrows_one_service'])
  })

  it('the home page lists a brief whose check-in fired a trigger first, flagged', async () => {
    const quiet = await newBrief('Quiet one')
    const id = await newBrief('Busy one')
    await recordCheckin(db, { workspaceId, briefId: id, signals: { measuredAt: TODAY, engineers: 30 }, source: 'web' })
    const home = await homeLoader({ request: new Request('http://localhost/'), context: asLocalOwner() })
    const flagged = home.saved.attention.items.find((a) => a.id === id)
    expect(flagged).toMatchObject({ title: 'Busy one', fired: ['team_outgrows_one_service'], overdue: false })
    expect(home.saved.attention.items.map((a) => a.id)).not.toContain(quiet)
    const searching = await homeLoader({ request: new Request('http://localhost/?q=busy'), context: asLocalOwner() })
    expect(searching.saved.attention.items).toEqual([])
  })

  it('sets the review date, refuses a date that is not one, and goes back to the default', async () => {
    const id = await newBrief()
    const page = await latestLoader(args(`/briefs/${id}`, { id }))
    expect(page.revisit.status.reviewBySet).toBe(false)
    expect(page.revisit.status.reviewBy).toBe(daysFromToday(90))

    const set = await latestAction(args(`/briefs/${id}`, { id }, { intent: 'review-by', reviewBy: '2030-01-15' }))
    expect(location(set)).toBe(`/briefs/${id}#revisit`)
    const chosen = await latestLoader(args(`/briefs/${id}`, { id }))
    expect(chosen.revisit.status).toMatchObject({ reviewBy: '2030-01-15', reviewBySet: true, overdue: false })

    const bad = unwrap<{ reviewBy?: { value: string; error: string } }>(
      (await latestAction(args(`/briefs/${id}`, { id }, { intent: 'review-by', reviewBy: '15/01/2030' }))) as Response,
    )
    expect(bad.status).toBe(400)
    expect(bad.body.reviewBy).toEqual({
      value: '15/01/2030',
      error: 'Review by: expected a calendar date as YYYY-MM-DD, got "15/01/2030"',
    })

    const past = await latestAction(args(`/briefs/${id}`, { id }, { intent: 'review-by', reviewBy: '2020-01-01' }))
    expect(location(past)).toBe(`/briefs/${id}#revisit`)
    const overdue = await latestLoader(args(`/briefs/${id}`, { id }))
    expect(overdue.revisit.status.overdue).toBe(true)
    const home = await homeLoader({ request: new Request('http://localhost/'), context: asLocalOwner() })
    expect(home.saved.attention.items.find((a) => a.id === id)).toMatchObject({ overdue: true, fired: [] })

    await latestAction(args(`/briefs/${id}`, { id }, { intent: 'review-by-default', reviewBy: '' }))
    const back = await latestLoader(args(`/briefs/${id}`, { id }))
    expect(back.revisit.status).toMatchObject({ reviewBy: daysFromToday(90), reviewBySet: false })
  })

  it('updates the answers from a check-in: a draft with the new figures, reviewed, then compared', async () => {
    const id = await newBrief()
    const recorded = await recordCheckin(db, {
      workspaceId,
      briefId: id,
      signals: { measuredAt: TODAY, engineers: 20, monthlyInfraUsd: 900 },
      source: 'web',
    })
    const checkinId = recorded?.checkin.id ?? ''
    const path = `/briefs/${id}/signals/${checkinId}/update`
    const to = location(await updateAction(args(path, { id, checkinId }, {})))
    const match = new RegExp(`^/drafts/(d_[a-z2-7]{16})/review\\?checkin=${checkinId}$`).exec(to)
    expect(match, to).not.toBeNull()
    const draftId = match?.[1] ?? ''

    const draft = await getDraft(db, { workspaceId, draftId })
    expect(draft?.briefId).toBe(id)
    expect(draft?.answers.team?.engineersIn12Months).toBe('20')
    expect(draft?.answers.team?.engineers).toBe('3')
    expect(draft?.answers.budget?.monthlyInfraUsd).toBe('400')

    const review = unwrap(await reviewLoader(args(`/drafts/${draftId}/review?checkin=${checkinId}`, { id: draftId })))
    expect(review.body.revising?.briefId).toBe(id)
    expect(review.body.completed).toContain('review')
    expect(review.body.fromCheckin).toMatchObject({
      measuredAt: TODAY,
      changes: [{ label: 'Engineers in 12 months', before: '6', after: '20' }],
    })
    expect(review.body.fromCheckin?.notes.join(' ')).toMatch(/budget answer is left as it is/)

    const generated = await reviewAction(args(`/drafts/${draftId}/review?checkin=${checkinId}`, { id: draftId }, {}))
    expect(location(generated)).toBe(`/briefs/${id}/compare?from=1&to=2`)

    const compare = await compareLoader(args(`/briefs/${id}/compare?from=1&to=2`, { id }))
    if (compare.kind !== 'compared') throw new Error('expected a comparison')
    expect(compare.diff.answers.map((a) => a.text)).toEqual(['Engineers in 12 months: 6 → 20'])
    expect(compare.diff.triggers.find((tr) => tr.id === 'team_outgrows_one_service')).toMatchObject({ change: 'fired' })
  })

  it('a plain visit to the update address changes nothing; unknown briefs and check-ins are 404s', async () => {
    const id = await newBrief()
    const visit = await updateLoader(args(`/briefs/${id}/signals/c_x/update`, { id, checkinId: 'c_x' }))
    expect(location(visit)).toBe(`/briefs/${id}/signals`)
    const none = await thrown(() =>
      updateAction(args(`/briefs/${id}/signals/c_x/update`, { id, checkinId: 'c_x' }, {})),
    )
    expect(none.status).toBe(404)
    const missing = 'b_aaaaaaaaaaaaaaaa'
    expect((await thrown(() => signalsPage(missing))).status).toBe(404)
    expect((await thrown(() => record(missing, { measuredAt: TODAY, engineers: '3' }))).status).toBe(404)
  })

  it('a draft revising the brief without a check-in still goes to the new revision', async () => {
    const id = await newBrief()
    const recorded = await recordCheckin(db, {
      workspaceId,
      briefId: id,
      signals: { measuredAt: TODAY, engineers: 8 },
      source: 'web',
    })
    const checkinId = recorded?.checkin.id ?? ''
    const to = location(await updateAction(args(`/briefs/${id}/signals/${checkinId}/update`, { id, checkinId }, {})))
    const draftId = /\/drafts\/(d_[a-z2-7]{16})\//.exec(to)?.[1] ?? ''
    const plain = await reviewAction(args(`/drafts/${draftId}/review`, { id: draftId }, {}))
    expect(location(plain)).toBe(`/briefs/${id}/revisions/2`)
  })
})

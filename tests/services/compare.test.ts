import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { BriefDiffSchema, diffBriefs } from '#app/engine/diff.ts'
import { addRevision, createBrief, deleteBrief, getRevision } from '#app/services/briefs.server.ts'
import { compareRevisions } from '#app/services/compare.server.ts'
import { describeAnswer } from '#app/vocabulary/answer-labels.ts'
import type { Db } from '#db/client.server.ts'
import { LOCAL_WORKSPACE_ID } from '#db/migrations/0001-initial.ts'
import { type AnswersPatch, buildAnswers } from '#tests/support/answers.ts'
import { testDatabases } from '#tests/support/databases.ts'

const dbs = await testDatabases()
const ws = LOCAL_WORKSPACE_ID
const T0 = new Date('2026-06-01T09:00:00.000Z')

describe.each(dbs)('comparing revisions on $name', (t) => {
  let db: Db
  let cleanup: () => Promise<void>

  beforeEach(async () => {
    ;({ db, cleanup } = await t.open())
  })
  afterEach(() => cleanup())

  /** A brief with one revision per patch, a day apart. */
  const briefWith = async (...patches: AnswersPatch[]) => {
    const [first, ...rest] = patches
    const { brief } = await createBrief(db, { workspaceId: ws, answers: buildAnswers(first), now: T0 })
    for (const [i, patch] of rest.entries()) {
      const now = new Date(T0.getTime() + (i + 1) * 86_400_000)
      await addRevision(db, { workspaceId: ws, briefId: brief.id, answers: buildAnswers(patch), now })
    }
    return brief.id
  }
  const compare = (briefId: string, range: { from?: number; to?: number } = {}) =>
    compareRevisions(db, { workspaceId: ws, briefId, ...range })
  const pair = (result: Awaited<ReturnType<typeof compare>>) =>
    result.status === 'ok' ? [result.from.number, result.to.number] : result

  it('compares the latest two by default, with answers in the words the pages use', async () => {
    const id = await briefWith(
      { load: { activeUsersIn12Months: 2000, peakRequestsPerSecond: 5 } },
      { load: { activeUsersIn12Months: 2000, peakRequestsPerSecond: 5, longestTaskSeconds: 120 } },
      { load: { activeUsersIn12Months: 25_000, peakRequestsPerSecond: 5, longestTaskSeconds: 120 } },
    )
    const result = await compare(id)
    if (result.status !== 'ok') throw new Error(result.status)
    expect([result.from.number, result.to.number]).toEqual([2, 3])
    expect(result.empty).toBe(false)
    expect(BriefDiffSchema.parse(result.diff)).toEqual(result.diff)
    expect(result.diff.answers.map((a) => a.text)).toEqual(['Monthly active users in 12 months: 2,000 → 25,000'])

    const [two, three] = await Promise.all(
      [2, 3].map((number) => getRevision(db, { workspaceId: ws, briefId: id, number })),
    )
    expect(result.diff).toEqual(diffBriefs(two!, three!, { describeAnswer }))
    expect(result.from).toEqual({
      number: 2,
      engineVersion: two!.engineVersion,
      catalogVersion: two!.catalogVersion,
      createdAt: two!.createdAt,
      title: two!.title,
    })
  })

  it('takes from and to, fills in the one left out, and compares either way round', async () => {
    const id = await briefWith({}, { team: { engineersIn12Months: 20 } }, { team: { engineersIn12Months: 40 } })
    expect(pair(await compare(id, { from: 1, to: 3 }))).toEqual([1, 3])
    expect(pair(await compare(id, { to: 2 }))).toEqual([1, 2])
    expect(pair(await compare(id, { from: 1 }))).toEqual([1, 3])
    const backwards = await compare(id, { from: 2, to: 1 })
    expect(pair(backwards)).toEqual([2, 1])
    if (backwards.status !== 'ok') throw new Error(backwards.status)
    expect(backwards.diff.triggers.find((x) => x.id === 'team_outgrows_one_service')?.change).toBe('cleared')
  })

  it('finds nothing moved in a brief with one revision, or a revision against itself', async () => {
    const id = await briefWith({}, { team: { engineersIn12Months: 20 } })
    const single = await briefWith({})
    for (const result of [await compare(single), await compare(id, { from: 2, to: 2 })]) {
      expect(result).toMatchObject({ status: 'ok', empty: true })
    }
    expect(pair(await compare(single))).toEqual([1, 1])
  })

  it('says which revision is missing, and when the brief is', async () => {
    const id = await briefWith({}, {})
    expect(await compare(id, { from: 1, to: 7 })).toEqual({ status: 'no_revision', number: 7, head: 2 })
    expect(await compare(id, { from: 9 })).toEqual({ status: 'no_revision', number: 9, head: 2 })
    expect(await compare('b_aaaaaaaaaaaaaaaa')).toEqual({ status: 'no_brief' })
    expect(await compareRevisions(db, { workspaceId: 'elsewhere', briefId: id })).toEqual({ status: 'no_brief' })
    await deleteBrief(db, { workspaceId: ws, briefId: id })
    expect(await compare(id)).toEqual({ status: 'no_brief' })
  })
})

import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { SignalsSchema } from '#app/engine/signals.ts'
import { addRevision, createBrief, deleteBrief, getBrief, listBriefs } from '#app/services/briefs.server.ts'
import { recordCheckin } from '#app/services/checkins.server.ts'
import {
  listDeletedBriefs,
  purgeAbandonedDrafts,
  purgeDeletedBriefs,
  restoreBrief,
} from '#app/services/deletion.server.ts'
import { createDraft, getDraft } from '#app/services/drafts.server.ts'
import { withIdempotency } from '#app/services/idempotency.server.ts'
import { startJobRunner } from '#app/services/job-runner.server.ts'
import { LIFECYCLE_JOBS } from '#app/services/lifecycle-jobs.server.ts'
import { createShareLink } from '#app/services/share-links.server.ts'
import { createToken } from '#app/services/tokens.server.ts'
import type { Db } from '#db/client.server.ts'
import { LOCAL_WORKSPACE_ID } from '#db/migrations/0001-initial.ts'
import { buildAnswers } from '#tests/support/answers.ts'
import { testDatabases } from '#tests/support/databases.ts'

const dbs = await testDatabases()
const ws = LOCAL_WORKSPACE_ID
const DAY = 86_400_000

describe.each(dbs)('deleting, restoring and purging on $name', (t) => {
  let db: Db
  let cleanup: () => Promise<void>

  beforeEach(async () => {
    ;({ db, cleanup } = await t.open())
  })
  afterEach(() => cleanup())

  const count = async (
    table: 'briefs' | 'revisions' | 'checkins' | 'brief_tokens' | 'share_links' | 'drafts',
    briefId: string,
  ) =>
    (
      await db.db
        .selectFrom(table)
        .select('created_at')
        .where((table === 'briefs' ? 'id' : 'brief_id') as never, '=', briefId as never)
        .execute()
    ).length

  /** A brief with two revisions, a check-in, a token and a draft editing it. */
  async function fullBrief(name: string, now: Date) {
    const { brief } = await createBrief(db, { workspaceId: ws, answers: buildAnswers({ product: { name } }), now })
    await addRevision(db, { workspaceId: ws, briefId: brief.id, answers: buildAnswers({ product: { name } }), now })
    await recordCheckin(db, {
      workspaceId: ws,
      briefId: brief.id,
      signals: SignalsSchema.parse({ measuredAt: now.toISOString().slice(0, 10), activeUsers: 50 }),
      source: 'web',
      now,
    })
    await createToken(db, { workspaceId: ws, briefId: brief.id, name: 'ci', now })
    await createShareLink(db, {
      workspaceId: ws,
      briefId: brief.id,
      name: 'board',
      revision: null,
      expiresInDays: null,
      now,
    })
    await createDraft(db, { workspaceId: ws, briefId: brief.id, now })
    return brief.id
  }

  it('hides a deleted brief, lists it as recently deleted and restores it within 30 days', async () => {
    const now = new Date()
    const id = await fullBrief('Keep me', now)
    expect(await deleteBrief(db, { workspaceId: ws, briefId: id, now })).toBe(true)
    expect(await getBrief(db, { workspaceId: ws, briefId: id })).toBeNull()
    expect((await listBriefs(db, { workspaceId: ws })).items).toEqual([])
    const [listed] = await listDeletedBriefs(db, { workspaceId: ws, now })
    expect(listed).toMatchObject({ id, title: 'Keep me', headRevision: 2, deletedAt: now.toISOString() })
    expect(Date.parse(listed.purgeAfter) - now.getTime()).toBe(30 * DAY)
    expect(await restoreBrief(db, { workspaceId: ws, briefId: id, now: new Date(now.getTime() + 29 * DAY) })).toBe(true)
    expect((await getBrief(db, { workspaceId: ws, briefId: id }))?.headRevision).toBe(2)
    expect(await listDeletedBriefs(db, { workspaceId: ws, now })).toEqual([])
    // Not twice, and not from another workspace.
    expect(await restoreBrief(db, { workspaceId: ws, briefId: id, now })).toBe(false)
    await deleteBrief(db, { workspaceId: ws, briefId: id, now })
    expect(await restoreBrief(db, { workspaceId: 'elsewhere', briefId: id, now })).toBe(false)
  })

  it('cannot restore after 30 days, and the purge then removes the brief with all that hangs off it', async () => {
    const deletedAt = new Date(Date.now() - 31 * DAY)
    const gone = await fullBrief('Gone', deletedAt)
    const recent = await fullBrief('Recently deleted', new Date())
    const kept = await fullBrief('Kept', deletedAt)
    await deleteBrief(db, { workspaceId: ws, briefId: gone, now: deletedAt })
    await deleteBrief(db, { workspaceId: ws, briefId: recent })
    expect(await restoreBrief(db, { workspaceId: ws, briefId: gone })).toBe(false)
    expect((await listDeletedBriefs(db, { workspaceId: ws })).map((b) => b.id)).toEqual([recent])

    expect(await purgeDeletedBriefs(db)).toEqual({ purged: 1, more: false })
    for (const table of ['briefs', 'revisions', 'checkins', 'brief_tokens', 'share_links', 'drafts'] as const) {
      expect(await count(table, gone), table).toBe(0)
      expect(await count(table, recent), table).toBeGreaterThan(0)
      expect(await count(table, kept), table).toBeGreaterThan(0)
    }
    expect(await purgeDeletedBriefs(db)).toEqual({ purged: 0, more: false })
  })

  it('purges in batches and says when more are waiting', async () => {
    const old = new Date(Date.now() - 40 * DAY)
    for (const name of ['a', 'b', 'c']) {
      const { brief } = await createBrief(db, { workspaceId: ws, answers: buildAnswers({ product: { name } }) })
      await deleteBrief(db, { workspaceId: ws, briefId: brief.id, now: old })
    }
    expect(await purgeDeletedBriefs(db, { limit: 2 })).toEqual({ purged: 2, more: true })
    expect(await purgeDeletedBriefs(db, { limit: 2 })).toEqual({ purged: 1, more: false })
  })

  it('removes drafts untouched for 30 days and keeps the others', async () => {
    const now = new Date()
    const stale = await createDraft(db, { workspaceId: ws, now: new Date(now.getTime() - 31 * DAY) })
    const fresh = await createDraft(db, { workspaceId: ws, now: new Date(now.getTime() - 29 * DAY) })
    expect(await purgeAbandonedDrafts(db, { now })).toEqual({ purged: 1, more: false })
    expect(await getDraft(db, { workspaceId: ws, draftId: stale.id })).toBeNull()
    expect(await getDraft(db, { workspaceId: ws, draftId: fresh.id })).not.toBeNull()
  })

  it('the lifecycle jobs run from the runner: keys, drafts and briefs past their time are purged', async () => {
    const long = new Date(Date.now() - 40 * DAY)
    const id = await fullBrief('Old', long)
    await deleteBrief(db, { workspaceId: ws, briefId: id, now: long })
    await createDraft(db, { workspaceId: ws, now: long })
    await withIdempotency(db, { workspaceId: ws, operation: 'x', key: 'k', request: {}, now: long }, async () => ({
      status: 201,
      body: {},
    }))
    const runner = await startJobRunner({ db, jobs: LIFECYCLE_JOBS, pollMs: 0, id: 'test' })
    expect(await runner.tick(new Date(Date.now() + 1000))).toBe(4)
    await runner.stop()
    expect(await db.db.selectFrom('idempotency_keys').select('key').execute()).toEqual([])
    expect(await db.db.selectFrom('drafts').select('id').execute()).toEqual([])
    expect(await count('revisions', id)).toBe(0)
    const jobs = await db.db.selectFrom('jobs').select(['id', 'last_error', 'attempts']).orderBy('id').execute()
    expect(jobs).toEqual(
      ['purge-abandoned-anonymous', 'purge-abandoned-drafts', 'purge-deleted-briefs', 'purge-idempotency-keys'].map(
        (jobId) => ({
          id: jobId,
          last_error: null,
          attempts: 0,
        }),
      ),
    )
  })
})

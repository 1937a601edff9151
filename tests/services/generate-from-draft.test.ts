import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { draftFromAnswers } from '#app/questionnaire/schemas.ts'
import { createBrief, deleteBrief, getBrief, listRevisions } from '#app/services/briefs.server.ts'
import { createDraft, generateFromDraft, getDraft } from '#app/services/drafts.server.ts'
import { overrideDecision } from '#app/services/overrides.server.ts'
import type { Db } from '#db/client.server.ts'
import { LOCAL_WORKSPACE_ID } from '#db/migrations/0001-initial.ts'
import { buildAnswers } from '#tests/support/answers.ts'
import { testDatabases } from '#tests/support/databases.ts'

/**
 * Generating from a draft is one use case: the brief (or the brief's next
 * revision) and the draft's consumption commit together, and a second submit
 * of the same draft, even one racing the first, returns what the first made.
 */

const dbs = await testDatabases()
const ws = LOCAL_WORKSPACE_ID
const named = (name: string) => buildAnswers({ product: { name } })
const RACERS = 4

describe.each(dbs)('generating from a draft on $name', (t) => {
  let db: Db
  let cleanup: () => Promise<void>

  beforeEach(async () => {
    ;({ db, cleanup } = await t.open())
  })
  afterEach(() => cleanup())

  /**
   * Opens pooled connections and loads the catalog first, so the racing submits
   * reach the database together instead of queueing behind a first connection.
   */
  const warmUp = async () => {
    const draft = await createDraft(db, { workspaceId: ws, answers: draftFromAnswers(named('Warm-up')) })
    await Promise.all([
      generateFromDraft(db, { workspaceId: ws, draftId: draft.id }),
      ...Array.from({ length: RACERS }, () => db.db.selectFrom('briefs').select('id').execute()),
    ])
  }

  const countRows = async (table: 'briefs' | 'revisions') =>
    Number(
      (
        await db.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    )

  it('makes a brief from a complete draft and consumes the draft', async () => {
    const draft = await createDraft(db, { workspaceId: ws, answers: draftFromAnswers(named('Ledger')) })
    const result = await generateFromDraft(db, { workspaceId: ws, draftId: draft.id })
    expect(result).toEqual({
      status: 'generated',
      briefId: expect.stringMatching(/^b_/),
      revision: 1,
      revised: false,
      repeated: false,
    })
    if (result.status !== 'generated') throw new Error('not generated')
    expect((await getBrief(db, { workspaceId: ws, briefId: result.briefId }))?.title).toBe('Ledger')
    // Consumed: no longer a draft anyone can open or edit.
    expect(await getDraft(db, { workspaceId: ws, draftId: draft.id })).toBeNull()
  })

  it('returns the brief the first submit made when the same draft is submitted again', async () => {
    const draft = await createDraft(db, { workspaceId: ws, answers: draftFromAnswers(named('Ledger')) })
    const first = await generateFromDraft(db, { workspaceId: ws, draftId: draft.id })
    const second = await generateFromDraft(db, { workspaceId: ws, draftId: draft.id })
    expect(second).toEqual({ ...first, repeated: true })
    expect(await countRows('briefs')).toBe(1)
  })

  it('makes one brief when submits of the same draft race', async () => {
    await warmUp()
    const draft = await createDraft(db, { workspaceId: ws, answers: draftFromAnswers(named('Ledger')) })
    const results = await Promise.all(
      Array.from({ length: RACERS }, () => generateFromDraft(db, { workspaceId: ws, draftId: draft.id })),
    )
    expect(await countRows('briefs')).toBe(1 + 1)
    const briefIds = new Set(results.map((r) => (r.status === 'generated' ? r.briefId : r.status)))
    expect(briefIds.size).toBe(1)
    expect(results.filter((r) => r.status === 'generated' && !r.repeated)).toHaveLength(1)
  })

  it('adds one revision, keeping the brief’s overrides, when submits of a revising draft race', async () => {
    const { brief, revision } = await createBrief(db, { workspaceId: ws, answers: named('Ledger') })
    const override = { area: 'email' as const, choice: 'resend', reason: 'The team runs it today.', by: 'Ana' }
    await overrideDecision(db, { workspaceId: ws, briefId: brief.id, answers: revision.answers, override })
    const draft = await createDraft(db, {
      workspaceId: ws,
      briefId: brief.id,
      answers: draftFromAnswers(named('Ledger, revised')),
    })
    await warmUp()
    const results = await Promise.all(
      Array.from({ length: RACERS }, () => generateFromDraft(db, { workspaceId: ws, draftId: draft.id })),
    )
    for (const result of results) {
      expect(result).toMatchObject({ status: 'generated', briefId: brief.id, revision: 3, revised: true })
    }
    const saved = await getBrief(db, { workspaceId: ws, briefId: brief.id })
    expect(saved?.headRevision).toBe(3)
    expect(saved?.head.title).toBe('Ledger, revised')
    expect(saved?.head.answers.overrides).toEqual([override])
    expect(await countRows('revisions')).toBe(3 + 1)
  })

  it('writes nothing and keeps the draft when answers are missing', async () => {
    const draft = await createDraft(db, {
      workspaceId: ws,
      answers: { product: draftFromAnswers(named('Half')).product },
    })
    const result = await generateFromDraft(db, { workspaceId: ws, draftId: draft.id })
    expect(result.status).toBe('invalid')
    if (result.status === 'invalid') expect(result.problems.map((p) => p.section)).toContain('team')
    expect(await countRows('briefs')).toBe(0)
    expect(await getDraft(db, { workspaceId: ws, draftId: draft.id })).not.toBeNull()
  })

  it('writes nothing and keeps the draft when the brief it revises was deleted', async () => {
    const { brief } = await createBrief(db, { workspaceId: ws, answers: named('Ledger') })
    const draft = await createDraft(db, { workspaceId: ws, briefId: brief.id, answers: draftFromAnswers(named('L2')) })
    await deleteBrief(db, { workspaceId: ws, briefId: brief.id })
    expect(await generateFromDraft(db, { workspaceId: ws, draftId: draft.id })).toEqual({
      status: 'no_brief',
      briefId: brief.id,
    })
    expect(await countRows('revisions')).toBe(1)
    expect(await getDraft(db, { workspaceId: ws, draftId: draft.id })).not.toBeNull()
  })

  it('finds no draft of another workspace, nor one that never was', async () => {
    await db.db
      .insertInto('workspaces')
      .values({ id: 'other', name: 'Another', created_at: new Date().toISOString() })
      .execute()
    const draft = await createDraft(db, { workspaceId: ws, answers: draftFromAnswers(named('Ledger')) })
    expect(await generateFromDraft(db, { workspaceId: 'other', draftId: draft.id })).toEqual({ status: 'no_draft' })
    expect(await generateFromDraft(db, { workspaceId: ws, draftId: 'd_aaaaaaaaaaaaaaaa' })).toEqual({
      status: 'no_draft',
    })
    expect(await generateFromDraft(db, { workspaceId: ws, draftId: 'not a draft id' })).toEqual({ status: 'no_draft' })
    expect(await countRows('briefs')).toBe(0)
    const page = await listRevisions(db, { workspaceId: ws, briefId: 'b_aaaaaaaaaaaaaaaa' })
    expect(page).toBeNull()
  })
})

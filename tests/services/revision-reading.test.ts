import { Migrator, sql } from 'kysely'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { SignalsSchema } from '#app/engine/signals.ts'
import { listBriefsNeedingAttention } from '#app/services/attention.server.ts'
import {
  addRevision,
  createBrief,
  getBrief,
  getRevision,
  listBriefs,
  listRevisions,
  listRevisionsForDecisionRecords,
} from '#app/services/briefs.server.ts'
import { recordCheckin } from '#app/services/checkins.server.ts'
import { CorruptRevisionError } from '#app/services/support/errors.server.ts'
import { type Db, migrateToLatest } from '#db/client.server.ts'
import { LOCAL_WORKSPACE_ID } from '#db/migrations/0001-initial.ts'
import { MIGRATIONS } from '#db/migrations/index.ts'
import { buildAnswers } from '#tests/support/answers.ts'
import { testDatabases } from '#tests/support/databases.ts'

/**
 * Revisions are checked when read back: a row changed after it was written is
 * a CorruptRevisionError naming the brief, the revision and what is wrong,
 * and nothing else of the workspace stops working. Lists of revisions read
 * the title stored beside each one, never its answers.
 */

const dbs = await testDatabases()
const ws = LOCAL_WORKSPACE_ID
const named = (name: string) => buildAnswers({ product: { name } })

describe.each(dbs)('reading stored revisions on $name', (t) => {
  let db: Db
  let cleanup: () => Promise<void>

  beforeEach(async () => {
    ;({ db, cleanup } = await t.open())
  })
  afterEach(() => cleanup())

  const corrupt = (briefId: string, number: number, set: { answers?: string; brief?: string }) =>
    db.db.updateTable('revisions').set(set).where('brief_id', '=', briefId).where('number', '=', number).execute()

  const caught = async (run: () => Promise<unknown>): Promise<CorruptRevisionError> => {
    try {
      await run()
    } catch (error) {
      if (error instanceof CorruptRevisionError) return error
      throw error
    }
    throw new Error('expected a CorruptRevisionError')
  }

  it('names the brief, the revision and the field when stored answers no longer match their schema', async () => {
    const { brief } = await createBrief(db, { workspaceId: ws, answers: named('Ledger') })
    const stored = JSON.parse(
      (await db.db.selectFrom('revisions').select('answers').where('brief_id', '=', brief.id).executeTakeFirstOrThrow())
        .answers,
    )
    await corrupt(brief.id, 1, { answers: JSON.stringify({ ...stored, team: { ...stored.team, engineers: 'many' } }) })
    const error = await caught(() => getRevision(db, { workspaceId: ws, briefId: brief.id, number: 1 }))
    expect(error).toMatchObject({ briefId: brief.id, revision: 1, part: 'answers' })
    expect(error.message).toContain(`Revision 1 of brief ${brief.id} is corrupt`)
    expect(error.message).toContain('team.engineers')
    // Every read of the whole revision says the same, the head included.
    await expect(getBrief(db, { workspaceId: ws, briefId: brief.id })).rejects.toBeInstanceOf(CorruptRevisionError)
  })

  it('says so when a stored brief is not JSON or has lost a part', async () => {
    const { brief } = await createBrief(db, { workspaceId: ws, answers: named('Ledger') })
    await addRevision(db, { workspaceId: ws, briefId: brief.id, answers: named('Ledger 2') })
    await corrupt(brief.id, 1, { brief: '{"schemaVersion": 2, "decisions": ' })
    const notJson = await caught(() => getRevision(db, { workspaceId: ws, briefId: brief.id, number: 1 }))
    expect(notJson).toMatchObject({ briefId: brief.id, revision: 1, part: 'brief' })
    expect(notJson.message).toMatch(/its stored brief, not JSON/)

    const whole = await db.db
      .selectFrom('revisions')
      .select('brief')
      .where('brief_id', '=', brief.id)
      .where('number', '=', 2)
      .executeTakeFirstOrThrow()
    const { decisions: _dropped, ...rest } = JSON.parse(whole.brief)
    await corrupt(brief.id, 2, { brief: JSON.stringify(rest) })
    const lost = await caught(() => getRevision(db, { workspaceId: ws, briefId: brief.id, number: 2 }))
    expect(lost).toMatchObject({ revision: 2, part: 'brief' })
    expect(lost.message).toContain('decisions')
    await expect(
      listRevisionsForDecisionRecords(db, { workspaceId: ws, briefId: brief.id, upTo: 2 }),
    ).rejects.toBeInstanceOf(CorruptRevisionError)
  })

  it('keeps the rest of the workspace working around a corrupt revision', async () => {
    const { brief: broken } = await createBrief(db, { workspaceId: ws, answers: named('Broken') })
    const { brief: fine } = await createBrief(db, { workspaceId: ws, answers: named('Fine') })
    const signals = SignalsSchema.parse({ measuredAt: '2026-06-01', engineers: 4 })
    await recordCheckin(db, { workspaceId: ws, briefId: broken.id, signals, source: 'web' })
    await corrupt(broken.id, 1, { answers: 'not json', brief: '{"schemaVersion": 2, "triggers": "none"}' })

    expect((await getBrief(db, { workspaceId: ws, briefId: fine.id }))?.head.title).toBe('Fine')
    expect((await listBriefs(db, { workspaceId: ws })).items.map((b) => b.title).sort()).toEqual(['Broken', 'Fine'])
    // The list of revisions reads the stored title, not the answers.
    const page = await listRevisions(db, { workspaceId: ws, briefId: broken.id })
    expect(page?.items.map((r) => [r.number, r.title])).toEqual([[1, 'Broken']])
    const attention = await listBriefsNeedingAttention(db, { workspaceId: ws, now: new Date('2026-06-02T00:00:00Z') })
    expect(attention.items).toEqual([])
  })

  it('fills in the titles of revisions written before titles were stored (migration 0010)', async () => {
    const { brief } = await createBrief(db, { workspaceId: ws, answers: named('First name') })
    await addRevision(db, { workspaceId: ws, briefId: brief.id, answers: named('Second name') })
    const { brief: broken } = await createBrief(db, { workspaceId: ws, answers: named('Broken') })
    const schema =
      db.dialect === 'postgres'
        ? (await sql<{ schema: string }>`select current_schema() as schema`.execute(db.db)).rows[0]?.schema
        : undefined
    const migrator = new Migrator({
      db: db.db,
      provider: { getMigrations: async () => MIGRATIONS },
      migrationTableSchema: schema,
    })
    expect((await migrator.migrateTo('0009-accounts')).error).toBeUndefined()
    await db.db.updateTable('revisions').set({ answers: '{' }).where('brief_id', '=', broken.id).execute()
    await migrateToLatest(db.db, db.dialect)

    const page = await listRevisions(db, { workspaceId: ws, briefId: brief.id })
    expect(page?.items.map((r) => [r.number, r.title])).toEqual([
      [2, 'Second name'],
      [1, 'First name'],
    ])
    // A row that cannot be read keeps an empty title rather than stopping the migration.
    const left = await listRevisions(db, { workspaceId: ws, briefId: broken.id })
    expect(left?.items.map((r) => r.title)).toEqual([''])
  })
})

import { Migrator, sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { SignalsSchema } from '#app/engine/signals.ts'
import { localWorkspaceUnclaimed, membershipOf, placeNewAccount } from '#app/services/accounts.server.ts'
import { addRevision, createBrief, getBrief, listBriefs } from '#app/services/briefs.server.ts'
import { recordCheckin } from '#app/services/checkins.server.ts'
import { createDraft } from '#app/services/drafts.server.ts'
import { authenticateToken, createToken } from '#app/services/tokens.server.ts'
import { type Db, migrateToLatest } from '#db/client.server.ts'
import { LOCAL_WORKSPACE_ID } from '#db/migrations/0001-initial.ts'
import { MIGRATIONS } from '#db/migrations/index.ts'
import { buildAnswers } from '#tests/support/answers.ts'
import { testDatabases } from '#tests/support/databases.ts'

/**
 * A database from before accounts (migrations up to 0008) holding
 * briefs, revisions, check-ins, tokens and a draft, moved to accounts:
 * nothing lost, nothing duplicated, and all of it the first account's.
 */

const dbs = await testDatabases()
const TABLES = ['briefs', 'revisions', 'checkins', 'brief_tokens', 'drafts'] as const

describe.each(dbs)('moving a database from before accounts on $name', (t) => {
  let db: Db
  let cleanup: () => Promise<void>
  let token: string
  const briefIds: string[] = []
  const counts = async () => {
    const out: Record<string, number> = {}
    for (const table of TABLES) {
      const row = await db.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
      out[table] = Number(row.n)
    }
    return out
  }
  let before: Record<string, number>

  beforeAll(async () => {
    ;({ db, cleanup } = await t.open())
    for (const name of ['Clinic scheduler', 'Parts marketplace']) {
      const { brief } = await createBrief(db, {
        workspaceId: LOCAL_WORKSPACE_ID,
        answers: buildAnswers({ product: { name } }),
      })
      briefIds.push(brief.id)
      await addRevision(db, {
        workspaceId: LOCAL_WORKSPACE_ID,
        briefId: brief.id,
        answers: buildAnswers({ product: { name: `${name}, revised` } }),
      })
      await recordCheckin(db, {
        workspaceId: LOCAL_WORKSPACE_ID,
        briefId: brief.id,
        signals: SignalsSchema.parse({ measuredAt: '2026-06-01', engineers: 4 }),
        source: 'web',
      })
    }
    const made = await createToken(db, { workspaceId: LOCAL_WORKSPACE_ID, briefId: briefIds[0], name: 'ci' })
    token = made!.token
    await createDraft(db, { workspaceId: LOCAL_WORKSPACE_ID })
    // Written, then taken back to the schema before accounts, the way an older install has it (the
    // services write today's columns, which the migrations back drop).
    const schema =
      db.dialect === 'postgres'
        ? (await sql<{ schema: string }>`select current_schema() as schema`.execute(db.db)).rows[0]?.schema
        : undefined
    const migrator = new Migrator({
      db: db.db,
      provider: { getMigrations: async () => MIGRATIONS },
      migrationTableSchema: schema,
    })
    const down = await migrator.migrateTo('0008-notes')
    expect(down.error).toBeUndefined()

    before = await counts()
    expect(before).toEqual({ briefs: 2, revisions: 4, checkins: 2, brief_tokens: 1, drafts: 1 })

    await migrateToLatest(db.db, db.dialect)
  }, 60_000)

  afterAll(async () => {
    await cleanup()
  })

  it('keeps every row, and the local workspace waits for its first account', async () => {
    expect(await counts()).toEqual(before)
    expect(await localWorkspaceUnclaimed(db)).toBe(true)
  })

  it('gives the local workspace, whole, to the first account and nothing of it to the next', async () => {
    // Two accounts as the auth library writes them (its dates and flags as each database keeps them).
    const now = db.dialect === 'postgres' ? new Date() : new Date().toISOString()
    const flag = db.dialect === 'postgres' ? false : 0
    for (const [id, name] of [
      ['u_first', 'First'],
      ['u_second', 'Second'],
    ]) {
      await sql`insert into auth_user (id, name, email, "emailVerified", "createdAt", "updatedAt")
        values (${id}, ${name}, ${`${id}@example.test`}, ${flag}, ${now}, ${now})`.execute(db.db)
    }
    expect(await placeNewAccount(db, { userId: 'u_first', anonymous: false, name: 'First' })).toEqual({
      workspaceId: LOCAL_WORKSPACE_ID,
      role: 'owner',
    })
    const second = await placeNewAccount(db, { userId: 'u_second', anonymous: false, name: 'Second' })
    expect(second.workspaceId).not.toBe(LOCAL_WORKSPACE_ID)
    expect(await localWorkspaceUnclaimed(db)).toBe(false)

    expect(await membershipOf(db.db, 'u_first')).toEqual({ workspaceId: LOCAL_WORKSPACE_ID, role: 'owner' })
    const listed = await listBriefs(db, { workspaceId: LOCAL_WORKSPACE_ID })
    expect(listed.items.map((b) => b.id).sort()).toEqual([...briefIds].sort())
    for (const id of briefIds) {
      expect((await getBrief(db, { workspaceId: LOCAL_WORKSPACE_ID, briefId: id }))?.headRevision).toBe(2)
      expect(await getBrief(db, { workspaceId: second.workspaceId, briefId: id })).toBeNull()
    }
    expect((await listBriefs(db, { workspaceId: second.workspaceId })).items).toEqual([])
    // The machine's token still checks in.
    expect(await authenticateToken(db, { briefId: briefIds[0], token })).toBe('ok')
    expect(await counts()).toEqual(before)
  })
})

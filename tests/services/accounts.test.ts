import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { placeNewAccount } from '#app/services/accounts.server.ts'
import { ANONYMOUS_GRACE_DAYS, purgeAbandonedAnonymous } from '#app/services/anonymous-purge.server.ts'
import { createBrief, getBrief } from '#app/services/briefs.server.ts'
import { createDraft } from '#app/services/drafts.server.ts'
import type { Db } from '#db/client.server.ts'
import { LOCAL_WORKSPACE_ID } from '#db/migrations/0001-initial.ts'
import { buildAnswers } from '#tests/support/answers.ts'
import { testDatabases } from '#tests/support/databases.ts'

const dbs = await testDatabases()
const DAY = 24 * 60 * 60 * 1000

/** A user row as the authentication library writes it, in each database's own types. */
async function insertUser(db: Db, input: { id: string; anonymous: boolean; createdAt: Date }) {
  const flag = (value: boolean) => (db.dialect === 'postgres' ? value : value ? 1 : 0)
  const at = input.createdAt.toISOString()
  await (db.db as unknown as import('kysely').Kysely<Record<string, Record<string, unknown>>>)
    .insertInto('auth_user')
    .values({
      id: input.id,
      name: input.anonymous ? 'Anonymous' : `User ${input.id}`,
      email: `${input.id}@example.test`,
      emailVerified: flag(false),
      createdAt: at,
      updatedAt: at,
      isAnonymous: flag(input.anonymous),
    })
    .execute()
}

async function insertSession(db: Db, input: { userId: string; expiresAt: Date }) {
  const at = new Date(input.expiresAt.getTime() - 7 * DAY).toISOString()
  await (db.db as unknown as import('kysely').Kysely<Record<string, Record<string, unknown>>>)
    .insertInto('auth_session')
    .values({
      id: `s_${input.userId}_${input.expiresAt.getTime()}`,
      token: `t_${input.userId}_${input.expiresAt.getTime()}`,
      userId: input.userId,
      expiresAt: input.expiresAt.toISOString(),
      createdAt: at,
      updatedAt: at,
    })
    .execute()
}

const count = async (db: Db, table: 'auth_user' | 'workspaces' | 'workspace_members' | 'drafts' | 'briefs') =>
  Number(
    (
      await db.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  )

describe.each(dbs)('accounts on $name', (t) => {
  let db: Db
  let cleanup: () => Promise<void>
  beforeAll(async () => {
    ;({ db, cleanup } = await t.open())
  })
  afterAll(async () => cleanup?.())

  it('gives the local workspace to exactly one of several first accounts made at the same moment', async () => {
    const ids = Array.from({ length: 8 }, (_, i) => `u_first_${i}`)
    for (const id of ids) await insertUser(db, { id, anonymous: false, createdAt: new Date() })
    // Every connection of the pool open first, so the eight sign-ups really run side by side.
    await Promise.all(ids.map(() => sql`select 1`.execute(db.db)))
    const placed = await Promise.all(
      ids.map((userId) => placeNewAccount(db, { userId, anonymous: false, name: userId })),
    )
    expect(placed.filter((p) => p.workspaceId === LOCAL_WORKSPACE_ID)).toHaveLength(1)
    const owners = await db.db
      .selectFrom('workspace_members')
      .select('user_id')
      .where('workspace_id', '=', LOCAL_WORKSPACE_ID)
      .execute()
    expect(owners).toHaveLength(1)
  })

  describe('purging anonymous identities nobody can reach', () => {
    const now = new Date('2027-03-01T12:00:00Z')
    const longAgo = new Date(now.getTime() - (ANONYMOUS_GRACE_DAYS + 40) * DAY)
    const expiredLongAgo = new Date(now.getTime() - (ANONYMOUS_GRACE_DAYS + 1) * DAY)
    const expiredRecently = new Date(now.getTime() - (ANONYMOUS_GRACE_DAYS - 1) * DAY)

    async function anonymousWith(id: string, sessionExpires: Date | null) {
      await insertUser(db, { id, anonymous: true, createdAt: longAgo })
      const { workspaceId } = await placeNewAccount(db, { userId: id, anonymous: true, name: 'Anonymous' })
      if (sessionExpires) await insertSession(db, { userId: id, expiresAt: sessionExpires })
      return workspaceId
    }

    it('removes an empty one whose session ended long ago, keeps one still within reach, and never touches accounts', async () => {
      const goneWorkspace = await anonymousWith('u_anon_gone', expiredLongAgo)
      await createDraft(db, { workspaceId: goneWorkspace })
      const keptWorkspace = await anonymousWith('u_anon_recent', expiredRecently)
      await insertUser(db, { id: 'u_real_old', anonymous: false, createdAt: longAgo })
      await placeNewAccount(db, { userId: 'u_real_old', anonymous: false, name: 'Old account' })

      const users = await count(db, 'auth_user')
      const result = await purgeAbandonedAnonymous(db, { now })
      expect(result.identities).toBe(1)
      expect(await count(db, 'auth_user')).toBe(users - 1)
      const workspaces = await db.db.selectFrom('workspaces').select('id').execute()
      expect(workspaces.map((w) => w.id)).not.toContain(goneWorkspace)
      expect(workspaces.map((w) => w.id)).toContain(keptWorkspace)
      const drafts = await db.db.selectFrom('drafts').select('id').where('workspace_id', '=', goneWorkspace).execute()
      expect(drafts).toHaveLength(0)
      // A second run finds nothing more to do.
      expect((await purgeAbandonedAnonymous(db, { now })).identities).toBe(0)
    })

    it('lets the briefs of an unreachable identity go through the 30-day deletion first, then removes the identity', async () => {
      const workspaceId = await anonymousWith('u_anon_briefs', null)
      const { brief } = await createBrief(db, {
        workspaceId,
        answers: buildAnswers({ product: { name: 'Lost laptop' } }),
      })

      const first = await purgeAbandonedAnonymous(db, { now })
      expect(first).toMatchObject({ identities: 0, briefsDeleted: 1 })
      // Deleted, not gone: the usual grace period applies before the purge removes it.
      const row = await db.db
        .selectFrom('briefs')
        .select('deleted_at')
        .where('id', '=', brief.id)
        .executeTakeFirstOrThrow()
      expect(row.deleted_at).toBe(now.toISOString())
      expect(await getBrief(db, { workspaceId, briefId: brief.id })).toBeNull()

      // Once the brief has been purged, the identity goes too.
      await db.db.deleteFrom('revisions').where('brief_id', '=', brief.id).execute()
      await db.db.deleteFrom('briefs').where('id', '=', brief.id).execute()
      expect((await purgeAbandonedAnonymous(db, { now })).identities).toBe(1)
      const left = await db.db.selectFrom('auth_user').select('id').where('id', '=', 'u_anon_briefs').execute()
      expect(left).toHaveLength(0)
    })

    it('works in bounded batches and says when more are waiting', async () => {
      for (let i = 0; i < 5; i++) await anonymousWith(`u_anon_batch_${i}`, expiredLongAgo)
      const first = await purgeAbandonedAnonymous(db, { now, limit: 3 })
      expect(first).toMatchObject({ identities: 3, more: true })
      const second = await purgeAbandonedAnonymous(db, { now, limit: 3 })
      expect(second).toMatchObject({ identities: 2, more: false })
    })
  })
})

import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { claimAnonymousWork, placeNewAccount } from '#app/services/accounts.server.ts'
import { addRevision, createBrief, deleteBrief } from '#app/services/briefs.server.ts'
import {
  createShareLink,
  listShareLinks,
  newShareToken,
  openShareLink,
  revokeShareLink,
  SHARE_PATTERN,
  shareLinkState,
} from '#app/services/share-links.server.ts'
import { InvalidInputError } from '#app/services/support/errors.server.ts'
import { hashToken } from '#app/services/tokens.server.ts'
import type { Db } from '#db/client.server.ts'
import { LOCAL_WORKSPACE_ID } from '#db/migrations/0001-initial.ts'
import { buildAnswers } from '#tests/support/answers.ts'
import { testDatabases } from '#tests/support/databases.ts'
import { insertUsers } from '#tests/support/users.ts'

const dbs = await testDatabases()
const ws = LOCAL_WORKSPACE_ID
const T0 = new Date('2026-06-01T09:00:00.000Z')
const daysLater = (days: number) => new Date(T0.getTime() + days * 24 * 60 * 60 * 1000)

describe('share link tokens', () => {
  it('are sbs_ and 32 base62 characters, never the same twice', () => {
    const tokens = Array.from({ length: 500 }, newShareToken)
    for (const token of tokens) expect(token).toMatch(SHARE_PATTERN)
    expect(new Set(tokens).size).toBe(tokens.length)
  })
})

describe.each(dbs)('share links on $name', (t) => {
  let db: Db
  let cleanup: () => Promise<void>

  beforeAll(async () => {
    ;({ db, cleanup } = await t.open())
  })
  afterAll(async () => cleanup())

  const newBrief = async (workspaceId = ws) =>
    (await createBrief(db, { workspaceId, answers: buildAnswers({ product: { name: 'Shared' } }), now: T0 })).brief.id
  const share = (briefId: string, extra: Partial<Parameters<typeof createShareLink>[1]> = {}) =>
    createShareLink(db, {
      workspaceId: ws,
      briefId,
      name: 'board',
      revision: null,
      expiresInDays: null,
      now: T0,
      ...extra,
    })

  it('keeps only the hash and the first characters, and opens its brief at the latest revision', async () => {
    const briefId = await newBrief()
    const made = await share(briefId)
    if (!made) throw new Error('expected a link')
    expect(made.token).toMatch(SHARE_PATTERN)
    const row = await db.db
      .selectFrom('share_links')
      .selectAll()
      .where('id', '=', made.summary.id)
      .executeTakeFirstOrThrow()
    expect(row.hash).toBe(hashToken(made.token))
    expect(row.prefix).toBe(made.token.slice(0, 8))
    expect(JSON.stringify(row)).not.toContain(made.token)
    expect(await openShareLink(db, { token: made.token, now: daysLater(1) })).toEqual({
      linkId: made.summary.id,
      workspaceId: ws,
      briefId,
      revision: null,
    })
    const [listed] = (await listShareLinks(db, { workspaceId: ws, briefId })) ?? []
    expect(listed).toMatchObject({
      name: 'board',
      prefix: made.summary.prefix,
      lastOpenedAt: daysLater(1).toISOString(),
    })
  })

  it('fixes a revision that exists, and refuses one that does not', async () => {
    const briefId = await newBrief()
    await addRevision(db, { workspaceId: ws, briefId, answers: buildAnswers({ product: { name: 'Shared 2' } }) })
    const fixed = await share(briefId, { revision: 1 })
    expect((await openShareLink(db, { token: fixed?.token ?? '' }))?.revision).toBe(1)
    for (const revision of [0, 3, 1.5]) {
      await expect(share(briefId, { revision })).rejects.toBeInstanceOf(InvalidInputError)
    }
    await expect(share(briefId, { expiresInDays: 12 })).rejects.toBeInstanceOf(InvalidInputError)
    await expect(share(briefId, { name: '  ' })).rejects.toBeInstanceOf(InvalidInputError)
  })

  it('stops at its expiry', async () => {
    const briefId = await newBrief()
    const made = await share(briefId, { expiresInDays: 7 })
    const token = made?.token ?? ''
    expect(made?.summary.expiresAt).toBe(daysLater(7).toISOString())
    expect(await openShareLink(db, { token, now: daysLater(6.9) })).not.toBeNull()
    expect(await openShareLink(db, { token, now: daysLater(7) })).toBeNull()
    if (made) expect(shareLinkState(made.summary, daysLater(8))).toBe('expired')
  })

  it('stops once revoked, and revoking again changes nothing', async () => {
    const briefId = await newBrief()
    const made = await share(briefId)
    const other = await share(briefId, { name: 'auditor' })
    if (!made || !other) throw new Error('expected links')
    const revoked = await revokeShareLink(db, { workspaceId: ws, briefId, linkId: made.summary.id, now: daysLater(1) })
    expect(revoked?.revokedAt).toBe(daysLater(1).toISOString())
    expect(await openShareLink(db, { token: made.token })).toBeNull()
    expect(await openShareLink(db, { token: other.token })).not.toBeNull()
    const again = await revokeShareLink(db, { workspaceId: ws, briefId, linkId: made.summary.id, now: daysLater(2) })
    expect(again?.revokedAt).toBe(daysLater(1).toISOString())
  })

  it('is not made, listed or revoked from another workspace, and dies with its brief', async () => {
    const briefId = await newBrief()
    const made = await share(briefId)
    if (!made) throw new Error('expected a link')
    const elsewhere = 'w_elsewhere'
    await db.db
      .insertInto('workspaces')
      .values({ id: elsewhere, name: 'Elsewhere', created_at: T0.toISOString() })
      .execute()
    expect(
      await createShareLink(db, { workspaceId: elsewhere, briefId, name: 'x', revision: null, expiresInDays: null }),
    ).toBeNull()
    expect(await listShareLinks(db, { workspaceId: elsewhere, briefId })).toBeNull()
    expect(await revokeShareLink(db, { workspaceId: elsewhere, briefId, linkId: made.summary.id })).toBeNull()
    expect(await openShareLink(db, { token: made.token })).not.toBeNull()
    await deleteBrief(db, { workspaceId: ws, briefId })
    expect(await openShareLink(db, { token: made.token })).toBeNull()
  })

  it('refuses near misses: a wrong character, another prefix, a check-in token shape', async () => {
    const briefId = await newBrief()
    const made = await share(briefId)
    const token = made?.token ?? ''
    const last = token.at(-1) === 'a' ? 'b' : 'a'
    for (const wrong of [
      `${token.slice(0, -1)}${last}`,
      `sbt_${token.slice(4)}`,
      token.slice(0, 20),
      '',
      `${token}x`,
    ]) {
      expect(await openShareLink(db, { token: wrong })).toBeNull()
    }
  })

  it('follows its brief when an anonymous identity becomes an account', async () => {
    await insertUsers(db, [{ id: 'u_owner' }, { id: 'u_anon' }, { id: 'u_new' }])
    await placeNewAccount(db, { userId: 'u_owner', anonymous: false, name: 'Owner' })
    const anon = await placeNewAccount(db, { userId: 'u_anon', anonymous: true, name: 'Anonymous' })
    const account = await placeNewAccount(db, { userId: 'u_new', anonymous: false, name: 'New' })
    const briefId = await newBrief(anon.workspaceId)
    const made = await createShareLink(db, {
      workspaceId: anon.workspaceId,
      briefId,
      name: 'board',
      revision: null,
      expiresInDays: null,
    })
    await claimAnonymousWork(db, { anonymousUserId: 'u_anon', userId: 'u_new' })
    expect((await openShareLink(db, { token: made?.token ?? '' }))?.workspaceId).toBe(account.workspaceId)
    expect(await listShareLinks(db, { workspaceId: account.workspaceId, briefId })).toHaveLength(1)
  })
})

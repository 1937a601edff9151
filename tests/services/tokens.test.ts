import crypto from 'node:crypto'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createBrief, deleteBrief } from '#app/services/briefs.server.ts'
import { InvalidInputError } from '#app/services/support/errors.server.ts'
import {
  authenticateToken,
  createToken,
  hashToken,
  listTokens,
  newToken,
  revokeToken,
  TOKEN_NAME_MAX_LENGTH,
  TOKEN_PATTERN,
} from '#app/services/tokens.server.ts'
import type { Db } from '#db/client.server.ts'
import { LOCAL_WORKSPACE_ID } from '#db/migrations/0001-initial.ts'
import type { Database } from '#db/schema.ts'
import { buildAnswers } from '#tests/support/answers.ts'
import { testDatabases } from '#tests/support/databases.ts'

const dbs = await testDatabases()
const ws = LOCAL_WORKSPACE_ID
const T0 = new Date('2026-06-01T09:00:00.000Z')
const later = (minutes: number) => new Date(T0.getTime() + minutes * 60_000)
const TABLES: (keyof Database)[] = [
  'workspaces',
  'briefs',
  'drafts',
  'revisions',
  'idempotency_keys',
  'checkins',
  'brief_tokens',
]

describe('token format', () => {
  it('is sbt_ and 32 base62 characters, never the same twice', () => {
    const tokens = Array.from({ length: 2000 }, newToken)
    for (const token of tokens) expect(token).toMatch(TOKEN_PATTERN)
    expect(new Set(tokens).size).toBe(tokens.length)
    // Every base62 character turns up: no part of the alphabet is lost to the rejection of high bytes.
    expect(new Set(tokens.flatMap((t) => [...t.slice(4)])).size).toBe(62)
  })

  it('is stored as its SHA-256', () => {
    expect(hashToken('sbt_abc')).toBe(crypto.createHash('sha256').update('sbt_abc').digest('hex'))
  })
})

describe.each(dbs)('brief tokens on $name', (t) => {
  let db: Db
  let cleanup: () => Promise<void>

  beforeEach(async () => {
    ;({ db, cleanup } = await t.open())
    await db.db.insertInto('workspaces').values({ id: 'other', name: 'Other', created_at: T0.toISOString() }).execute()
  })
  afterEach(async () => {
    vi.restoreAllMocks()
    await cleanup()
  })

  const brief = async (workspaceId = ws) =>
    (await createBrief(db, { workspaceId, answers: buildAnswers(), now: T0 })).brief.id
  const make = async (briefId: string, name = 'nightly metrics', now = T0) =>
    (await createToken(db, { workspaceId: ws, briefId, name, now }))!
  const everything = async () => {
    const dump: Record<string, unknown[]> = {}
    for (const table of TABLES) dump[table] = await db.db.selectFrom(table).selectAll().execute()
    return JSON.stringify(dump)
  }

  it('hands out the token once and keeps only its hash and first eight characters', async () => {
    const id = await brief()
    const { token, summary } = await make(id, '  nightly metrics  ')
    expect(token).toMatch(TOKEN_PATTERN)
    expect(summary).toEqual({
      id: expect.stringMatching(/^t_[a-z2-7]{16}$/),
      briefId: id,
      name: 'nightly metrics',
      prefix: token.slice(0, 8),
      createdAt: T0.toISOString(),
      lastUsedAt: null,
      revokedAt: null,
    })
    const dump = await everything()
    expect(dump).not.toContain(token)
    expect(dump).not.toContain(token.slice(8))
    expect(dump).not.toContain(token.slice(4, 20))
    const row = await db.db.selectFrom('brief_tokens').selectAll().executeTakeFirstOrThrow()
    expect(row.hash).toBe(hashToken(token))
    expect(row.prefix).toBe(token.slice(0, 8))
    expect(await listTokens(db, { workspaceId: ws, briefId: id })).toEqual([summary])
  })

  it('opens its own brief, notes when it was used, and says wrong_brief for another', async () => {
    const mine = await brief()
    const other = await brief()
    const { token, summary } = await make(mine)
    expect(await authenticateToken(db, { briefId: mine, token, now: later(5) })).toBe('ok')
    expect(await authenticateToken(db, { briefId: other, token, now: later(9) })).toBe('wrong_brief')
    expect(await listTokens(db, { workspaceId: ws, briefId: mine })).toEqual([
      { ...summary, lastUsedAt: later(5).toISOString() },
    ])
  })

  it.each([
    ['an empty string', () => ''],
    ['another well-formed token', () => newToken()],
    [
      'the token with its last character changed',
      (token: string) => `${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`,
    ],
    ['the token in lower case', (token: string) => token.toLowerCase()],
    ['the token with a space after it', (token: string) => `${token} `],
    ['the hash instead of the token', (token: string) => hashToken(token)],
  ])('refuses %s as invalid, writing nothing', async (_, guess) => {
    const id = await brief()
    const { token } = await make(id)
    const before = await everything()
    const presented = guess(token)
    if (presented === token) return
    expect(await authenticateToken(db, { briefId: id, token: presented, now: later(5) })).toBe('invalid')
    expect(await everything()).toBe(before)
  })

  it('revokes a token for good; revoking again keeps the first time', async () => {
    const id = await brief()
    const { token, summary } = await make(id)
    const revoked = await revokeToken(db, { workspaceId: ws, briefId: id, tokenId: summary.id, now: later(10) })
    expect(revoked).toEqual({ ...summary, revokedAt: later(10).toISOString() })
    expect(await revokeToken(db, { workspaceId: ws, briefId: id, tokenId: summary.id, now: later(20) })).toEqual(
      revoked,
    )
    expect(await authenticateToken(db, { briefId: id, token })).toBe('invalid')
    const other = await brief()
    expect(await authenticateToken(db, { briefId: other, token })).toBe('invalid')
    expect(await listTokens(db, { workspaceId: ws, briefId: id })).toEqual([revoked])
  })

  it('revokes only through its own brief and workspace', async () => {
    const id = await brief()
    const other = await brief()
    const { token, summary } = await make(id)
    expect(await revokeToken(db, { workspaceId: ws, briefId: other, tokenId: summary.id })).toBeNull()
    expect(await revokeToken(db, { workspaceId: 'other', briefId: id, tokenId: summary.id })).toBeNull()
    expect(await revokeToken(db, { workspaceId: ws, briefId: id, tokenId: 't_aaaaaaaaaaaaaaaa' })).toBeNull()
    expect(await authenticateToken(db, { briefId: id, token })).toBe('ok')
  })

  it('stops a token once its brief is deleted', async () => {
    const id = await brief()
    const { token } = await make(id)
    await deleteBrief(db, { workspaceId: ws, briefId: id })
    expect(await authenticateToken(db, { briefId: id, token })).toBe('invalid')
    expect(await listTokens(db, { workspaceId: ws, briefId: id })).toBeNull()
    expect(await createToken(db, { workspaceId: ws, briefId: id, name: 'x' })).toBeNull()
  })

  it('lists newest first, revoked ones too, and only within the workspace', async () => {
    const id = await brief()
    const a = await make(id, 'first', later(1))
    const b = await make(id, 'second', later(2))
    await revokeToken(db, { workspaceId: ws, briefId: id, tokenId: a.summary.id, now: later(3) })
    const listed = await listTokens(db, { workspaceId: ws, briefId: id })
    expect(listed?.map((x) => [x.name, x.revokedAt])).toEqual([
      ['second', null],
      ['first', later(3).toISOString()],
    ])
    expect(listed?.[0]).toEqual(b.summary)
    expect(await listTokens(db, { workspaceId: 'other', briefId: id })).toBeNull()
    expect(await createToken(db, { workspaceId: 'other', briefId: id, name: 'x' })).toBeNull()
  })

  it('needs a name of 1 to 80 characters', async () => {
    const id = await brief()
    for (const name of ['', '   ', 'x'.repeat(TOKEN_NAME_MAX_LENGTH + 1)]) {
      await expect(createToken(db, { workspaceId: ws, briefId: id, name })).rejects.toBeInstanceOf(InvalidInputError)
    }
    expect((await make(id, 'x'.repeat(TOKEN_NAME_MAX_LENGTH))).summary.name).toHaveLength(TOKEN_NAME_MAX_LENGTH)
  })

  describe('constant-time comparison', () => {
    const spy = () => vi.spyOn(crypto, 'timingSafeEqual')
    const sizes = (s: ReturnType<typeof spy>) =>
      s.mock.calls.map(([x, y]) => [(x as Buffer).byteLength, (y as Buffer).byteLength])

    it('compares hashes, never the token text, on a match, a near miss, an unknown prefix and a malformed token', async () => {
      const id = await brief()
      const { token } = await make(id)
      const nearMiss = `${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`
      for (const presented of [token, nearMiss, newToken(), 'not a token', '']) {
        const s = spy()
        await authenticateToken(db, { briefId: id, token: presented })
        expect(s.mock.calls.length, presented).toBeGreaterThanOrEqual(1)
        expect(sizes(s).every(([x, y]) => x === 32 && y === 32)).toBe(true)
        s.mockRestore()
      }
    })

    it('compares with every stored token that shares the prefix', async () => {
      const id = await brief()
      const { token } = await make(id)
      // A second token cut to the same first eight characters, as 62^4 prefixes allow.
      const twin = `${token.slice(0, 8)}${newToken().slice(8)}`
      await db.db
        .insertInto('brief_tokens')
        .values({
          id: 't_bbbbbbbbbbbbbbbb',
          brief_id: id,
          name: 'twin',
          prefix: twin.slice(0, 8),
          hash: hashToken(twin),
          created_at: T0.toISOString(),
          last_used_at: null,
          revoked_at: null,
        })
        .execute()
      for (const presented of [token, twin]) {
        const s = spy()
        expect(await authenticateToken(db, { briefId: id, token: presented })).toBe('ok')
        expect(s).toHaveBeenCalledTimes(2)
        s.mockRestore()
      }
    })
  })
})

import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { action as revokeAction, loader as revokeLoader } from '#app/routes/briefs.$id.tokens.$tokenId.revoke.tsx'
import { action as createAction, loader as tokensLoader } from '#app/routes/briefs.$id.tokens.tsx'
import { loader as latestLoader } from '#app/routes/briefs.$id.tsx'
import { createBrief } from '#app/services/briefs.server.ts'
import { authenticateToken, TOKEN_PATTERN } from '#app/services/tokens.server.ts'
import { type Db, setDbForTests } from '#db/client.server.ts'
import { LOCAL_WORKSPACE_ID } from '#db/migrations/0001-initial.ts'
import { testDatabases } from '#tests/support/databases.ts'
import { args, location, named, thrown, unwrap } from './revisit-support.ts'

/** Tokens from the brief's pages against real databases: made and shown once, listed by prefix, revoked after a confirmation page. */

const dbs = await testDatabases()

describe.each(dbs)('tokens on the brief pages on $name', (t) => {
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

  const newBrief = async () => (await createBrief(db, { workspaceId, answers: named('Shiftwise') })).brief.id
  const create = (id: string, name: string) => createAction(args(`/briefs/${id}/tokens`, { id }, { name }))

  it('creates a token and shows it once, with a curl line that posts a check-in with it', async () => {
    const id = await newBrief()
    const { status, body, headers } = unwrap(await create(id, '  nightly metrics job '))
    expect(status).toBe(200)
    expect(headers.get('Cache-Control')).toBe('no-store')
    const created = body.created
    if (!created) throw new Error('expected a token')
    expect(created.token).toMatch(TOKEN_PATTERN)
    expect(created).toMatchObject({ name: 'nightly metrics job', prefix: created.token.slice(0, 8) })
    expect(created.curl).toContain(`curl -X POST http://localhost/api/v1/briefs/${id}/signals`)
    expect(created.curl).toContain(`-H "Authorization: Bearer ${created.token}"`)
    expect(JSON.parse(/-d '(.*)'$/m.exec(created.curl)?.[1] ?? '')).toMatchObject({ measuredAt: expect.any(String) })
    expect(await authenticateToken(db, { briefId: id, token: created.token })).toBe('ok')

    const list = await tokensLoader(args(`/briefs/${id}/tokens`, { id }))
    expect(list.tokens).toHaveLength(1)
    expect(list.tokens[0]).toMatchObject({ name: 'nightly metrics job', prefix: created.prefix, revokedAt: null })
    expect(list.tokens[0].lastUsedAt).not.toBeNull()
    expect(JSON.stringify(list)).not.toContain(created.token)
    const page = await latestLoader(args(`/briefs/${id}`, { id }))
    expect(page.revisit.tokens.map((tk) => tk.prefix)).toEqual([created.prefix])
    expect(JSON.stringify(page)).not.toContain(created.token)
  })

  it.each([
    ['', 'Name: expected a name of 1 to 80 characters, such as "nightly metrics job", got ""'],
    ['x'.repeat(81), /^Name: expected a name of 1 to 80 characters/],
  ])('a name of %j is a 400 that keeps what was typed', async (name, message) => {
    const id = await newBrief()
    const { status, body } = unwrap(await create(id, name))
    expect(status).toBe(400)
    expect(body.created).toBeNull()
    expect(body.form?.name).toBe(name)
    expect(body.form?.error).toMatch(message)
    expect((await tokensLoader(args(`/briefs/${id}/tokens`, { id }))).tokens).toEqual([])
  })

  it('revokes a token after a confirmation page; the token is refused from then on', async () => {
    const id = await newBrief()
    const made = unwrap(await create(id, 'ci')).body.created
    const keep = unwrap(await create(id, 'cron')).body.created
    if (!made || !keep) throw new Error('expected tokens')
    const tokenId = (await tokensLoader(args(`/briefs/${id}/tokens`, { id }))).tokens.find((tk) => tk.name === 'ci')?.id
    if (!tokenId) throw new Error('expected the token in the list')
    const path = `/briefs/${id}/tokens/${tokenId}/revoke`

    const confirm = await revokeLoader(args(path, { id, tokenId }))
    expect(confirm.token).toMatchObject({ id: tokenId, name: 'ci', revokedAt: null })
    expect(await authenticateToken(db, { briefId: id, token: made.token })).toBe('ok')

    const to = location(await revokeAction(args(path, { id, tokenId }, {})))
    expect(to).toBe(`/briefs/${id}/tokens?revoked=${tokenId}`)
    const list = await tokensLoader(args(to, { id }))
    expect(list.revoked).toMatchObject({ id: tokenId, name: 'ci' })
    expect(list.tokens.find((tk) => tk.id === tokenId)?.revokedAt).not.toBeNull()
    expect(list.tokens.find((tk) => tk.name === 'cron')?.revokedAt).toBeNull()
    expect(await authenticateToken(db, { briefId: id, token: made.token })).toBe('invalid')
    expect(await authenticateToken(db, { briefId: id, token: keep.token })).toBe('ok')

    const again = await revokeLoader(args(path, { id, tokenId }))
    expect(again.token.revokedAt).not.toBeNull()
  })

  it('a token of another brief, or none, is a 404 on the confirmation page and the revoke', async () => {
    const id = await newBrief()
    const other = await newBrief()
    unwrap(await create(other, 'elsewhere'))
    const foreign = (await tokensLoader(args(`/briefs/${other}/tokens`, { id: other }))).tokens[0].id
    for (const tokenId of [foreign, 't_aaaaaaaaaaaaaaaa']) {
      const path = `/briefs/${id}/tokens/${tokenId}/revoke`
      expect((await thrown(() => revokeLoader(args(path, { id, tokenId })))).status).toBe(404)
      expect((await thrown(() => revokeAction(args(path, { id, tokenId }, {})))).status).toBe(404)
    }
    expect((await tokensLoader(args(`/briefs/${other}/tokens`, { id: other }))).tokens[0].revokedAt).toBeNull()
    const missing = 'b_aaaaaaaaaaaaaaaa'
    expect((await thrown(() => create(missing, 'x'))).status).toBe(404)
  })
})

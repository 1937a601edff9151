import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createBrief } from '#app/services/briefs.server.ts'
import {
  canonicalJson,
  hashRequest,
  IDEMPOTENCY_TTL_MS,
  purgeExpiredIdempotencyKeys,
  withIdempotency,
} from '#app/services/idempotency.server.ts'
import type { Db } from '#db/client.server.ts'
import { LOCAL_WORKSPACE_ID } from '#db/migrations/0001-initial.ts'
import { buildAnswers } from '#tests/support/answers.ts'
import { testDatabases } from '#tests/support/databases.ts'

const dbs = await testDatabases()
const ws = LOCAL_WORKSPACE_ID
const T0 = new Date('2026-06-01T09:00:00.000Z')
const later = (ms: number) => new Date(T0.getTime() + ms)

describe('canonical request hash', () => {
  it('ignores key order and whitespace, and nothing else', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { f: 2, e: 3 }], c: null } })).toBe(
      '{"a":{"c":null,"d":[1,{"e":3,"f":2}]},"b":1}',
    )
    expect(hashRequest({ a: 1, b: 2 })).toBe(hashRequest(JSON.parse('{ "b": 2,\n "a": 1 }')))
    expect(hashRequest({ a: 1 })).not.toBe(hashRequest({ a: 2 }))
    expect(hashRequest([1, 2])).not.toBe(hashRequest([2, 1]))
    expect(hashRequest({ a: '1' })).not.toBe(hashRequest({ a: 1 }))
  })
})

describe.each(dbs)('idempotency keys on $name', (t) => {
  let db: Db
  let cleanup: () => Promise<void>

  beforeEach(async () => {
    ;({ db, cleanup } = await t.open())
    await db.db.insertInto('workspaces').values({ id: 'other', name: 'Other', created_at: T0.toISOString() }).execute()
  })
  afterEach(() => cleanup())

  const briefs = async () => (await db.db.selectFrom('briefs').select('id').execute()).length
  const run = (input: { key?: string; request?: unknown; now?: Date; workspaceId?: string; operation?: string }) =>
    withIdempotency(
      db,
      {
        workspaceId: input.workspaceId ?? ws,
        operation: input.operation ?? 'create-brief',
        key: input.key ?? 'k',
        request: input.request ?? { name: 'A' },
        now: input.now ?? T0,
      },
      async (scoped) => {
        const { brief } = await createBrief(scoped, { workspaceId: input.workspaceId ?? ws, answers: buildAnswers() })
        return { status: 201, body: { id: brief.id } }
      },
    )

  it('runs the work once and replays its status and body for the same request', async () => {
    const first = await run({})
    expect(first).toMatchObject({ kind: 'fresh', status: 201 })
    const again = await run({ now: later(60_000) })
    expect(again).toEqual({ kind: 'replayed', status: 201, body: (first as { body: unknown }).body })
    expect(await briefs()).toBe(1)
    const [row] = await db.db.selectFrom('idempotency_keys').selectAll().execute()
    expect(row).toMatchObject({ workspace_id: ws, scope: 'create-brief', key: 'k', status: 201 })
    expect(row.request_hash).toBe(hashRequest({ name: 'A' }))
  })

  it('reports a conflict for the same key with another request, running nothing', async () => {
    await run({})
    expect(await run({ request: { name: 'B' } })).toEqual({ kind: 'conflict' })
    expect(await briefs()).toBe(1)
  })

  it('keeps keys apart by workspace and by operation', async () => {
    await run({})
    expect((await run({ workspaceId: 'other' })).kind).toBe('fresh')
    expect((await run({ operation: 'add-revision' })).kind).toBe('fresh')
    expect(await briefs()).toBe(3)
  })

  it('forgets a key after 24 hours', async () => {
    await run({})
    expect((await run({ now: later(IDEMPOTENCY_TTL_MS - 1) })).kind).toBe('replayed')
    expect((await run({ request: { name: 'B' }, now: later(IDEMPOTENCY_TTL_MS + 1) })).kind).toBe('fresh')
    expect(await briefs()).toBe(2)
    expect(await purgeExpiredIdempotencyKeys(db, later(3 * IDEMPOTENCY_TTL_MS))).toBe(1)
  })

  it('rolls the key back with the work when the work fails', async () => {
    const failing = withIdempotency(
      db,
      { workspaceId: ws, operation: 'op', key: 'k', request: 1, now: T0 },
      async (s) => {
        await createBrief(s, { workspaceId: ws, answers: buildAnswers() })
        throw new Error('boom')
      },
    )
    await expect(failing).rejects.toThrow('boom')
    expect(await briefs()).toBe(0)
    expect(await db.db.selectFrom('idempotency_keys').selectAll().execute()).toEqual([])
  })

  it('lets concurrent requests with one key create once and all get the same answer', async () => {
    const outcomes = await Promise.all(Array.from({ length: 6 }, () => run({ key: 'race' })))
    expect(outcomes.filter((o) => o.kind === 'fresh')).toHaveLength(1)
    expect(new Set(outcomes.map((o) => JSON.stringify('body' in o ? o.body : o))).size).toBe(1)
    expect(await briefs()).toBe(1)
  })
})

import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { action as deleteAction, loader as deletePageLoader } from '#app/routes/briefs.$id.delete.tsx'
import { loader as markdownLoader } from '#app/routes/briefs.$id.revisions.$n.brief[.md].tsx'
import { loader as signalsPageLoader } from '#app/routes/briefs.$id.signals.tsx'
import { loader as latestLoader } from '#app/routes/briefs.$id.tsx'
import { loader as deletedLoader, action as restoreAction } from '#app/routes/deleted.tsx'
import { loader as homeLoader } from '#app/routes/home.tsx'
import { createBrief } from '#app/services/briefs.server.ts'
import { createToken } from '#app/services/tokens.server.ts'
import { type Db, setDbForTests } from '#db/client.server.ts'
import { LOCAL_WORKSPACE_ID } from '#db/migrations/0001-initial.ts'
import { buildAnswers } from '#tests/support/answers.ts'
import { testDatabases } from '#tests/support/databases.ts'
import { asLocalOwner } from '#tests/support/identity.ts'
import { api } from './api-client.ts'
import { args, unwrap } from './revisit-support.ts'

/** Deleting a brief through the API and its page: gone everywhere, back from Recently deleted. */

const dbs = await testDatabases()
const ws = LOCAL_WORKSPACE_ID
const CHECKIN = { measuredAt: new Date().toISOString().slice(0, 10), activeUsers: 120 }

async function status(run: () => Promise<unknown>): Promise<number> {
  try {
    const result = await run()
    return result instanceof Response ? result.status : 200
  } catch (error) {
    if (error instanceof Response) return error.status
    throw error
  }
}

describe.each(dbs)('deleting briefs on $name', (t) => {
  let db: Db
  let cleanup: () => Promise<void>

  beforeEach(async () => {
    ;({ db, cleanup } = await t.open())
    setDbForTests(db)
  })
  afterEach(async () => {
    setDbForTests(undefined)
    await cleanup()
  })

  const newBrief = async (name = 'Doomed') =>
    (await createBrief(db, { workspaceId: ws, answers: buildAnswers({ product: { name } }) })).brief.id

  /** Every way to reach a brief: API reads, check-ins by token, the page, a download, the check-ins page. */
  async function reach(id: string, token: string): Promise<number[]> {
    return [
      (await api('GET', `/api/v1/briefs/${id}`)).status,
      (await api('GET', `/api/v1/briefs/${id}/revisions`)).status,
      (await api('GET', `/api/v1/briefs/${id}/revisions/1`)).status,
      (await api('GET', `/api/v1/briefs/${id}/signals`)).status,
      (
        await api('POST', `/api/v1/briefs/${id}/signals`, {
          body: CHECKIN,
          headers: { Authorization: `Bearer ${token}` },
        })
      ).status,
      await status(() => latestLoader(args(`/briefs/${id}`, { id }))),
      await status(() => markdownLoader(args(`/briefs/${id}/revisions/1/brief.md`, { id, n: '1' }))),
      await status(() => signalsPageLoader(args(`/briefs/${id}/signals`, { id }))),
    ]
  }

  it('DELETE answers 204, then the brief is 404 everywhere, and restore brings it all back', async () => {
    const id = await newBrief()
    const { token } = (await createToken(db, { workspaceId: ws, briefId: id, name: 'ci' }))!
    expect(await reach(id, token)).toEqual([200, 200, 200, 200, 201, 200, 200, 200])

    const deleted = await api('DELETE', `/api/v1/briefs/${id}`)
    expect(deleted.status).toBe(204)
    expect(await deleted.text()).toBe('')
    // A token for a deleted brief is refused like an unknown one.
    expect(await reach(id, token)).toEqual([404, 404, 404, 404, 401, 404, 404, 404])
    expect((await (await api('GET', '/api/v1/briefs')).json()).items).toEqual([])
    expect((await api('DELETE', `/api/v1/briefs/${id}`)).status).toBe(404)

    const restored = await api('POST', `/api/v1/briefs/${id}/restore`)
    expect(restored.status).toBe(200)
    expect(await restored.json()).toMatchObject({ id, title: 'Doomed', headRevision: 1 })
    expect(await reach(id, token)).toEqual([200, 200, 200, 200, 201, 200, 200, 200])
    expect((await api('POST', `/api/v1/briefs/${id}/restore`)).status).toBe(404)
  })

  it('answers 404 for a brief that never was and for a malformed id', async () => {
    expect((await api('DELETE', '/api/v1/briefs/b_aaaaaaaaaaaaaaaa')).status).toBe(404)
    expect((await api('DELETE', '/api/v1/briefs/nope')).status).toBe(404)
    expect((await api('POST', '/api/v1/briefs/nope/restore')).status).toBe(404)
  })

  it('deletes from the page after a confirmation, lists it as recently deleted and restores it from there', async () => {
    const id = await newBrief('Page brief')
    const keep = await newBrief('Other brief')
    const confirm = unwrap(await deletePageLoader(args(`/briefs/${id}/delete`, { id })))
    expect(confirm.body).toMatchObject({ briefId: id, title: 'Page brief', graceDays: 30 })

    const done = await deleteAction(args(`/briefs/${id}/delete`, { id }, {}))
    expect(done.status).toBe(303)
    expect(done.headers.get('Location')).toBe(`/deleted?deleted=${id}`)
    const home = await homeLoader({ request: new Request('http://localhost/'), context: asLocalOwner() })
    expect(home.saved.items.map((b) => b.id)).toEqual([keep])

    const list = unwrap(await deletedLoader(args(`/deleted?deleted=${id}`, {})))
    expect(list.body.items.map((b) => b.id)).toEqual([id])
    expect(list.body.justDeleted?.title).toBe('Page brief')
    // Deleting twice, or a confirmation page for a deleted brief, is a 404.
    expect(await status(() => deletePageLoader(args(`/briefs/${id}/delete`, { id })))).toBe(404)
    expect(await status(() => deleteAction(args(`/briefs/${id}/delete`, { id }, {})))).toBe(404)

    const back = await restoreAction(args('/deleted', {}, { intent: 'restore', briefId: id }))
    expect(back).toBeInstanceOf(Response)
    expect((back as Response).headers.get('Location')).toBe(`/briefs/${id}`)
    expect(await status(() => latestLoader(args(`/briefs/${id}`, { id })))).toBe(200)
    expect(unwrap(await deletedLoader(args('/deleted', {}))).body.items).toEqual([])

    const again = await restoreAction(args('/deleted', {}, { intent: 'restore', briefId: id }))
    const refused = unwrap(again as Exclude<typeof again, Response>)
    expect(refused.status).toBe(409)
    expect(refused.body).toMatchObject({ error: expect.stringContaining('no longer in Recently deleted') })
    const bad = await restoreAction(args('/deleted', {}, { intent: 'restore', briefId: '../x' }))
    expect(unwrap(bad as Exclude<typeof bad, Response>).status).toBe(400)
  })
})

import { afterAll, describe, expect, it } from 'vitest'
import { action } from '#app/routes/settings.tsx'
import { createBrief, listBriefs } from '#app/services/briefs.server.ts'
import { exportWorkspace } from '#app/services/transfer/export.server.ts'
import { type Db, setDbForTests } from '#db/client.server.ts'
import { LOCAL_WORKSPACE_ID } from '#db/migrations/0001-initial.ts'
import { buildAnswers } from '#tests/support/answers.ts'
import { testDatabases } from '#tests/support/databases.ts'
import { asLocalOwner } from '#tests/support/identity.ts'

/** The settings page's import form: an export uploaded from the browser, read everything-or-nothing. */

const dbs = await testDatabases()
const opened: (() => Promise<void>)[] = []
afterAll(async () => {
  setDbForTests(undefined)
  for (const cleanup of opened) await cleanup()
})

async function exportBytes(db: Db): Promise<Uint8Array> {
  const { stream, done } = exportWorkspace(db, { workspaceId: LOCAL_WORKSPACE_ID })
  const bytes = new Uint8Array(await new Response(stream).arrayBuffer())
  await done
  return bytes
}

function upload(file: Blob | null, name = 'stackbrief-data.zip'): Request {
  const form = new FormData()
  if (file) form.append('archive', file, name)
  return new Request('http://localhost/settings', { method: 'POST', body: form })
}

async function answered(request: Request): Promise<{ status: number; body: unknown }> {
  let response: unknown
  try {
    response = await action({ request, params: {}, context: asLocalOwner() })
  } catch (thrown) {
    if (!(thrown instanceof Response)) throw thrown
    return { status: thrown.status, body: await thrown.text() }
  }
  const d = response as { data: unknown; init?: { status?: number } }
  return { status: d.init?.status ?? 200, body: d.data }
}

describe.each(dbs)('import from the settings page on $name', (t) => {
  it('reads an export from another instance, then refuses the same archive a second time, changing nothing', async () => {
    const source = await t.open()
    opened.push(source.cleanup)
    await createBrief(source.db, { workspaceId: LOCAL_WORKSPACE_ID, answers: buildAnswers() })
    await createBrief(source.db, { workspaceId: LOCAL_WORKSPACE_ID, answers: buildAnswers() })
    const archive = new Blob([(await exportBytes(source.db)) as Uint8Array<ArrayBuffer>], { type: 'application/zip' })

    const target = await t.open()
    opened.push(target.cleanup)
    setDbForTests(target.db)
    const first = await answered(upload(archive))
    expect(first.status).toBe(200)
    expect(first.body).toMatchObject({ ok: true, counts: { briefs: 2, revisions: 2, checkins: 0 } })
    const listed = async () => (await listBriefs(target.db, { workspaceId: LOCAL_WORKSPACE_ID })).items.length
    expect(await listed()).toBe(2)

    const again = await answered(upload(archive))
    expect(again.status).toBe(422)
    expect(JSON.stringify(again.body)).toMatch(/imported already/)
    expect(await listed()).toBe(2)
  }, 60_000)

  it('answers what is not an export with the problem, and what is not an upload with 415', async () => {
    const target = await t.open()
    opened.push(target.cleanup)
    setDbForTests(target.db)
    const notZip = await answered(upload(new Blob(['name,plan\n'], { type: 'text/csv' }), 'plan.csv'))
    expect(notZip.status).toBe(422)
    expect(notZip.body).toMatchObject({ ok: false })
    const noFile = await answered(upload(null))
    expect(noFile).toMatchObject({ status: 422, body: { problems: [{ path: 'archive' }] } })
    const json = await answered(
      new Request('http://localhost/settings', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: '{}',
      }),
    )
    expect(json.status).toBe(415)
    const huge = await answered(
      new Request('http://localhost/settings', {
        method: 'POST',
        headers: { 'Content-Type': 'multipart/form-data; boundary=x', 'Content-Length': String(2 ** 40) },
        body: '--x--',
      }),
    )
    expect(huge.status).toBe(413)
  }, 60_000)
})

import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import pino from 'pino'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createBrief } from '#app/services/briefs.server.ts'
import { createDraft } from '#app/services/drafts.server.ts'
import { setDbForTests } from '#db/client.server.ts'
import { LOCAL_WORKSPACE_ID } from '#db/migrations/0001-initial.ts'
import { fuzzRequests, runFuzz } from '#tests/load/fuzz.ts'
import { buildAnswers } from '#tests/support/answers.ts'
import { testDatabases } from '#tests/support/databases.ts'

/**
 * ~1,000 malformed requests (500 per database) across every route, through
 * the real server on 127.0.0.1: none may answer 5xx or drop the connection.
 * `tests/load/run.ts fuzz` sends 10,000.
 */

const PER_DATABASE = 500

describe.each(await testDatabases())('malformed requests on $name', { timeout: 600_000 }, (database) => {
  let server: Server
  let base: string
  let cleanup: () => Promise<void>
  let ids: { brief: string; draft: string }

  beforeAll(async () => {
    const opened = await database.open()
    cleanup = opened.cleanup
    setDbForTests(opened.db)
    const { brief } = await createBrief(opened.db, { workspaceId: LOCAL_WORKSPACE_ID, answers: buildAnswers() })
    const draft = await createDraft(opened.db, { workspaceId: LOCAL_WORKSPACE_ID })
    ids = { brief: brief.id, draft: draft.id }
    const app = await createApp()
    server = app.listen(0, '127.0.0.1')
    await new Promise((resolve) => server.once('listening', resolve))
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  }, 120_000)

  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve))
    setDbForTests(undefined)
    await cleanup()
  })

  it(`answers ${PER_DATABASE} malformed requests with no 5xx`, async () => {
    const result = await runFuzz(base, fuzzRequests(PER_DATABASE, 12, ids))
    if (result.failures.length > 0) console.error(JSON.stringify(result.failures.slice(0, 60), null, 1))
    expect(result.total).toBe(PER_DATABASE)
    expect(result.failures.slice(0, 40)).toEqual([])
    // Most were refused as they should be, not served.
    const refused = Object.entries(result.byStatus)
      .filter(([status]) => Number(status) >= 400)
      .reduce((sum, [, n]) => sum + n, 0)
    expect(refused).toBeGreaterThan(PER_DATABASE / 2)
  })
})

async function createApp() {
  const { createApp: create } = await import('../../server.ts')
  return create({ mode: 'development', logger: pino({ level: 'silent' }) })
}

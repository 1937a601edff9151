import { unzipSync } from 'fflate'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createBrief, deleteBrief } from '#app/services/briefs.server.ts'
import { importWorkspace } from '#app/services/transfer/import.server.ts'
import { type Db, setDbForTests } from '#db/client.server.ts'
import { LOCAL_WORKSPACE_ID } from '#db/migrations/0001-initial.ts'
import { buildAnswers } from '#tests/support/answers.ts'
import { testDatabases } from '#tests/support/databases.ts'
import { api } from './api-client.ts'

const dbs = await testDatabases()
const ws = LOCAL_WORKSPACE_ID

describe.each(dbs)('GET /api/v1/export on $name', (t) => {
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

  it('streams the workspace as a zip that imports elsewhere, without deleted briefs', async () => {
    const kept = (await createBrief(db, { workspaceId: ws, answers: buildAnswers({ product: { name: 'Kept' } }) }))
      .brief
    const gone = (await createBrief(db, { workspaceId: ws, answers: buildAnswers({ product: { name: 'Gone' } }) }))
      .brief
    await deleteBrief(db, { workspaceId: ws, briefId: gone.id })

    const response = await api('GET', '/api/v1/export')
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('application/zip')
    expect(response.headers.get('content-disposition')).toMatch(
      /^attachment; filename="stackbrief-export-\d{4}-\d{2}-\d{2}\.zip"$/,
    )
    expect(response.headers.get('cache-control')).toBe('no-store')
    const bytes = new Uint8Array(await response.arrayBuffer())
    expect(Object.keys(unzipSync(bytes))).toEqual([
      'stackbrief-export.json',
      `briefs/${kept.id}/brief.json`,
      `briefs/${kept.id}/revisions/000001.json`,
    ])

    const head = await api('HEAD', '/api/v1/export')
    expect(head.status).toBe(200)
    expect(head.body).toBeNull()

    const other = await t.open()
    try {
      const counts = await importWorkspace(other.db, {
        workspaceId: ws,
        source: (async function* () {
          yield bytes
        })(),
      })
      expect(counts).toEqual({ briefs: 1, revisions: 1, checkins: 0 })
    } finally {
      await other.cleanup()
    }
  })
})

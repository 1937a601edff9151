import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { AnswersSchema } from '#app/engine/answers.ts'
import { createBrief } from '#app/services/briefs.server.ts'
import { type Db, setDbForTests } from '#db/client.server.ts'
import { LOCAL_WORKSPACE_ID } from '#db/migrations/0001-initial.ts'
import { testDatabases } from '#tests/support/databases.ts'
import { asLocalOwner } from '#tests/support/identity.ts'

/**
 * The render pool past its queue: with one worker and room for one waiting
 * render, a burst of distinct downloads gets 503 with Retry-After for what
 * does not fit, and everything it accepted arrives whole.
 */

process.env.STACKBRIEF_RENDER_WORKERS = '1'
process.env.STACKBRIEF_RENDER_QUEUE = '1'
const { loader: revisionPdf } = await import('#app/routes/briefs.$id.revisions.$n.brief[.]pdf.tsx')
const { loader: revisionZip } = await import('#app/routes/briefs.$id.revisions.$n.adr[.zip].tsx')

const [sqlite] = await testDatabases()

describe('render pool with one worker and a queue of one', () => {
  let db: Db
  let cleanup: () => Promise<void>
  let briefId: string

  beforeAll(async () => {
    ;({ db, cleanup } = await sqlite.open())
    setDbForTests(db)
    const answers = AnswersSchema.parse(
      parse(readFileSync(join(process.cwd(), 'content', 'examples', 'b2b-saas.yaml'), 'utf8')),
    )
    briefId = (await createBrief(db, { workspaceId: LOCAL_WORKSPACE_ID, answers })).brief.id
  })

  afterAll(async () => {
    setDbForTests(undefined)
    await cleanup()
  })

  it('refuses what does not fit with 503 and Retry-After, and serves the rest', async () => {
    const args = (path: string) => ({
      request: new Request(`http://localhost${path}`),
      params: { id: briefId, n: '1' },
      context: asLocalOwner(),
    })
    // Distinct clients make distinct files, so none is answered from the cache.
    const responses = await Promise.all([
      ...Array.from({ length: 4 }, (_, i) =>
        revisionPdf(args(`/briefs/${briefId}/revisions/1/brief.pdf?client=C${i}`)),
      ),
      ...Array.from({ length: 2 }, (_, i) => revisionZip(args(`/briefs/${briefId}/revisions/1/adr.zip?client=Z${i}`))),
    ])
    const statuses = responses.map((r) => r.status)
    expect(statuses.filter((s) => s === 200).length).toBe(2)
    const refused = responses.filter((r) => r.status === 503)
    expect(refused.length).toBe(4)
    for (const r of refused) {
      expect(r.headers.get('Retry-After')).toBe('5')
      expect(await r.text()).toMatch(/busy/)
    }
    for (const r of responses.filter((x) => x.status === 200))
      expect((await r.arrayBuffer()).byteLength).toBeGreaterThan(1000)
  }, 60_000)
})

import type {
  KyselyPlugin,
  PluginTransformQueryArgs,
  PluginTransformResultArgs,
  QueryResult,
  RootOperationNode,
  UnknownRow,
} from 'kysely'
import { SelectQueryNode } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loader as revisionLoader } from '#app/routes/briefs.$id.revisions.$n.tsx'
import { loader as latestLoader } from '#app/routes/briefs.$id.tsx'
import { addRevision, createBrief } from '#app/services/briefs.server.ts'
import { type Db, setDbForTests } from '#db/client.server.ts'
import { LOCAL_WORKSPACE_ID } from '#db/migrations/0001-initial.ts'
import { buildAnswers } from '#tests/support/answers.ts'
import { testDatabases } from '#tests/support/databases.ts'
import { asLocalOwner } from '#tests/support/identity.ts'

/**
 * What a brief page asks the database for, counted at the query builder: the
 * head revision's answers and brief (the large JSON columns) are read once
 * per request, however many panels the page shows.
 */

/** Records every SELECT the routes run, by the SQL Kysely compiles. */
class SelectLog implements KyselyPlugin {
  readonly queries: RootOperationNode[] = []
  transformQuery({ node }: PluginTransformQueryArgs): RootOperationNode {
    if (SelectQueryNode.is(node)) this.queries.push(node)
    return node
  }
  async transformResult({ result }: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    return result
  }
}

const dbs = await testDatabases()

describe.each(dbs)('the brief page’s reads on $name', (t) => {
  let db: Db
  let cleanup: () => Promise<void>
  let log: SelectLog
  let briefId: string

  beforeAll(async () => {
    ;({ db, cleanup } = await t.open())
    log = new SelectLog()
    setDbForTests({ ...db, db: db.db.withPlugin(log) })
    briefId = (await createBrief(db, { workspaceId: LOCAL_WORKSPACE_ID, answers: buildAnswers() })).brief.id
    await addRevision(db, {
      workspaceId: LOCAL_WORKSPACE_ID,
      briefId,
      answers: buildAnswers({ product: { name: 'Second' } }),
    })
  })

  afterAll(async () => {
    setDbForTests(undefined)
    await cleanup()
  })

  /** The queries of one loader call that read a revision's stored brief: the whole head, not a summary. */
  async function fullRevisionReads(load: () => Promise<unknown>): Promise<number> {
    log.queries.length = 0
    await load()
    return log.queries
      .map((node) => db.db.getExecutor().compileQuery(node, { queryId: 'count' }).sql)
      .filter((sql) => /"revisions"\."brief"|select [^;]*"brief"[^;]* from "revisions"/i.test(sql)).length
  }

  const request = (path: string) => new Request(`http://localhost${path}`)

  it('reads the head revision once for /briefs/:id, revisit panel included', async () => {
    const reads = await fullRevisionReads(() =>
      latestLoader({ request: request(`/briefs/${briefId}`), params: { id: briefId }, context: asLocalOwner() }),
    )
    expect(reads).toBe(1)
  })

  it('reads the revision once for /briefs/:id/revisions/:n', async () => {
    const reads = await fullRevisionReads(() =>
      revisionLoader({
        request: request(`/briefs/${briefId}/revisions/1`),
        params: { id: briefId, n: '1' },
        context: asLocalOwner(),
      }),
    )
    expect(reads).toBe(1)
  })
})

import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll } from 'vitest'
import { parse } from 'yaml'
import { type Answers, AnswersSchema } from '#app/engine/answers.ts'
import { createBrief } from '#app/services/briefs.server.ts'
import { type Db, setDbForTests } from '#db/client.server.ts'
import { LOCAL_WORKSPACE_ID } from '#db/migrations/0001-initial.ts'
import type { TestDatabase } from './databases.ts'

/** The b2b-saas example's answers, parsed as a saved brief holds them. */
export const EXAMPLE_ANSWERS: Answers = AnswersSchema.parse(
  parse(readFileSync(join(process.cwd(), 'content', 'examples', 'b2b-saas.yaml'), 'utf8')),
)

export interface RouteDatabase {
  /** The open database, the one routes read (set in beforeAll). */
  readonly db: Db
  /** A new brief in the local workspace from these answers (the example by default); its id. */
  newBrief(answers?: Answers): Promise<string>
}

/**
 * For route tests inside a `describe.each(await testDatabases())`: opens the
 * database before the block's tests, hands it to the routes, and closes it after.
 */
export function useRouteDatabase(t: TestDatabase): RouteDatabase {
  let db: Db | undefined
  let cleanup: (() => Promise<void>) | undefined
  beforeAll(async () => {
    ;({ db, cleanup } = await t.open())
    setDbForTests(db)
  })
  afterAll(async () => {
    setDbForTests(undefined)
    await cleanup?.()
  })
  const open = (): Db => {
    if (!db) throw new Error('the test database is opened in beforeAll')
    return db
  }
  return {
    get db() {
      return open()
    },
    async newBrief(answers = EXAMPLE_ANSWERS) {
      return (await createBrief(open(), { workspaceId: LOCAL_WORKSPACE_ID, answers })).brief.id
    },
  }
}

import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Kysely } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { CliIO } from '#app/cli/command.ts'
import { run } from '#app/cli/main.ts'
import { placeNewAccount } from '#app/services/accounts.server.ts'
import { createBrief, listBriefs } from '#app/services/briefs.server.ts'
import { listWorkspaces } from '#app/services/workspaces.server.ts'
import { type Db, migrateToLatest, openDatabase } from '#db/client.server.ts'
import { LOCAL_WORKSPACE_ID } from '#db/migrations/0001-initial.ts'
import { buildAnswers } from '#tests/support/answers.ts'

/** An operator moving one client's workspace between instances from the command line. */

let dir: string
let source: string
let db: Db
let clientWorkspace: string
const CLIENT_EMAIL = 'client@example.test'

function io(): CliIO & { out: string; err: string } {
  const captured = {
    out: '',
    err: '',
    stdout: (text: string) => {
      captured.out += text
    },
    stderr: (text: string) => {
      captured.err += text
    },
    cwd: dir,
    env: {},
    readStdin: async () => new Uint8Array(),
  }
  return captured
}

async function addAccount(target: Db, id: string, email: string, anonymous = false) {
  const now = new Date().toISOString()
  await (target.db as unknown as Kysely<Record<string, Record<string, unknown>>>)
    .insertInto('auth_user')
    .values({ id, name: id, email, emailVerified: 0, createdAt: now, updatedAt: now, isAnonymous: anonymous ? 1 : 0 })
    .execute()
  return (await placeNewAccount(target, { userId: id, anonymous, name: id })).workspaceId
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'stackbrief-workspaces-'))
  source = join(dir, 'source.db')
  db = openDatabase(source)
  await migrateToLatest(db.db, db.dialect)
  // The first account takes the local workspace; the client's is their own.
  expect(await addAccount(db, 'u_consultant', 'consultant@example.test')).toBe(LOCAL_WORKSPACE_ID)
  clientWorkspace = await addAccount(db, 'u_client', CLIENT_EMAIL)
  await addAccount(db, 'u_anon', 'x@anonymous.stackbrief.invalid', true)
  await createBrief(db, { workspaceId: LOCAL_WORKSPACE_ID, answers: buildAnswers({ product: { name: 'Own' } }) })
  for (const name of ['Client portal', 'Client billing']) {
    await createBrief(db, { workspaceId: clientWorkspace, answers: buildAnswers({ product: { name } }) })
  }
})

afterAll(async () => {
  await db.close()
  rmSync(dir, { recursive: true, force: true })
})

describe('workspaces on the command line', () => {
  it('lists the workspaces that hold briefs, the most first, with their owners', async () => {
    const listed = await listWorkspaces(db)
    expect(listed.map((w) => [w.id, w.briefs, w.owners])).toEqual([
      [clientWorkspace, 2, [CLIENT_EMAIL]],
      [LOCAL_WORKSPACE_ID, 1, ['consultant@example.test']],
    ])
    const cli = io()
    expect(await run(['workspaces', '--database', source], cli)).toBe(0)
    const lines = cli.out.trim().split('\n')
    expect(lines[0]).toBe(`2 workspaces in SQLite at ${source}`)
    expect(lines[1]).toMatch(new RegExp(`^${clientWorkspace}\\s+2 briefs\\s+${CLIENT_EMAIL}\\s+`))
    expect(lines[2]).toMatch(/^local\s+1 brief\s+consultant@example\.test\s+Local workspace$/)
  })

  it("exports a client's workspace named by their email and imports it into a workspace named by id", async () => {
    const zip = join(dir, 'client.zip')
    const out = io()
    expect(await run(['export', '--workspace', CLIENT_EMAIL, '--out', zip, '--database', source], out)).toBe(0)
    expect(out.out).toContain(
      `Exported 2 briefs, 2 revisions and 0 check-ins from u_client's workspace (${clientWorkspace})`,
    )

    const target = join(dir, 'target.db')
    const targetDb = openDatabase(target)
    await migrateToLatest(targetDb.db, targetDb.dialect)
    const otherWorkspace = await addAccount(targetDb, 'u_second', 'second@example.test')
    await targetDb.close()

    const into = io()
    expect(await run(['import', zip, '--workspace', otherWorkspace, '--database', target], into)).toBe(0)
    expect(into.out).toContain(`Imported 2 briefs, 2 revisions and 0 check-ins from ${zip} into`)
    const check = openDatabase(target)
    try {
      const briefs = await listBriefs(check, { workspaceId: otherWorkspace })
      expect(briefs.items.map((b) => b.title).sort()).toEqual(['Client billing', 'Client portal'])
    } finally {
      await check.close()
    }
  })

  it('exits 2 naming --workspace when no workspace or account matches', async () => {
    for (const reference of ['nobody@example.test', 'w_missing']) {
      const cli = io()
      expect(
        await run(['export', '--workspace', reference, '--out', join(dir, 'x.zip'), '--database', source], cli),
      ).toBe(2)
      expect(cli.err).toContain(`--workspace: expected the id of a workspace or the email of an account`)
      expect(cli.err).toContain(JSON.stringify(reference))
    }
  })
})

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { strToU8, unzipSync, zipSync } from 'fflate'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { CliIO } from '#app/cli/command.ts'
import { run } from '#app/cli/main.ts'
import { SignalsSchema } from '#app/engine/signals.ts'
import { addRevision, createBrief, deleteBrief } from '#app/services/briefs.server.ts'
import { recordCheckin } from '#app/services/checkins.server.ts'
import { createDraft } from '#app/services/drafts.server.ts'
import { addNote, notesAt, removeNote } from '#app/services/notes.server.ts'
import { InvalidInputError } from '#app/services/support/errors.server.ts'
import { createToken } from '#app/services/tokens.server.ts'
import { exportWorkspace } from '#app/services/transfer/export.server.ts'
import { importWorkspace } from '#app/services/transfer/import.server.ts'
import type { Db } from '#db/client.server.ts'
import { LOCAL_WORKSPACE_ID } from '#db/migrations/0001-initial.ts'
import { buildAnswers } from '#tests/support/answers.ts'
import { type TestDatabase, testDatabases } from '#tests/support/databases.ts'

/** Export and import: a workspace moved between SQLite and PostgreSQL comes back identical. */

const dbs = await testDatabases()
const sqlite = dbs.find((d) => d.name === 'sqlite') as TestDatabase
const postgres = dbs.find((d) => d.name === 'postgres') ?? sqlite
const ws = LOCAL_WORKSPACE_ID
const opened: { cleanup: () => Promise<void> }[] = []
const open = async (t: TestDatabase) => {
  const o = await t.open()
  opened.push(o)
  return o.db
}
afterAll(async () => {
  for (const o of opened) await o.cleanup()
})

async function exportBytes(db: Db): Promise<Uint8Array> {
  const { stream, done } = exportWorkspace(db, { workspaceId: ws })
  const bytes = new Uint8Array(await new Response(stream).arrayBuffer())
  await done
  return bytes
}
async function* chunks(bytes: Uint8Array, size = 4096) {
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size)
}
const importBytes = (db: Db, bytes: Uint8Array) => importWorkspace(db, { workspaceId: ws, source: chunks(bytes) })

/** Everything an export carries, as stored, in a fixed order. */
async function contents(db: Db) {
  return {
    briefs: await db.db
      .selectFrom('briefs')
      .select(['id', 'workspace_id', 'title', 'head_revision', 'created_at', 'updated_at', 'review_by', 'deleted_at'])
      .where('deleted_at', 'is', null)
      .orderBy('id')
      .execute(),
    revisions: await db.db
      .selectFrom('revisions')
      .innerJoin('briefs', 'briefs.id', 'revisions.brief_id')
      .select([
        'revisions.brief_id',
        'revisions.number',
        'revisions.answers',
        'revisions.brief',
        'revisions.engine_version',
        'revisions.catalog_version',
        'revisions.created_at',
      ])
      .where('briefs.deleted_at', 'is', null)
      .orderBy('revisions.brief_id')
      .orderBy('revisions.number')
      .execute(),
    checkins: await db.db
      .selectFrom('checkins')
      .innerJoin('briefs', 'briefs.id', 'checkins.brief_id')
      .select([
        'checkins.id',
        'checkins.brief_id',
        'checkins.measured_at',
        'checkins.figures',
        'checkins.source',
        'checkins.created_at',
      ])
      .where('briefs.deleted_at', 'is', null)
      .orderBy('checkins.id')
      .execute(),
    notes: await db.db
      .selectFrom('brief_notes')
      .innerJoin('briefs', 'briefs.id', 'brief_notes.brief_id')
      .select([
        'brief_notes.id',
        'brief_notes.brief_id',
        'brief_notes.workspace_id',
        'brief_notes.section',
        'brief_notes.body',
        'brief_notes.from_revision',
        'brief_notes.until_revision',
        'brief_notes.created_at',
      ])
      .where('briefs.deleted_at', 'is', null)
      .orderBy('brief_notes.id')
      .execute(),
  }
}

describe(`export and import, SQLite → ${postgres.name} → SQLite`, () => {
  let source: Db
  beforeAll(async () => {
    source = await open(sqlite)
    for (const [i, name] of ['Alpha', 'Beta', 'Ünïcode “quoted” \\ name'].entries()) {
      const { brief } = await createBrief(db(), { workspaceId: ws, answers: buildAnswers({ product: { name } }) })
      for (let r = 2; r <= 3 + i; r++) {
        await addRevision(db(), {
          workspaceId: ws,
          briefId: brief.id,
          answers: buildAnswers({ product: { name }, load: { activeUsersIn12Months: 1000 * r } }),
        })
      }
      for (let c = 1; c <= 2; c++) {
        await recordCheckin(db(), {
          workspaceId: ws,
          briefId: brief.id,
          signals: SignalsSchema.parse({ measuredAt: `2026-10-0${c}`, activeUsers: 100 * c, p95LatencyMs: 180 }),
          source: c === 1 ? 'web' : 'api',
        })
      }
      await createToken(db(), { workspaceId: ws, briefId: brief.id, name: 'ci' })
      const note = { section: 'risks' as const, body: `Ask ${name} about the **credits**.\n<b>bold</b>` }
      await addNote(db(), { workspaceId: ws, briefId: brief.id, revision: 1, note })
      await addNote(db(), { workspaceId: ws, briefId: brief.id, revision: 2, note: { ...note, section: 'costs' } })
      const [removed] = await notesAt(db(), { workspaceId: ws, briefId: brief.id, revision: 2 })
      await removeNote(db(), { workspaceId: ws, briefId: brief.id, revision: 3, noteId: removed.id })
    }
    const { brief: gone } = await createBrief(db(), {
      workspaceId: ws,
      answers: buildAnswers({ product: { name: 'Gone' } }),
    })
    await deleteBrief(db(), { workspaceId: ws, briefId: gone.id })
    await createDraft(db(), { workspaceId: ws })
    function db() {
      return source
    }
  })

  it('gives identical briefs, revisions, check-ins and notes on both databases, and leaves tokens, drafts and deleted briefs out', async () => {
    const original = await contents(source)
    expect(original.revisions).toHaveLength(3 + 4 + 5)
    expect(original.checkins).toHaveLength(6)
    expect(original.notes).toHaveLength(6)
    expect(original.notes.filter((n) => n.until_revision !== null)).toHaveLength(3)

    const first = await exportBytes(source)
    const middle = await open(postgres)
    expect(await importBytes(middle, first)).toEqual({ briefs: 3, revisions: 12, checkins: 6 })
    expect(await contents(middle)).toEqual(original)

    const back = await open(sqlite)
    expect(await importBytes(back, await exportBytes(middle))).toEqual({ briefs: 3, revisions: 12, checkins: 6 })
    expect(await contents(back)).toEqual(original)

    for (const target of [middle, back]) {
      expect(await target.db.selectFrom('brief_tokens').select('id').execute()).toEqual([])
      expect(await target.db.selectFrom('drafts').select('id').execute()).toEqual([])
      expect(await target.db.selectFrom('briefs').select('title').where('title', '=', 'Gone').execute()).toEqual([])
    }
    const names = Object.keys(unzipSync(first))
    expect(names[0]).toBe('stackbrief-export.json')
    expect(names.filter((n) => n.includes('/revisions/'))).toHaveLength(12)
  })

  it('refuses a second import of the same archive and changes nothing', async () => {
    const bytes = await exportBytes(source)
    const target = await open(sqlite)
    await importBytes(target, bytes)
    const before = await contents(target)
    await expect(importBytes(target, bytes)).rejects.toThrow(
      /brief\.json: id: expected a brief this database does not have yet/,
    )
    expect(await contents(target)).toEqual(before)
  })

  describe('a bad archive is refused whole, naming the entry and the field', () => {
    let good: Record<string, Uint8Array>
    let revisionName: string
    beforeAll(async () => {
      good = unzipSync(await exportBytes(source))
      revisionName = Object.keys(good).find((n) => n.endsWith('/revisions/000002.json')) as string
    })
    const rezip = (change: (files: Record<string, Uint8Array>) => void) => {
      const files = { ...good }
      change(files)
      return zipSync(files)
    }
    const lastOf = (files: Record<string, Uint8Array>, name: string) =>
      Object.keys(files)
        .filter((n) => n.startsWith(name.split('000002')[0]))
        .sort()
        .at(-1) as string
    const withRevision = (edit: (r: Record<string, unknown>) => void) =>
      rezip((files) => {
        const revision = JSON.parse(new TextDecoder().decode(files[revisionName]))
        edit(revision)
        files[revisionName] = strToU8(JSON.stringify(revision))
      })

    it.each([
      [
        'answers that are not Answers v1',
        () => withRevision((r) => (r.answers = { version: 1 })),
        (n: string) => `${n}: answers: expected Answers v1`,
      ],
      [
        'a revision number out of order',
        () => withRevision((r) => (r.number = 7)),
        (n: string) => `${n}: number: expected 2, the next revision in order, got 7`,
      ],
      [
        'a missing field',
        () => withRevision((r) => delete r.engineVersion),
        (n: string) => `${n}: engineVersion: expected`,
      ],
      [
        'no manifest',
        () => rezip((f) => delete f['stackbrief-export.json']),
        () => 'stackbrief-export.json as the first entry',
      ],
      [
        'an entry that is not JSON',
        () => rezip((f) => (f[revisionName] = strToU8('{"number": 2,'))),
        (n: string) => `${n}: expected a JSON file in UTF-8`,
      ],
      [
        'a revision missing in the middle',
        () => rezip((f) => delete f[revisionName]),
        (n: string) => `${n.replace('000002', '000003')}: number: expected 2`,
      ],
      [
        'the last revision missing',
        () => rezip((f) => delete f[lastOf(f, revisionName)]),
        (n: string) => `${n.split('/revisions/')[0]}/brief.json: headRevision: expected revisions 1 to`,
      ],
      [
        'a note written after the last revision',
        () =>
          rezip((f) => {
            const name = revisionName.replace(/revisions\/\d+\.json$/, 'notes/000001.json')
            const notes = JSON.parse(new TextDecoder().decode(f[name])) as { fromRevision: number }[]
            notes[0].fromRevision = 99
            f[name] = strToU8(JSON.stringify(notes))
          }),
        (n: string) =>
          `${n.replace(/revisions\/\d+\.json$/, 'notes/000001.json')}: [0]: expected a note from revision 1 to`,
      ],
      ['a truncated zip', () => zipSync(good).subarray(0, 30_000), () => ''],
      ['not a zip at all', () => strToU8('hello'), () => '(archive)'],
    ])('%s', async (_, make, message) => {
      const target = await open(sqlite)
      const error = await importBytes(target, make()).then(
        () => null,
        (e: unknown) => e,
      )
      expect(error).toBeInstanceOf(InvalidInputError)
      expect((error as Error).message).toContain(message(revisionName))
      expect(await contents(target)).toEqual({ briefs: [], revisions: [], checkins: [], notes: [] })
    })

    it('stackbrief import exits 2 with the entry and field on standard error', async () => {
      const dir = mkdtempSync(join(tmpdir(), 'stackbrief-import-'))
      try {
        const file = join(dir, 'bad.zip')
        writeFileSync(
          file,
          withRevision((r) => (r.createdAt = 'yesterday')),
        )
        let stderr = ''
        const io: CliIO = {
          stdout: () => {},
          stderr: (text) => {
            stderr += text
          },
          cwd: dir,
          env: {},
          readStdin: async () => new Uint8Array(),
        }
        const code = await run(['import', file, '--database', join(dir, 'target.db')], io)
        expect(code).toBe(2)
        expect(stderr).toContain(`${revisionName}: createdAt: expected`)
        expect(stderr).toContain('Nothing was imported.')
        expect(await run(['import', join(dir, 'missing.zip')], io)).toBe(2)
        expect(await run(['export', '--database', join(dir, 'target.db')], io)).toBe(2)
      } finally {
        rmSync(dir, { recursive: true, force: true })
      }
    })
  })
})

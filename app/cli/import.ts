import { resolve } from 'node:path'
import { problem } from '#app/lib/problems.ts'
import { defineCommand } from './command.ts'
import { DATABASE_FLAG, openTarget, plural, WORKSPACE_FLAG, workspaceOption } from './database.ts'
import { InputError } from './errors.ts'

export const importCommand = defineCommand({
  name: 'import',
  summary: 'Read a zip written by stackbrief export into this database',
  description:
    'Read a zip written by stackbrief export into a workspace (the local one unless --workspace names another) of the database --database names, else DATABASE_URL, else ./data/stackbrief.db, in one transaction: every brief, revision and check-in is imported, or, at the first problem, nothing is, and the problem names the entry and the field. A brief the database has already is a problem too, so importing twice changes nothing. Moving from SQLite to PostgreSQL is an export from one and an import into the other.',
  args: [
    { name: 'FILE', key: 'file', summary: 'the zip to read', expected: 'a path to a zip written by stackbrief export' },
  ],
  flags: [WORKSPACE_FLAG, DATABASE_FLAG],
  options: (z) =>
    z.strictObject({
      file: z.string().min(1),
      workspace: z.string().trim().min(1).optional(),
      database: z.string().trim().min(1).optional(),
    }),
  examples: [
    'stackbrief import stackbrief-data.zip',
    'stackbrief import client.zip --workspace consultant@example.com',
    'DATABASE_URL=postgres://app@db.internal:5432/stackbrief stackbrief import data.zip',
  ],
  async run({ file, workspace, database }, io) {
    const path = resolve(io.cwd, file)
    const [{ createReadStream }, { access }, { importWorkspace }, { InvalidInputError }] = await Promise.all([
      import('node:fs'),
      import('node:fs/promises'),
      import('#app/services/transfer/import.server.ts'),
      import('#app/services/support/errors.server.ts'),
    ])
    try {
      await access(path)
    } catch (error) {
      throw new InputError([
        problem(
          'FILE',
          'a zip file that exists and can be read',
          (error as NodeJS.ErrnoException).code ?? 'an unreadable path',
        ),
      ])
    }
    const { db, where } = await openTarget(database, io)
    const started = performance.now()
    try {
      const into = await workspaceOption(db, workspace)
      const counts = await importWorkspace(db, {
        workspaceId: into.id,
        source: createReadStream(path, { highWaterMark: 256 * 1024 }),
      })
      const seconds = (performance.now() - started) / 1000
      io.stdout(
        `Imported ${plural(counts.briefs, 'brief')}, ${plural(counts.revisions, 'revision')} and ${plural(counts.checkins, 'check-in')} from ${file} into ${into.name} (${into.id}) in ${where} (${seconds.toFixed(2)} s).\n`,
      )
    } catch (error) {
      if (error instanceof InvalidInputError) throw new InputError(error.problems, 'Nothing was imported.')
      throw error
    } finally {
      await db.close().catch(() => {})
    }
  },
})

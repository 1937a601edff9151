import { rename, rm, stat } from 'node:fs/promises'
import { resolve } from 'node:path'
import { problem } from '#app/lib/problems.ts'
import { defineCommand } from './command.ts'
import { DATABASE_FLAG, formatBytes, openTarget, plural, WORKSPACE_FLAG, workspaceOption } from './database.ts'
import { InputError } from './errors.ts'

export const exportCommand = defineCommand({
  name: 'export',
  summary: "Write a workspace's briefs, revisions and check-ins to a zip of JSON",
  description:
    'Write every brief of a workspace (the local one unless --workspace names another), with all its revisions and check-ins, into a zip of JSON files that stackbrief import reads into another instance, on SQLite or PostgreSQL. Tokens are left out (they are credentials for this instance; make new ones after an import), and so are drafts and deleted briefs. The file is written beside FILE and renamed into place when complete, so a failed export never leaves half a file.',
  args: [],
  flags: [{ name: 'out', value: 'FILE', summary: 'the zip file to write (required)' }, WORKSPACE_FLAG, DATABASE_FLAG],
  options: (z) =>
    z.strictObject({
      out: z.custom<string>((v) => typeof v === 'string' && v.length > 0 && v !== '-', {
        message: 'a file to write the zip to (--out FILE)',
      }),
      workspace: z.string().trim().min(1).optional(),
      database: z.string().trim().min(1).optional(),
    }),
  examples: [
    'stackbrief export --out stackbrief-data.zip',
    'stackbrief export --workspace founder@example.com --out founder.zip',
    'DATABASE_URL=postgres://app@db.internal:5432/stackbrief stackbrief export --out data.zip',
  ],
  async run({ out, workspace, database }, io) {
    const file = resolve(io.cwd, out)
    const partial = `${file}.partial`
    const [{ createWriteStream }, { Readable }, { pipeline }, { exportWorkspace }] = await Promise.all([
      import('node:fs'),
      import('node:stream'),
      import('node:stream/promises'),
      import('#app/services/transfer/export.server.ts'),
    ])
    const { db, where } = await openTarget(database, io)
    const started = performance.now()
    try {
      const from = await workspaceOption(db, workspace)
      const { stream, done } = exportWorkspace(db, { workspaceId: from.id })
      try {
        await pipeline(Readable.fromWeb(stream as import('node:stream/web').ReadableStream), createWriteStream(partial))
      } catch (error) {
        await rm(partial, { force: true })
        const code = (error as NodeJS.ErrnoException).code
        if (code === 'ENOENT' || code === 'EACCES' || code === 'EISDIR' || code === 'ENOTDIR') {
          throw new InputError([problem('--out', `a file path that can be written (${out})`, code)])
        }
        throw error
      }
      const counts = await done
      await rename(partial, file)
      const seconds = (performance.now() - started) / 1000
      const size = (await stat(file)).size
      io.stdout(
        `Exported ${plural(counts.briefs, 'brief')}, ${plural(counts.revisions, 'revision')} and ${plural(counts.checkins, 'check-in')} from ${from.name} (${from.id}) in ${where} to ${out} (${formatBytes(size)}, ${seconds.toFixed(2)} s).\n`,
      )
    } finally {
      await db.close().catch(() => {})
    }
  },
})

import { defineCommand } from './command.ts'
import { DATABASE_FLAG, openTarget, plural } from './database.ts'

export const workspaces = defineCommand({
  name: 'workspaces',
  summary: 'List the workspaces of a database, to name one to export or import with --workspace',
  description:
    'List the workspaces of the database --database names, else DATABASE_URL, else ./data/stackbrief.db: the local workspace, and every other one holding a brief that is not deleted, the most briefs first (at most 500). Each line gives the id, the number of briefs, the owners (an anonymous identity shows as "anonymous") and the name; export and import take the id, or an owner\'s email, in --workspace.',
  args: [],
  flags: [DATABASE_FLAG],
  options: (z) => z.strictObject({ database: z.string().trim().min(1).optional() }),
  examples: ['stackbrief workspaces', 'DATABASE_URL=postgres://app@db.internal:5432/stackbrief stackbrief workspaces'],
  async run({ database }, io) {
    const { listWorkspaces } = await import('#app/services/workspaces.server.ts')
    const { db, where } = await openTarget(database, io)
    try {
      const rows = await listWorkspaces(db)
      const lines = rows.map((w) => {
        const owners = w.owners.length > 0 ? w.owners.join(', ') : w.anonymous ? 'anonymous' : 'no owner yet'
        return [w.id, plural(w.briefs, 'brief'), owners, w.name]
      })
      const widths = [0, 1, 2].map((i) => Math.max(...lines.map((line) => line[i].length), 0))
      io.stdout(`${plural(rows.length, 'workspace')} in ${where}\n`)
      for (const line of lines) {
        io.stdout(`${line.map((cell, i) => (i < 3 ? cell.padEnd(widths[i]) : cell)).join('  ')}\n`)
      }
    } finally {
      await db.close().catch(() => {})
    }
  },
})

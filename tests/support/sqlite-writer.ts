import { addRevision, createBrief } from '#app/services/briefs.server.ts'
import { openDatabase } from '#db/client.server.ts'
import { LOCAL_WORKSPACE_ID } from '#db/migrations/0001-initial.ts'
import { buildAnswers } from './answers.ts'

/**
 * A writer for the backup drill, run as its own process: adds revisions to a
 * few briefs in the SQLite file named on the command line, as fast as it
 * can, and prints `<brief id> <revision number>` once each is committed
 * (acknowledged). Stops on SIGTERM, or after the given number of seconds.
 */

const [path, seconds = '20'] = process.argv.slice(2)
const db = openDatabase(path)
const until = Date.now() + Number(seconds) * 1000
let stopping = false
process.on('SIGTERM', () => {
  stopping = true
})

const briefs: string[] = []
for (let i = 0; i < 3; i++) {
  const { brief } = await createBrief(db, {
    workspaceId: LOCAL_WORKSPACE_ID,
    answers: buildAnswers({ product: { name: `Drill ${i}` } }),
  })
  briefs.push(brief.id)
  process.stdout.write(`${brief.id} 1\n`)
}
for (let n = 0; !stopping && Date.now() < until; n++) {
  const briefId = briefs[n % briefs.length]
  const revision = await addRevision(db, {
    workspaceId: LOCAL_WORKSPACE_ID,
    briefId,
    answers: buildAnswers({
      product: { name: `Drill ${n % briefs.length}` },
      load: { activeUsersIn12Months: 1000 + n },
    }),
  })
  if (revision) process.stdout.write(`${briefId} ${revision.number}\n`)
  // better-sqlite3 answers at once, so let the event loop turn (and SIGTERM arrive) between writes.
  await new Promise((resolve) => setImmediate(resolve))
}
await db.close()

import { type ChildProcess, spawn } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parse } from 'yaml'
import { AnswersSchema } from '#app/engine/index.ts'
import { createBrief } from '#app/services/briefs.server.ts'
import { migrateToLatest, openDatabase } from '#db/client.server.ts'
import { LOCAL_WORKSPACE_ID } from '#db/migrations/0001-initial.ts'

/**
 * Brief-page server-render throughput against a static file of the same size
 * served by the same server: the ratio says how much the render costs next to
 * sending bytes. The server runs in its own process (production build, SQLite)
 * so it has one core and the load generator the other. Target: at least 0.3.
 */

const ROOT = fileURLToPath(new URL('../../', import.meta.url))
const SECONDS = Number(process.env.BENCH_SECONDS ?? 8)
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 8)
const TARGET_RATIO = 0.3

export async function benchThroughput() {
  if (!existsSync(join(ROOT, 'build/server/index.js'))) {
    console.log('\nThroughput: no production build; run `npm run build` first. Skipped.')
    return
  }
  const dir = mkdtempSync(join(tmpdir(), 'stackbrief-throughput-'))
  const dbFile = join(dir, 'bench.db')
  const opened = openDatabase(dbFile)
  await migrateToLatest(opened.db, opened.dialect)
  const answers = AnswersSchema.parse(parse(readFileSync(join(ROOT, 'content/examples/b2b-saas.yaml'), 'utf8')))
  const { brief } = await createBrief(opened, { workspaceId: LOCAL_WORKSPACE_ID, answers })
  await opened.close()

  const port = 20_000 + Math.floor(Math.random() * 20_000)
  const server = startServer(port, dbFile)
  const staticName = `throughput-bench-${port}.html`
  const staticPath = join(ROOT, 'build/client', staticName)
  try {
    const base = `http://127.0.0.1:${port}`
    await waitForHealth(base)
    const pageUrl = `${base}/briefs/${brief.id}`
    const page = await (await fetch(pageUrl)).text()
    writeFileSync(staticPath, page)
    const staticUrl = `${base}/${staticName}`

    await load(pageUrl, 2) // warm both paths before measuring
    await load(staticUrl, 2)
    const rendered = await load(pageUrl, SECONDS)
    const served = await load(staticUrl, SECONDS)
    const ratio = rendered.rps / served.rps
    console.log(
      `\nBrief page throughput (${(page.length / 1024).toFixed(0)} KB of HTML, ${CONCURRENCY} connections, ${SECONDS} s each)`,
    )
    console.table([
      { what: 'server render /briefs/:id', 'requests/s': rendered.rps.toFixed(1), errors: rendered.errors },
      { what: 'static file, same size', 'requests/s': served.rps.toFixed(1), errors: served.errors },
    ])
    console.log(`ratio render/static: ${ratio.toFixed(2)} (target >= ${TARGET_RATIO})`)
    return { rendered, served, ratio }
  } finally {
    rmSync(staticPath, { force: true })
    await stopServer(server)
    rmSync(dir, { recursive: true, force: true })
  }
}

function startServer(port: number, dbFile: string): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', 'server.ts'], {
    cwd: ROOT,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      PORT: String(port),
      HOST: '127.0.0.1',
      DATABASE_URL: dbFile,
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  })
}

async function stopServer(server: ChildProcess) {
  if (server.exitCode !== null) return
  const exited = new Promise((resolve) => server.once('exit', resolve))
  server.kill('SIGTERM')
  await exited
}

async function waitForHealth(base: string) {
  for (let i = 0; i < 120; i++) {
    try {
      if ((await fetch(`${base}/healthz`)).ok) return
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
  throw new Error('the server did not answer /healthz within 30 s')
}

/** Closed-loop load: CONCURRENCY clients each sending the next request when the last one finished. */
async function load(url: string, seconds: number) {
  const until = performance.now() + seconds * 1000
  let done = 0
  let errors = 0
  const started = performance.now()
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (performance.now() < until) {
        const res = await fetch(url, { headers: { 'Accept-Encoding': 'gzip' } })
        await res.arrayBuffer()
        if (res.ok) done++
        else errors++
      }
    }),
  )
  return { rps: done / ((performance.now() - started) / 1000), errors }
}

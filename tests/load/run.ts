import { type ChildProcess, spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { request } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { choicesLine, createBrief } from '#app/services/briefs.server.ts'
import { createDraft } from '#app/services/drafts.server.ts'
import { migrateToLatest, openDatabase } from '#db/client.server.ts'
import { LOCAL_WORKSPACE_ID } from '#db/migrations/0001-initial.ts'
import { buildAnswers } from '#tests/support/answers.ts'
import { fuzzRequests, runFuzz } from './fuzz.ts'

/**
 * Reproduces the limits problems against the built server on 127.0.0.1 and
 * prints figures. Bounded in count and time. Build first (`npm run build`; the server runs as built, on node alone), then:
 *
 *   npx tsx tests/load/run.ts [history|body|pdf|fuzz|all]
 *
 * history: 150,000 revisions on one brief (written straight to the database),
 *          then every page of that brief; p95 must stay under 200 ms.
 * body:    a 100 MB form body; refused within a second, server memory under 300 MB.
 * pdf:     32 concurrent PDF requests while /healthz is timed; its p95 under 50 ms.
 * fuzz:    10,000 malformed requests; no 5xx. (DATABASE_URL picks the database.)
 * all-but-fuzz: the first three. LOAD_REVISIONS sets the history's length.
 */

const REVISIONS = Number(process.env.LOAD_REVISIONS ?? 150_000)
const PORT = Number(process.env.LOAD_PORT ?? 3917)
const BASE = `http://127.0.0.1:${PORT}`
const which = process.argv[2] ?? 'all'
const all = which === 'all' || which === 'all-but-fuzz'

const p95 = (values: number[]) => [...values].sort((a, b) => a - b)[Math.ceil(values.length * 0.95) - 1] ?? 0
const ms = (n: number) => `${n.toFixed(1)} ms`

async function timed(path: string, init: RequestInit = {}): Promise<{ status: number; ms: number }> {
  const started = performance.now()
  const response = await fetch(`${BASE}${path}`, { redirect: 'manual', ...init })
  await response.arrayBuffer()
  return { status: response.status, ms: performance.now() - started }
}

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'stackbrief-load-'))
  const url = process.env.DATABASE_URL ?? join(dir, 'load.db')
  const db = openDatabase(url)
  await migrateToLatest(db.db, db.dialect)
  const answers = buildAnswers({ product: { name: 'Load brief' } })
  const { brief, revision } = await createBrief(db, { workspaceId: LOCAL_WORKSPACE_ID, answers })
  const draft = await createDraft(db, { workspaceId: LOCAL_WORKSPACE_ID })

  if (which === 'history' || all) {
    // Written as the service writes them, in batches, without generating 150,000 briefs.
    const answersJson = JSON.stringify(revision.answers)
    const briefJson = JSON.stringify(revision.brief)
    const choices = choicesLine(revision.brief)
    const started = performance.now()
    for (let from = 2; from <= REVISIONS; from += 500) {
      const rows = []
      for (let n = from; n < Math.min(from + 500, REVISIONS + 1); n++) {
        rows.push({
          id: `r_load${String(n).padStart(12, '0')}`,
          brief_id: brief.id,
          number: n,
          answers: answersJson,
          brief: briefJson,
          engine_version: revision.engineVersion,
          catalog_version: revision.catalogVersion,
          created_at: new Date(Date.UTC(2025, 0, 1) + n * 1000).toISOString(),
          title: revision.title,
          choices,
          choices_changed: 0,
        })
      }
      await db.db.insertInto('revisions').values(rows).execute()
    }
    await db.db.updateTable('briefs').set({ head_revision: REVISIONS }).where('id', '=', brief.id).execute()
    console.log(
      `seeded ${REVISIONS.toLocaleString('en-US')} revisions in ${((performance.now() - started) / 1000).toFixed(1)} s`,
    )
  }
  await db.close()

  const server = await startServer(url)
  try {
    if (which === 'history' || all) await history(brief.id)
    if (which === 'body' || all) await body(draft.id, server)
    if (which === 'pdf' || all) await pdf(brief.id)
    if (which === 'fuzz' || which === 'all') {
      const started = performance.now()
      const result = await runFuzz(BASE, fuzzRequests(10_000, 7, { brief: brief.id, draft: draft.id }), 8)
      console.log(
        `fuzz: ${result.total} requests in ${((performance.now() - started) / 1000).toFixed(1)} s, by status ${JSON.stringify(result.byStatus)}, 5xx or dropped: ${result.failures.length}`,
      )
      for (const f of result.failures.slice(0, 10)) console.log(`  ${f.status} ${f.request}`)
    }
  } finally {
    server.kill('SIGTERM')
    if (!process.env.DATABASE_URL) rmSync(dir, { recursive: true, force: true })
  }
}

async function history(id: string) {
  const n = REVISIONS
  const pages = [
    `/briefs/${id}`,
    `/briefs/${id}/revisions/1`,
    `/briefs/${id}/revisions/${Math.floor(n / 2)}`,
    `/briefs/${id}/revisions/${n}/brief.md`,
    `/briefs/${id}/revisions/${n}/brief.json`,
    `/briefs/${id}/revisions/${n}/adr.zip`,
    `/briefs/${id}/compare`,
    `/briefs/${id}/compare?from=1&to=${n}`,
    `/briefs/${id}/signals`,
    `/api/v1/briefs/${id}`,
    `/api/v1/briefs/${id}/revisions`,
    `/api/v1/briefs/${id}/revisions/${n}`,
  ]
  for (const page of pages) await timed(page) // warm
  for (const page of pages) {
    const times: number[] = []
    let status = 0
    for (let i = 0; i < 20; i++) {
      const r = await timed(page)
      status = r.status
      times.push(r.ms)
    }
    console.log(`history ${n}: ${page.replace(id, ':id')} → ${status}, p95 ${ms(p95(times))}`)
  }
}

async function body(draftId: string, server: ChildProcess) {
  const size = 100 * 1024 * 1024
  const chunk = Buffer.alloc(1024 * 1024, 'a')
  const started = performance.now()
  const status = await new Promise<number>((resolve, reject) => {
    const req = request(`${BASE}/drafts/${draftId}/product`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'Transfer-Encoding': 'chunked' },
    })
    req.on('response', (res) => {
      resolve(res.statusCode ?? 0)
      res.resume()
      req.destroy()
    })
    req.on('error', (error) => reject(error))
    let sent = 0
    const write = () => {
      while (sent < size) {
        sent += chunk.length
        if (!req.write(chunk)) return req.once('drain', write)
      }
      req.end()
    }
    req.write('name=')
    write()
  }).catch(() => 0)
  const elapsed = performance.now() - started
  const rss = await serverRss(server.pid)
  console.log(`body: 100 MB form (chunked, no Content-Length) → ${status} after ${ms(elapsed)}; server RSS ${rss} MB`)
  const declared = await timed(`/drafts/${draftId}/product`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: `name=${'a'.repeat(300 * 1024)}`,
  })
  console.log(`body: 300 KB form with Content-Length → ${declared.status} after ${ms(declared.ms)}`)
}

async function pdf(id: string) {
  const health: number[] = []
  let running = true
  const probe = (async () => {
    while (running) {
      health.push((await timed('/healthz')).ms)
      await new Promise((r) => setTimeout(r, 20))
    }
  })()
  const started = performance.now()
  const results = await Promise.all(
    Array.from({ length: 32 }, (_, i) => timed(`/briefs/${id}/revisions/1/brief.pdf?preparedBy=Load+${i % 4}`)),
  )
  running = false
  await probe
  const byStatus: Record<number, number> = {}
  for (const r of results) byStatus[r.status] = (byStatus[r.status] ?? 0) + 1
  console.log(
    `pdf: 32 concurrent in ${ms(performance.now() - started)}, by status ${JSON.stringify(byStatus)}, PDF p95 ${ms(p95(results.map((r) => r.ms)))}; /healthz ${health.length} probes, p95 ${ms(p95(health))}, max ${ms(Math.max(0, ...health.slice(0, 10_000)))}`,
  )
}

async function serverRss(pid: number | undefined): Promise<number> {
  if (!pid) return 0
  const { readFileSync } = await import('node:fs')
  const status = readFileSync(`/proc/${pid}/status`, 'utf8')
  const kb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0)
  return Math.round(kb / 1024)
}

async function startServer(databaseUrl: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['build/node/server.js'], {
    env: {
      ...process.env,
      NODE_ENV: 'production',
      PORT: String(PORT),
      HOST: '127.0.0.1',
      DATABASE_URL: databaseUrl,
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  })
  for (let i = 0; i < 120; i++) {
    await new Promise((r) => setTimeout(r, 500))
    if (
      await fetch(`${BASE}/healthz`)
        .then((r) => r.ok)
        .catch(() => false)
    )
      return child
  }
  child.kill('SIGTERM')
  throw new Error('the server did not start within a minute')
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})

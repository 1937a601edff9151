import { existsSync } from 'node:fs'
import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { fileURLToPath } from 'node:url'
import pino from 'pino'
import { loadCatalog } from '#app/catalog.server.ts'
import { AnswersSchema, generateBrief, SignalsSchema } from '#app/engine/index.ts'
import { loader as signalsLoader } from '#app/routes/briefs.$id.signals.tsx'
import { createBrief } from '#app/services/briefs.server.ts'
import { recordCheckin } from '#app/services/checkins.server.ts'
import { type Db, setDbForTests } from '#db/client.server.ts'
import { LOCAL_WORKSPACE_ID } from '#db/migrations/0001-initial.ts'
import { BASE_INPUT } from '#tests/support/answers.ts'
import { testDatabases } from '#tests/support/databases.ts'
import { createApp } from '../../server.ts'
import { fmt, percentile } from './stats.ts'

/**
 * The check-ins page at size: one brief with 1,000 check-ins, on SQLite and
 * on PostgreSQL. Times the page's loader called in-process (every check-in
 * read for the charts, the first table page, the status) and, when there is
 * a production build, the page over HTTP: the document a browser first
 * gets and the data request a client-side navigation makes. Target: p95
 * under 100 ms for the page.
 */

const CHECKINS = Number(process.env.BENCH_CHECKINS ?? 1000)
const ITERATIONS = Number(process.env.BENCH_ITERATIONS ?? 100)
const TARGET_P95_MS = 100
const ws = LOCAL_WORKSPACE_ID

interface Row {
  database: string
  what: string
  p50: string
  p95: string
  n: number
  note: string
}

export async function benchSignalsPage(): Promise<Row[]> {
  const rows: Row[] = []
  for (const target of await testDatabases()) {
    const { db, cleanup } = await target.open()
    try {
      const briefId = await seed(db)
      setDbForTests(db)
      rows.push(...(await benchLoader(target.name, briefId)))
      rows.push(...(await benchHttp(target.name, briefId)))
    } finally {
      setDbForTests(undefined)
      await cleanup()
    }
  }
  console.log(`\nThe check-ins page with ${CHECKINS.toLocaleString('en-US')} check-ins on one brief`)
  console.table(rows)
  const slow = rows.filter((r) => r.note.includes('over target'))
  console.log(
    slow.length === 0
      ? `every p95 under ${TARGET_P95_MS} ms`
      : `${slow.length} over the ${TARGET_P95_MS} ms p95 target`,
  )
  return rows
}

async function seed(db: Db): Promise<string> {
  const answers = AnswersSchema.parse({ ...BASE_INPUT, load: { ...BASE_INPUT.load, activeUsersIn12Months: 20_000 } })
  generateBrief(answers, loadCatalog())
  const start = Date.parse('2024-01-01T00:00:00.000Z')
  const { brief } = await createBrief(db, { workspaceId: ws, answers, now: new Date(start) })
  for (let i = 0; i < CHECKINS; i++) {
    const day = Math.floor(i * 0.9)
    await recordCheckin(db, {
      workspaceId: ws,
      briefId: brief.id,
      signals: SignalsSchema.parse({
        measuredAt: new Date(start + day * 86_400_000).toISOString().slice(0, 10),
        activeUsers: 1000 + i * 15,
        dbCpuPercent: 20 + (i % 60),
        p95LatencyMs: 120 + (i % 400),
        engineers: 3 + Math.floor(i / 80),
        monthlyInfraUsd: 150 + i / 4,
      }),
      source: 'api',
      now: new Date(start + day * 86_400_000 + i * 1000),
    })
  }
  return brief.id
}

async function benchLoader(database: string, briefId: string): Promise<Row[]> {
  const call = () =>
    signalsLoader({
      request: new Request(`http://localhost/briefs/${briefId}/signals`),
      params: { id: briefId },
      context: {},
    })
  const page = await call()
  const points = page.series.reduce((n, s) => n + s.points.length, 0)
  const r = row(database, 'loader (in-process): /briefs/:id/signals', await timeAsync(call, ITERATIONS))
  r.note ||= `${page.series.length} charts, ${points.toLocaleString('en-US')} points`
  return [r]
}

async function benchHttp(database: string, briefId: string): Promise<Row[]> {
  if (!existsSync(fileURLToPath(new URL('../../build/server/index.js', import.meta.url)))) {
    console.log(`${database}: no production build, so no HTTP figures; run "npm run build" first`)
    return []
  }
  const app = await createApp({ mode: 'production', logger: pino({ level: 'silent' }) })
  const server: Server = app.listen(0, '127.0.0.1')
  await new Promise((resolve) => server.once('listening', resolve))
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  const pages: [string, string][] = [
    ['http (production): page /briefs/:id/signals', `/briefs/${briefId}/signals`],
    // What a client-side navigation fetches (single fetch): the loaders' data alone.
    ['http (production): data request for the page', `/briefs/${briefId}/signals.data`],
  ]
  const rows: Row[] = []
  try {
    for (const [what, path] of pages) {
      const statuses = new Set<number>()
      let bytes = 0
      const times = await timeAsync(async () => {
        const response = await fetch(`${base}${path}`)
        bytes = (await response.arrayBuffer()).byteLength
        statuses.add(response.status)
      }, ITERATIONS)
      const r = row(database, what, times)
      const size = `${Math.round(bytes / 1024)} KB`
      r.note = [...statuses].some((s) => s !== 200)
        ? `status ${[...statuses].join(', ')}`
        : [size, r.note].filter(Boolean).join(', ')
      rows.push(r)
    }
  } finally {
    await new Promise((resolve) => server.close(resolve))
  }
  return rows
}

async function timeAsync(fn: () => Promise<unknown>, iterations: number, warmup = 10): Promise<number[]> {
  for (let i = 0; i < warmup; i++) await fn()
  const out: number[] = []
  for (let i = 0; i < iterations; i++) {
    const start = process.hrtime.bigint()
    await fn()
    out.push(Number(process.hrtime.bigint() - start) / 1000)
  }
  return out.sort((a, b) => a - b)
}

function row(database: string, what: string, sortedUs: number[]): Row {
  const p95 = percentile(sortedUs, 95)
  return {
    database,
    what,
    p50: fmt(percentile(sortedUs, 50)),
    p95: fmt(p95),
    n: sortedUs.length,
    note: p95 / 1000 < TARGET_P95_MS ? '' : 'over target',
  }
}

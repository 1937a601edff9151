import { loadCatalog } from '#app/catalog.server.ts'
import { AnswersSchema, generateBrief, SignalsSchema } from '#app/engine/index.ts'
import { briefStatus } from '#app/services/attention.server.ts'
import { createBrief } from '#app/services/briefs.server.ts'
import { latestCheckin, listCheckins, recordCheckin } from '#app/services/checkins.server.ts'
import type { Db } from '#db/client.server.ts'
import { LOCAL_WORKSPACE_ID } from '#db/migrations/0001-initial.ts'
import { BASE_INPUT } from '#tests/support/answers.ts'
import { testDatabases } from '#tests/support/databases.ts'
import { fmt, percentile } from './stats.ts'

/**
 * Check-ins at size: one brief with 1,000 check-ins (a daily check-in for
 * nearly three years, some days twice), on SQLite and on PostgreSQL. Times
 * the write path while seeding, then the status service and the check-in
 * list behind the brief page and the API. Target: p95 under 50 ms.
 */

const CHECKINS = Number(process.env.BENCH_CHECKINS ?? 1000)
const ITERATIONS = Number(process.env.BENCH_ITERATIONS ?? 300)
const TARGET_P95_MS = 50
const ws = LOCAL_WORKSPACE_ID

interface Row {
  database: string
  what: string
  p50: string
  p95: string
  n: number
  note: string
}

export async function benchSignals(): Promise<Row[]> {
  const rows: Row[] = []
  for (const target of await testDatabases()) {
    const { db, cleanup } = await target.open()
    try {
      const { briefId, writes } = await seed(db)
      rows.push(row(target.name, 'service: recordCheckin (while seeding)', writes))
      rows.push(...(await benchReads(target.name, db, briefId)))
    } finally {
      await cleanup()
    }
  }
  console.log(`\nCheck-ins at ${CHECKINS.toLocaleString('en-US')} on one brief`)
  console.table(rows)
  const slow = rows.filter((r) => r.note === 'over target')
  console.log(
    slow.length === 0
      ? `every p95 under ${TARGET_P95_MS} ms`
      : `${slow.length} over the ${TARGET_P95_MS} ms p95 target`,
  )
  return rows
}

/** Through the service, so the seeding times the real write: read the head, insert, judge. */
async function seed(db: Db): Promise<{ briefId: string; writes: number[] }> {
  const answers = AnswersSchema.parse({ ...BASE_INPUT, load: { ...BASE_INPUT.load, activeUsersIn12Months: 20_000 } })
  // Warm the catalog and the engine so the first write is not the one that loads them.
  generateBrief(answers, loadCatalog())
  const start = Date.parse('2024-01-01T00:00:00.000Z')
  const { brief } = await createBrief(db, { workspaceId: ws, answers, now: new Date(start) })
  const writes: number[] = []
  for (let i = 0; i < CHECKINS; i++) {
    // One a day, with every tenth day measured twice (a correction later the same day).
    const day = Math.floor(i * 0.9)
    const signals = SignalsSchema.parse({
      measuredAt: new Date(start + day * 86_400_000).toISOString().slice(0, 10),
      activeUsers: 1000 + i * 15,
      dbCpuPercent: 20 + (i % 60),
      p95LatencyMs: 120 + (i % 400),
      longestJobSeconds: 5 + (i % 40),
      monthlyInfraUsd: 150 + i / 4,
    })
    const began = process.hrtime.bigint()
    await recordCheckin(db, {
      workspaceId: ws,
      briefId: brief.id,
      signals,
      source: 'api',
      now: new Date(start + day * 86_400_000 + i * 1000),
    })
    writes.push(Number(process.hrtime.bigint() - began) / 1000)
  }
  return { briefId: brief.id, writes: writes.sort((a, b) => a - b) }
}

async function benchReads(database: string, db: Db, briefId: string): Promise<Row[]> {
  let deep: string | null = null
  let cursor: string | undefined
  for (let page = 0; page < 25; page++) {
    const result = await listCheckins(db, { workspaceId: ws, briefId, cursor })
    if (!result?.nextCursor) break
    deep = result.nextCursor
    cursor = deep
  }
  const now = new Date('2026-12-01T00:00:00.000Z')
  const cases: [string, () => Promise<unknown>][] = [
    [
      'briefStatus (latest revision against the newest check-in)',
      () => briefStatus(db, { workspaceId: ws, briefId, now }),
    ],
    ['latestCheckin', () => latestCheckin(db, { workspaceId: ws, briefId })],
    ['listCheckins, first page (20)', () => listCheckins(db, { workspaceId: ws, briefId })],
    [
      'listCheckins, page 26 by cursor (20)',
      () => listCheckins(db, { workspaceId: ws, briefId, cursor: deep ?? undefined }),
    ],
    ['listCheckins, 100 a page', () => listCheckins(db, { workspaceId: ws, briefId, limit: 100 })],
  ]
  const rows: Row[] = []
  for (const [what, fn] of cases) rows.push(row(database, `service: ${what}`, await timeAsync(fn, ITERATIONS)))
  return rows
}

async function timeAsync(fn: () => Promise<unknown>, iterations: number, warmup = 20): Promise<number[]> {
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

import { existsSync, readdirSync, readFileSync } from 'node:fs'
import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { fileURLToPath } from 'node:url'
import { sql } from 'kysely'
import pino from 'pino'
import { parse } from 'yaml'
import { loadCatalog } from '#app/catalog.server.ts'
import { AnswersSchema, generateBrief } from '#app/engine/index.ts'
import { listBriefsNeedingAttention } from '#app/services/attention.server.ts'
import { getBrief, getRevision, listBriefs, listRevisions } from '#app/services/briefs.server.ts'
import { newId } from '#app/services/support/ids.server.ts'
import { LIST_LIMIT_DEFAULT } from '#app/services/support/limits.server.ts'
import { type Db, setDbForTests } from '#db/client.server.ts'
import { LOCAL_WORKSPACE_ID } from '#db/migrations/0001-initial.ts'
import { testDatabases } from '#tests/support/databases.ts'
import { createApp } from '../../server.ts'
import { fmt, percentile } from './stats.ts'

/**
 * Saved-brief reads at size: 10,000 briefs with 10 revisions each (100,000
 * revisions, each holding a real ~55 KB brief), on SQLite and on PostgreSQL.
 * Times the service calls behind the pages and the pages themselves over
 * HTTP. Target: p95 under 50 ms.
 */

const BRIEFS = Number(process.env.BENCH_BRIEFS ?? 10_000)
const REVISIONS_PER_BRIEF = Number(process.env.BENCH_REVISIONS_PER_BRIEF ?? 10)
const ITERATIONS = Number(process.env.BENCH_ITERATIONS ?? 300)
const TARGET_P95_MS = 50

interface Row {
  database: string
  what: string
  p50: string
  p95: string
  n: number
  note: string
}

export async function benchDb() {
  const rows: Row[] = []
  for (const target of await testDatabases()) {
    const { db, cleanup } = await target.open()
    try {
      const started = performance.now()
      const ids = await seed(db)
      const seedSeconds = (performance.now() - started) / 1000
      console.log(
        `${target.name}: seeded ${BRIEFS.toLocaleString('en-US')} briefs and ${(BRIEFS * REVISIONS_PER_BRIEF).toLocaleString('en-US')} revisions in ${seedSeconds.toFixed(1)} s`,
      )
      rows.push(...(await benchServices(target.name, db, ids)))
      rows.push(...(await benchHttp(target.name, db, ids)))
    } finally {
      setDbForTests(undefined)
      await cleanup()
    }
  }
  console.log(`\nSaved briefs at ${BRIEFS.toLocaleString('en-US')} briefs, ${REVISIONS_PER_BRIEF} revisions each`)
  console.table(rows)
  const slow = rows.filter((r) => r.note === 'over target')
  console.log(
    slow.length === 0
      ? `every p95 under ${TARGET_P95_MS} ms`
      : `${slow.length} over the ${TARGET_P95_MS} ms p95 target`,
  )
  return rows
}

/**
 * Briefs from JavaScript in batches; revisions made by the database itself
 * from a handful of real generated briefs, so 5 GB of JSON never crosses the
 * connection. One transaction for all of it.
 */
async function seed(db: Db): Promise<string[]> {
  const catalog = loadCatalog()
  const dir = new URL('../../content/examples/', import.meta.url)
  const payloads = readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((file, k) => {
      const answers = AnswersSchema.parse(parse(readFileSync(new URL(file, dir), 'utf8')))
      const brief = generateBrief(answers, catalog)
      return {
        k,
        answers: JSON.stringify(answers),
        brief: JSON.stringify(brief),
        engine_version: brief.engineVersion,
        catalog_version: brief.catalogVersion,
        title: answers.product.name,
      }
    })
  const ids: string[] = []
  const start = Date.parse('2026-01-01T00:00:00.000Z')
  // A write-ahead log would write the 5 GB twice; the reads are timed back in WAL mode.
  if (db.dialect === 'sqlite') await sql`pragma journal_mode = off`.execute(db.db)
  await db.db.transaction().execute(async (trx) => {
    await sql`create table bench_seeds (k integer primary key, answers text not null, brief text not null, engine_version text not null, catalog_version text not null)`.execute(
      trx,
    )
    await sql`create table bench_numbers (n integer primary key)`.execute(trx)
    for (const { title: _, ...p } of payloads) {
      await sql`insert into bench_seeds values (${p.k}, ${p.answers}, ${p.brief}, ${p.engine_version}, ${p.catalog_version})`.execute(
        trx,
      )
    }
    for (let n = 1; n <= REVISIONS_PER_BRIEF; n++) await sql`insert into bench_numbers values (${n})`.execute(trx)

    const batch: { id: string; created_at: string; title: string }[] = []
    const flush = async () => {
      if (batch.length === 0) return
      await trx
        .insertInto('briefs')
        .values(
          batch.map((b) => ({
            ...b,
            workspace_id: LOCAL_WORKSPACE_ID,
            head_revision: REVISIONS_PER_BRIEF,
            updated_at: b.created_at,
            deleted_at: null,
          })),
        )
        .execute()
      batch.length = 0
    }
    for (let i = 0; i < BRIEFS; i++) {
      const id = newId('b')
      ids.push(id)
      // About an hour apart, with every seventh pair sharing a time, as imports and retries do.
      const at = new Date(start + Math.floor(i / (i % 7 === 0 ? 2 : 1)) * 3_600_000).toISOString()
      batch.push({ id, created_at: at, title: `${payloads[i % payloads.length].title} ${i}` })
      if (batch.length === 1000) await flush()
    }
    await flush()

    await sql`
      insert into revisions (id, brief_id, number, answers, brief, engine_version, catalog_version, created_at)
      select 'r_' || substr(b.id, 3) || '_' || cast(n.n as text), b.id, n.n, s.answers, s.brief,
             s.engine_version, s.catalog_version, b.created_at
      from briefs b
      cross join bench_numbers n
      join bench_seeds s on s.k = (n.n + length(b.title)) % ${payloads.length}
    `.execute(trx)
    await sql`drop table bench_seeds`.execute(trx)
    await sql`drop table bench_numbers`.execute(trx)
  })
  if (db.dialect === 'sqlite') await sql`pragma journal_mode = wal`.execute(db.db)
  await sql`analyze briefs`.execute(db.db)
  await sql`analyze revisions`.execute(db.db)
  return ids
}

async function benchServices(database: string, db: Db, ids: string[]): Promise<Row[]> {
  const ws = LOCAL_WORKSPACE_ID
  const pick = randomPicker(ids)
  const firstPage = await listBriefs(db, { workspaceId: ws })
  let deep: string | null = firstPage.nextCursor
  for (let i = 0; i < 200 && deep; i++) deep = (await listBriefs(db, { workspaceId: ws, cursor: deep })).nextCursor
  const cases: [string, () => Promise<unknown>][] = [
    ['listBriefs, first page', () => listBriefs(db, { workspaceId: ws })],
    [
      `listBriefs, page 200 by cursor (${LIST_LIMIT_DEFAULT} a page)`,
      () => listBriefs(db, { workspaceId: ws, cursor: deep ?? undefined }),
    ],
    ['listBriefs, search "saas"', () => listBriefs(db, { workspaceId: ws, search: 'saas' })],
    ['getBrief (head revision, parsed)', () => getBrief(db, { workspaceId: ws, briefId: pick() })],
    ['listRevisions', () => listRevisions(db, { workspaceId: ws, briefId: pick() })],
    ['getRevision', () => getRevision(db, { workspaceId: ws, briefId: pick(), number: 1 + (pickNumber() % 10) })],
    // Not a brief service, but the home page waits on it too.
    ['listBriefsNeedingAttention (home page)', () => listBriefsNeedingAttention(db, { workspaceId: ws })],
  ]
  const rows: Row[] = []
  for (const [what, fn] of cases) rows.push(row(database, `service: ${what}`, await timeAsync(fn, ITERATIONS)))
  return rows
}

async function benchHttp(database: string, db: Db, ids: string[]): Promise<Row[]> {
  // Development mode times Vite's module reloads rather than the app, and keeps the process alive.
  if (!existsSync(fileURLToPath(new URL('../../build/server/index.js', import.meta.url)))) {
    console.log(`${database}: no production build, so no HTTP figures; run "npm run build" first`)
    return []
  }
  setDbForTests(db)
  const mode = 'production'
  const app = await createApp({ mode, logger: pino({ level: 'silent' }) })
  const server: Server = app.listen(0, '127.0.0.1')
  await new Promise((resolve) => server.once('listening', resolve))
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  const pick = randomPicker(ids)
  const pages: [string, () => string][] = [
    ['page /', () => '/'],
    ['page /briefs/:id', () => `/briefs/${pick()}`],
    ['API GET /api/v1/briefs', () => '/api/v1/briefs'],
    ['API GET /api/v1/briefs/:id', () => `/api/v1/briefs/${pick()}`],
    // The same brief rendering with no database behind it: what the page costs to render.
    ['page /examples/b2b-saas (no database)', () => '/examples/b2b-saas'],
  ]
  const rows: Row[] = []
  try {
    for (const [what, path] of pages) {
      const statuses = new Set<number>()
      const times = await timeAsync(
        async () => {
          const response = await fetch(`${base}${path()}`)
          await response.arrayBuffer()
          statuses.add(response.status)
        },
        Math.min(ITERATIONS, 200),
      )
      const r = row(database, `http (${mode}): ${what}`, times)
      if ([...statuses].some((s) => s !== 200)) r.note = `status ${[...statuses].join(', ')}`
      rows.push(r)
    }
  } finally {
    await new Promise((resolve) => server.close(resolve))
  }
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

/** The same pseudo-random sequence every run, so runs compare. */
let state = 20_260_601
function pickNumber(): number {
  state = (state * 1_103_515_245 + 12_345) % 2_147_483_648
  return state
}
function randomPicker<T>(items: readonly T[]): () => T {
  return () => items[pickNumber() % items.length]
}

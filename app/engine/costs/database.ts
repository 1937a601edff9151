import type { LineItem } from '#app/engine/brief.ts'
import { limitOf as catalogLimit, componentOf } from '#app/engine/catalog.ts'
import type { Planned } from '#app/engine/plan/components.ts'
import { regionCount, sizeAt } from '#app/engine/plan.ts'
import { formatNumber, joinWords } from '#app/engine/prose.ts'
import { sizesText } from './compute.ts'
import { charge, fits, limitOf, line, type PriceContext, rate, regionFactor } from './line.ts'
import {
  ACTIVE_HOURS_A_DAY,
  awakeShare,
  BAND_PROFILES,
  CU_MEMORY_GB,
  type DatabaseSize,
  databaseMachine,
  INDEX_SHARE_OF_NODE,
  SCALE_TO_ZERO_IDLE_MINUTES,
  vectorIndexGb,
  vectorKb,
} from './sizing.ts'
import { HOURS_PER_MONTH, PER_USER } from './usage.ts'

/** The database: Neon, RDS, Timescale Cloud or Postgres on the team's own servers, at the plan's sizes. */

/** Nodes running: primaries (or partitions), their read replicas and standbys. */
function nodes(d: DatabaseSize): number {
  return d.primaries + d.readReplicas + d.standbys * d.primaries
}

/** Copies of the data on disk: every node keeps the data of its partition. */
function copies(d: DatabaseSize): number {
  return nodes(d) / d.primaries
}

/** RDS allocates at least 20 GB of gp3 storage. */
const RDS_MIN_STORAGE_GB = 20

export function databaseLine(ctx: PriceContext, p: Planned): LineItem {
  const id = p.c.catalogId ?? 'neon'
  const across = regionFactor(ctx.catalog, id, p.c.regions)
  const size = (band: Parameters<typeof sizeAt>[2], m: number) => {
    const s = sizeAt(ctx, p, band, m)
    if (s.kind !== 'database') throw new Error('the database component is sized as a database')
    return s
  }
  const last = ctx.usage.vectors.length - 1
  const vectors = ctx.usage.vectors[last] > 0 ? vectorNote(ctx, p, size('moderate', last).db.maxCu) : ''
  const sizes = `Month 12: ${sizesText(ctx, p)}.${vectors}`
  const name = p.c.product
  const head = { id: 'database', name }

  if (id === 'small_vps') {
    return line(
      ctx,
      p,
      head,
      `Postgres run by the team: lean shares the app server, moderate gets its own server with about ${CU_MEMORY_GB} GB of memory for each vCPU of database work, scaled adds a standby server; each server keeps the data on block storage at ${rate(ctx, 'small_vps', 'volume', 'storage')}. ${sizes}`,
      (band, m, use) => {
        const s = size(band, m)
        const storage = charge(use('small_vps', 'volume', 'storage'), s.db.storageGb) * Math.max(1, copies(s.db))
        if (s.sharesServer) return storage * across
        const plan = databaseMachine(id, s.db.cu).plan
        return (nodes(s.db) * charge(use('small_vps', plan, 'instance'), 1) + storage) * across
      },
    )
  }

  if (id === 'timescale_cloud') {
    return line(
      ctx,
      p,
      head,
      `One Timescale Cloud service holds the relational and the time-series tables alike, since it is Postgres with the extension: compute at ${rate(ctx, 'timescale_cloud', 'performance', 'compute')} with ${CU_MEMORY_GB} GB per CPU, storage at ${rate(ctx, 'timescale_cloud', 'performance', 'storage')}, and a high-availability replica in scaled. ${sizes}`,
      (band, m, use) => {
        const s = size(band, m)
        const hours = s.db.cu * HOURS_PER_MONTH
        return (
          (charge(use('timescale_cloud', 'performance', 'compute'), hours * (s.db.primaries + s.db.readReplicas)) +
            charge(use('timescale_cloud', 'performance', 'ha_replica'), hours * s.db.standbys * s.db.primaries) +
            charge(use('timescale_cloud', 'performance', 'storage'), s.db.storageGb)) *
          across
        )
      },
    )
  }

  if (id === 'aws_rds_postgres') {
    return line(
      ctx,
      p,
      head,
      `Amazon RDS for PostgreSQL on the smallest db.t4g class with the memory the load needs (db.t4g.micro ${rate(ctx, 'aws_rds_postgres', 'single_az', 'db_t4g_micro')}, each size up about double, to db.t4g.2xlarge) and gp3 storage at ${rate(ctx, 'aws_rds_postgres', 'single_az', 'storage_gp3')}, at least ${RDS_MIN_STORAGE_GB} GB; a standby (Multi-AZ) doubles both. ${sizes}`,
      (band, m, use) => {
        const s = size(band, m)
        const cls = databaseMachine(id, s.db.cu).plan
        const instance = charge(use('aws_rds_postgres', 'single_az', cls), HOURS_PER_MONTH) * nodes(s.db)
        const storage =
          charge(use('aws_rds_postgres', 'single_az', 'storage_gp3'), Math.max(RDS_MIN_STORAGE_GB, s.db.storageGb)) *
          copies(s.db)
        return (instance + storage) * across
      },
    )
  }

  if (p.plan === 'scale') {
    return line(
      ctx,
      p,
      head,
      `Neon Scale, the plan that carries its BAA, always on, at ${rate(ctx, 'neon', 'scale', 'compute')} and ${rate(ctx, 'neon', 'scale', 'storage')}; the HIPAA add-on Neon requires has no published price and is not included. Read replicas and standbys are computes of the same size billed by the hour. ${sizes}`,
      (band, m, use) => {
        const s = size(band, m)
        return (
          (charge(use('neon', 'scale', 'compute'), s.db.cu * nodes(s.db) * HOURS_PER_MONTH) +
            charge(use('neon', 'scale', 'storage'), s.db.storageGb)) *
          across
        )
      },
    )
  }

  const sleeps = sleepsWhenIdle(ctx)
  const global = ctx.a.compliance.markets.includes('global') || ctx.a.compliance.markets.length > 1
  const awake = (m: number) => (sleeps ? awakeShare(ctx.usage.users[m] / regionCount(p), global) : 1)
  const free = (band: Parameters<typeof sizeAt>[2], m: number, use: Parameters<Parameters<typeof line>[4]>[2]) => {
    const s = size(band, m)
    return (
      band === 'lean' &&
      p.c.regions.length === 1 &&
      nodes(s.db) === 1 &&
      s.db.cu <= (catalogLimit(componentOf(ctx.catalog, 'neon'), 'cu_per_node', 'free')?.max ?? 0) &&
      fits(use('neon', 'free', 'compute'), s.db.cu * HOURS_PER_MONTH * awake(m)) &&
      fits(use('neon', 'free', 'storage'), s.db.storageGb)
    )
  }
  const month12 = last
  const lean = sleeps
    ? `lean lets the compute scale to zero after ${SCALE_TO_ZERO_IDLE_MINUTES} idle minutes, awake about ${Math.round(awake(month12) * 100)}% of month 12 (${PER_USER.sessionsPerMonth} visits of ${PER_USER.sessionMinutes} minutes per active user a month, in ${global ? 'any hour of the day' : `the ${ACTIVE_HOURS_A_DAY} hours a day your users are about`}), and stays on the free plan (${limitOf(ctx, 'neon', 'free', 'compute')} CU-hours, ${limitOf(ctx, 'neon', 'free', 'storage')} GB) in the months it fits; moderate and scaled keep it always on, so no request waits for a cold start`
    : `every band keeps the compute always on, since ${alwaysBusyReason(ctx)} would wake it all day, and the free plan's ${limitOf(ctx, 'neon', 'free', 'compute')} CU-hours keep even the smallest compute awake for only ${formatNumber(limitOf(ctx, 'neon', 'free', 'compute') / BAND_PROFILES.lean.dbMinCu)} of the month's ${HOURS_PER_MONTH} hours`
  return line(
    ctx,
    p,
    head,
    `Neon Launch at ${rate(ctx, 'neon', 'launch', 'compute')} and ${rate(ctx, 'neon', 'launch', 'storage')}, with no monthly minimum: ${lean}. Read replicas and standbys are computes of the same size billed by the hour. ${sizes}`,
    (band, m, use) => {
      if (free(band, m, use)) return charge(use('neon', 'free', 'base'), 1) * across
      const s = size(band, m)
      const hours = s.db.cu * nodes(s.db) * HOURS_PER_MONTH * (band === 'lean' ? awake(m) : 1)
      return (
        (charge(use('neon', 'launch', 'compute'), hours) + charge(use('neon', 'launch', 'storage'), s.db.storageGb)) *
        across
      )
    },
  )
}

/** Components that query the database all day and so keep a compute that sleeps when idle awake. */
function awakeKeepers(ctx: PriceContext): string[] {
  const out: string[] = []
  const ids = new Set(ctx.planned.map((x) => x.c.id))
  if (ids.has('worker') && !ids.has('queue')) out.push('workers polling the jobs table')
  if (ids.has('ingestion') || ctx.usage.tsEvents.some((e) => e > 0)) out.push('a steady stream of events')
  if (ids.has('realtime')) out.push('the live-update service listening for changes')
  return out
}

function sleepsWhenIdle(ctx: PriceContext): boolean {
  return awakeKeepers(ctx).length === 0
}

function alwaysBusyReason(ctx: PriceContext): string {
  return joinWords(awakeKeepers(ctx))
}

/**
 * What the embeddings add to the database, and whether their index fits in
 * memory: a node keeps at most three quarters of its memory for the index, so
 * past that even the largest node the vendor sells reads it from disk.
 */
function vectorNote(ctx: PriceContext, p: Planned, maxCu: number): string {
  const last = ctx.usage.vectors.length - 1
  const regions = regionCount(p)
  const addedGb = (ctx.usage.vectors[last] * vectorKb(ctx.usage.vectorDimensions)) / 1_000_000
  const indexGb = vectorIndexGb(ctx.usage, last) / regions
  const roomGb = maxCu * INDEX_SHARE_OF_NODE * CU_MEMORY_GB
  const added = `Embeddings (pgvector) add ${formatNumber(Math.round(addedGb * 10) / 10)} GB by month 12`
  if (indexGb <= roomGb)
    return ` ${added}; moderate and scaled size memory so the vector index fits in it, while lean reads it from disk, more slowly.`
  return ` ${added}; their index, about ${formatNumber(Math.round(indexGb))} GB, is larger than the ${formatNumber(Math.round(roomGb))} GB the vendor's largest node can keep in memory, so every band reads it from disk: benchmark recall and latency before launch, and expect to move the vectors to a dedicated store.`
}

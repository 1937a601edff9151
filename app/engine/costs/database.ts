import type { LineItem } from '#app/engine/brief.ts'
import type { Planned } from '#app/engine/plan/components.ts'
import { regionCount, sizeAt } from '#app/engine/plan.ts'
import { formatNumber } from '#app/engine/prose.ts'
import { sizesText } from './compute.ts'
import { charge, limitOf, line, type PriceContext, rate, regionFactor } from './line.ts'
import { CU_MEMORY_GB, type DatabaseSize, INDEX_SHARE_OF_NODE, vectorIndexGb, vectorKb } from './sizing.ts'
import { HOURS_PER_MONTH } from './usage.ts'

/** The database: Neon, RDS, Timescale Cloud or Postgres on the team's own servers, at the plan's sizes. */

/** Nodes running: primaries (or partitions), their read replicas and standbys. */
function nodes(d: DatabaseSize): number {
  return d.primaries + d.readReplicas + d.standbys * d.primaries
}

/** Copies of the data on disk: every node keeps the data of its partition. */
function copies(d: DatabaseSize): number {
  return nodes(d) / d.primaries
}

const RDS_BY_MEMORY = [
  { ramGb: 1, price: 'db_t4g_micro' },
  { ramGb: 2, price: 'db_t4g_small' },
  { ramGb: 4, price: 'db_t4g_medium' },
  { ramGb: 8, price: 'db_t4g_large' },
  { ramGb: 16, price: 'db_t4g_xlarge' },
  { ramGb: 32, price: 'db_t4g_2xlarge' },
] as const
/** RDS allocates at least 20 GB of gp3 storage. */
const RDS_MIN_STORAGE_GB = 20
const VPS_BY_MEMORY = [
  { ramGb: 1, plan: 'vps_1gb' },
  { ramGb: 2, plan: 'vps_2gb' },
  { ramGb: 4, plan: 'vps_4gb' },
  { ramGb: 8, plan: 'vps_8gb' },
  { ramGb: 16, plan: 'vps_16gb' },
] as const

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
      `Postgres run by the team: lean shares the app server, moderate gets its own server with ${CU_MEMORY_GB} GB of memory per CU, scaled adds a standby server; each server keeps the data on block storage at ${rate(ctx, 'small_vps', 'volume', 'storage')}. ${sizes}`,
      (band, m, use) => {
        const s = size(band, m)
        const storage = charge(use('small_vps', 'volume', 'storage'), s.db.storageGb) * Math.max(1, copies(s.db))
        if (s.sharesServer) return storage * across
        const ram = s.db.cu * CU_MEMORY_GB
        const plan = VPS_BY_MEMORY.find((v) => v.ramGb >= ram)?.plan ?? 'vps_16gb'
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
      `Amazon RDS for PostgreSQL on the smallest db.t4g class with ${CU_MEMORY_GB} GB of memory per CU (db.t4g.micro ${rate(ctx, 'aws_rds_postgres', 'single_az', 'db_t4g_micro')}, each size up about double, to db.t4g.2xlarge) and gp3 storage at ${rate(ctx, 'aws_rds_postgres', 'single_az', 'storage_gp3')}, at least ${RDS_MIN_STORAGE_GB} GB; a standby (Multi-AZ) doubles both. ${sizes}`,
      (band, m, use) => {
        const s = size(band, m)
        const ram = s.db.cu * CU_MEMORY_GB
        const cls = RDS_BY_MEMORY.find((r) => r.ramGb >= ram)?.price ?? 'db_t4g_2xlarge'
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

  return line(
    ctx,
    p,
    head,
    `Neon Launch, always on, at ${rate(ctx, 'neon', 'launch', 'compute')} and ${rate(ctx, 'neon', 'launch', 'storage')} (at least ${rate(ctx, 'neon', 'launch', 'minimum')}); the free plan (${limitOf(ctx, 'neon', 'free', 'storage')} GB, a few compute hours) is too small for an always-on product database. Read replicas and standbys are computes of the same size billed by the hour. ${sizes}`,
    (band, m, use) => {
      const s = size(band, m)
      return (
        Math.max(
          charge(use('neon', 'launch', 'minimum'), 1),
          charge(use('neon', 'launch', 'compute'), s.db.cu * nodes(s.db) * HOURS_PER_MONTH) +
            charge(use('neon', 'launch', 'storage'), s.db.storageGb),
        ) * across
      )
    },
  )
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

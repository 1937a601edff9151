import type { Answers } from './answers'
import { type Area, BANDS, type Band, type Costs, type Decision, type LineItem } from './brief'
import {
  type Catalog,
  describePrice,
  formatDollars,
  groupThousands,
  type PriceRef,
  priceLookup,
  priceOf,
} from './catalog'

/**
 * Twelve-month cost bands. A usage curve from launch to month 12 is priced
 * three ways from the catalog: lean (cheapest sensible plans, free tiers where
 * the usage fits), moderate (paid plans with headroom) and scaled
 * (production-grade: more and larger instances, a standby database) at the
 * same usage. Pure: every figure comes from the answers, the decisions and the
 * catalog it is handed. Integer cents throughout.
 */

const MONTHS = 12
const HOURS_PER_MONTH = 730
const count = groupThousands

/** What one monthly active user is assumed to cause. Stated in the brief's assumptions. */
export const PER_USER = {
  requestsPerMonth: 1000,
  responseKb: 30,
  telemetryKbPerRequest: 2,
  spansPerRequest: 5,
  emailsPerMonth: 5,
  fileGb: 0.05,
  uploadsPerMonth: 20,
  downloadsPerMonth: 100,
  downloadMb: 0.25,
  jobsPerMonth: 20,
} as const

export const QUEUE_COMMANDS_PER_JOB = 10
/** A worker waiting on an empty queue still polls it, roughly every ten seconds. */
export const IDLE_QUEUE_COMMANDS_PER_WORKER_MONTH = 260_000
/** SQS bills every API call: a job is sent, received and deleted. */
export const SQS_REQUESTS_PER_JOB = 3
/** An idle worker long-polls SQS, each receive waiting up to 20 seconds: 730 hours × 180 calls. */
export const IDLE_SQS_REQUESTS_PER_WORKER_MONTH = 131_400

/** An embedding of 1,536 four-byte values is about 6 KB on disk, and its HNSW index entry about as much again. */
export const VECTOR_KB = 12
/** The part of each embedding's footprint that has to sit in memory for fast vector search: the index. */
export const VECTOR_INDEX_KB = 6
export const CU_MEMORY_GB = 4
/** Requests per second one database CU (about 1 vCPU, 4 GB) serves, by read/write profile. */
export const DB_RPS_PER_CU = { read_heavy: 250, balanced: 175, write_heavy: 100 } as const
/** Batched time-series inserts one database CPU absorbs per second. */
export const TS_EVENTS_PER_CU = 10_000
/** A typical card charge, for turning a fixed per-charge fee into a share of $1,000. */
export const AVERAGE_CHARGE_CENTS = 5000

interface BandProfile {
  instance: { vcpu: number; ramGb: number; rps: number }
  minInstances: number
  headroom: number
  workers: { postgres_jobs_table: number; queue: number }
  dbMinCu: number
  dbHeadroom: number
  /** A second database of the same size, ready to take over. */
  dbStandby: boolean
  /** Add database memory so the whole pgvector index stays in memory. */
  vectorMemory: boolean
}

export const BAND_PROFILES: Record<Band, BandProfile> = {
  lean: {
    instance: { vcpu: 0.5, ramGb: 0.5, rps: 25 },
    minInstances: 1,
    headroom: 1,
    workers: { postgres_jobs_table: 0, queue: 1 },
    dbMinCu: 0.25,
    dbHeadroom: 1,
    dbStandby: false,
    vectorMemory: false,
  },
  moderate: {
    instance: { vcpu: 1, ramGb: 1, rps: 50 },
    minInstances: 2,
    headroom: 1.5,
    workers: { postgres_jobs_table: 1, queue: 1 },
    dbMinCu: 0.5,
    dbHeadroom: 1.5,
    dbStandby: false,
    vectorMemory: true,
  },
  scaled: {
    instance: { vcpu: 2, ramGb: 2, rps: 100 },
    minInstances: 3,
    headroom: 2,
    workers: { postgres_jobs_table: 2, queue: 2 },
    dbMinCu: 1,
    dbHeadroom: 2,
    dbStandby: true,
    vectorMemory: true,
  },
}

type Hosting = 'managed_paas' | 'cloud_provider' | 'self_hosted'
type Jobs = 'inline' | 'postgres_jobs_table' | 'queue'
type Bucket = 'aws_s3' | 'cloudflare_r2'

/** Catalog component for each bucket vendor the file storage decision can name. */
const BUCKET_COMPONENTS = new Map<string, Bucket>([
  ['amazon_s3', 'aws_s3'],
  ['cloudflare_r2', 'cloudflare_r2'],
])
/** Queue vendors with no infrastructure of their own: the jobs sit in the Postgres already priced. */
const POSTGRES_QUEUE_NAMES = new Map([['oban', 'Oban']])
/** Queue libraries that run on Redis, by the vendor id the jobs decision sets; any other non-SQS vendor is taken to need Redis too. */
const REDIS_QUEUE_NAMES = new Map([
  ['bullmq', 'BullMQ'],
  ['sidekiq', 'Sidekiq'],
  ['celery', 'Celery'],
  ['laravel', 'Laravel queues'],
])

/** Instance plans per hosting choice and band. */
const EC2_PLAN: Record<Band, string> = { lean: 't4g_micro', moderate: 't4g_small', scaled: 't4g_medium' }
/** Postgres shares the lean VPS, so lean takes the 2 GB size. */
const VPS_PLAN: Record<Band, string> = { lean: 'vps_2gb', moderate: 'vps_2gb', scaled: 'vps_4gb' }
const VPS_BY_MEMORY = [
  { ramGb: 1, plan: 'vps_1gb' },
  { ramGb: 2, plan: 'vps_2gb' },
  { ramGb: 4, plan: 'vps_4gb' },
  { ramGb: 8, plan: 'vps_8gb' },
  { ramGb: 16, plan: 'vps_16gb' },
] as const
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

interface Usage {
  users: number[]
  rps: number[]
  dataGb: number[]
  vectors: number[]
  tsEvents: number[]
}

interface Context {
  a: Answers
  catalog: Catalog
  /** priceOf for this catalog. */
  price: (component: string, plan: string, price: string) => PriceRef
  usage: Usage
  hosting: Hosting
  jobs: Jobs
  /** The product behind a queue decision (sqs, oban, bullmq …); undefined when the decision names none. */
  queueVendor: string | undefined
  timescale: boolean
  pgvector: boolean
}

type Use = (component: string, plan: string, price: string) => PriceRef

export function estimateCosts(a: Answers, decisions: readonly Decision[], catalog: Catalog): Costs {
  const pgvector = chosen(decisions, 'vector_store') === 'pgvector'
  const hosting = hostingOf(a, decisions)
  const jobs = jobsOf(decisions)
  const ctx: Context = {
    a,
    catalog,
    price: priceLookup(catalog),
    usage: usageOf(a, pgvector),
    hosting,
    jobs,
    queueVendor: jobs === 'queue' ? vendorOf(decisions, 'jobs') : undefined,
    timescale: chosen(decisions, 'timeseries_store') === 'timescale',
    pgvector,
  }
  const lineItems = [
    appCompute(ctx),
    database(ctx),
    auth(ctx, chosen(decisions, 'auth')),
    email(ctx, chosen(decisions, 'email')),
    observability(ctx, chosen(decisions, 'observability')),
    chosen(decisions, 'file_storage') === 'object_storage'
      ? objectStorage(ctx, bucketOf(decisions, hosting))
      : undefined,
    ctx.jobs === 'queue' ? queue(ctx) : undefined,
  ].filter((item): item is LineItem => item !== undefined)

  const bands = Object.fromEntries(
    BANDS.map((band) => {
      const monthly = months((m) => lineItems.reduce((sum, item) => sum + item.bands[band][m], 0))
      return [band, { monthly, total12Months: monthly.reduce((s, c) => s + c, 0) }]
    }),
  ) as Costs['bands']

  return {
    currency: 'USD',
    unit: 'cents',
    pricesAsOf: catalog.pricesAsOf,
    usage: {
      activeUsers: ctx.usage.users,
      curve: describeCurve(a.load.activeUsersAtLaunch, a.load.activeUsersIn12Months),
    },
    bands,
    lineItems,
    assumptions: assumptions(ctx, decisions),
    transactionFees: transactionFees(a, catalog, chosen(decisions, 'payments')),
  }
}

// ---------------------------------------------------------------- usage

/**
 * Monthly active users for months 1..12: geometric between two positive
 * figures (steady growth or decline by the same ratio each month), a straight
 * line when either end is zero.
 */
export function usageCurve(launch: number, in12Months: number): number[] {
  const curve = months((m) =>
    launch > 0 && in12Months > 0
      ? Math.round(launch * (in12Months / launch) ** (m / (MONTHS - 1)))
      : Math.round(launch + ((in12Months - launch) * m) / (MONTHS - 1)),
  )
  curve[0] = launch
  curve[MONTHS - 1] = in12Months
  return curve
}

function describeCurve(launch: number, target: number): string {
  if (launch === target) return `Monthly active users hold at ${count(launch)} for all twelve months.`
  if (launch > 0 && target > 0) {
    const rate = Math.abs((target / launch) ** (1 / (MONTHS - 1)) - 1) * 100
    const way = target > launch ? 'grow' : 'shrink'
    return `Monthly active users ${way} geometrically from ${count(launch)} at launch to ${count(target)} in month 12, by about ${rate.toFixed(1)}% a month.`
  }
  const way = target > launch ? 'grow' : 'fall'
  return `Monthly active users ${way} in a straight line from ${count(launch)} at launch to ${count(target)} in month 12.`
}

function usageOf(a: Answers, pgvector: boolean): Usage {
  const users = usageCurve(a.load.activeUsersAtLaunch, a.load.activeUsersIn12Months)
  const last = users[MONTHS - 1]
  const share = (m: number) => (last > 0 ? users[m] / last : 1)
  // Data accumulates with usage: each month adds in proportion to its active users.
  const userMonths = users.reduce((s, u) => s + u, 0)
  let running = 0
  const grown = users.map((u, m) => {
    running += u
    return userMonths > 0 ? running / userMonths : (m + 1) / MONTHS
  })
  const vectorCount = pgvector && a.data.kinds.includes('vectors') ? a.data.vectorCount : 0
  const events = a.data.kinds.includes('timeseries') ? a.data.timeseriesEventsPerSecond : 0
  return {
    users,
    rps: months((m) => a.load.peakRequestsPerSecond * share(m)),
    dataGb: grown.map((g) => a.load.dataVolumeGbIn12Months * g),
    vectors: grown.map((g) => vectorCount * g),
    tsEvents: months((m) => events * share(m)),
  }
}

// ---------------------------------------------------------------- decisions

function chosen(decisions: readonly Decision[], area: Area): string | undefined {
  const d = decisions.find((x) => x.area === area)
  return d && d.status === 'adopt' && d.choice.id !== 'none' ? d.choice.id : undefined
}

function hostingOf(a: Answers, decisions: readonly Decision[]): Hosting {
  const choice = chosen(decisions, 'hosting') ?? a.budget.hosting
  return choice === 'cloud_provider' || choice === 'self_hosted' ? choice : 'managed_paas'
}

/** The product an adopted decision names for its choice, when it names one. */
function vendorOf(decisions: readonly Decision[], area: Area): string | undefined {
  return chosen(decisions, area) ? decisions.find((x) => x.area === area)?.choice.vendor : undefined
}

/** The bucket the file storage decision names; without one, S3 on a cloud provider and R2 elsewhere. */
function bucketOf(decisions: readonly Decision[], hosting: Hosting): Bucket {
  const vendor = vendorOf(decisions, 'file_storage')
  const named = vendor === undefined ? undefined : BUCKET_COMPONENTS.get(vendor)
  return named ?? (hosting === 'cloud_provider' ? 'aws_s3' : 'cloudflare_r2')
}

function jobsOf(decisions: readonly Decision[]): Jobs {
  const choice = chosen(decisions, 'jobs')
  return choice === 'queue' || choice === 'postgres_jobs_table' ? choice : 'inline'
}

// ---------------------------------------------------------------- sizing

function instances(ctx: Context, band: Band, m: number): number {
  const p = BAND_PROFILES[band]
  return Math.max(p.minInstances, Math.ceil((ctx.usage.rps[m] * p.headroom) / p.instance.rps))
}

function workers(ctx: Context, band: Band): number {
  return ctx.jobs === 'inline' ? 0 : BAND_PROFILES[band].workers[ctx.jobs]
}

/**
 * Database compute in CU: from the month's peak requests and time-series
 * writes, with the band's floor and headroom, plus memory for the vector index
 * where the band keeps it in memory.
 */
function databaseCu(ctx: Context, band: Band, m: number): number {
  const p = BAND_PROFILES[band]
  const need = ctx.usage.rps[m] / DB_RPS_PER_CU[ctx.a.load.readWriteProfile] + ctx.usage.tsEvents[m] / TS_EVENTS_PER_CU
  const index = p.vectorMemory ? vectorIndexGb(ctx, m) / CU_MEMORY_GB : 0
  return computeStep(Math.max(p.dbMinCu, need * p.dbHeadroom) + index)
}

function vectorIndexGb(ctx: Context, m: number): number {
  return (ctx.usage.vectors[m] * VECTOR_INDEX_KB) / 1_000_000
}

/** Managed Postgres sizes come in quarter and half CUs, then whole ones. */
function computeStep(cu: number): number {
  if (cu <= 0.25) return 0.25
  if (cu <= 0.5) return 0.5
  return Math.ceil(cu)
}

function databaseGb(ctx: Context, m: number): number {
  return ctx.usage.dataGb[m] + (ctx.usage.vectors[m] * VECTOR_KB) / 1_000_000
}

/** Fractional cents for `quantity` units beyond what the plan includes. */
function charge({ price }: PriceRef, quantity: number): number {
  return ((price.cents ?? 0) * Math.max(0, quantity - (price.included ?? 0))) / price.per
}

function fits({ price }: PriceRef, quantity: number): boolean {
  return price.limit === undefined || quantity <= price.limit
}

/**
 * One line item: prices each band and month, rounds to whole cents, records
 * every price it used as a source, and keeps lean <= moderate <= scaled.
 */
function line(
  ctx: Context,
  head: { id: string; area: Area; component: string },
  basis: string,
  cost: (band: Band, m: number, use: Use) => number,
): LineItem {
  // priceOf gives one object per price, so a Set keeps each price once, in first-use order.
  const used = new Set<PriceRef>()
  const use: Use = (component, plan, price) => {
    const ref = ctx.price(component, plan, price)
    used.add(ref)
    return ref
  }
  const lean = months((m) => Math.round(cost('lean', m, use)))
  const moderate = months((m) => Math.max(lean[m], Math.round(cost('moderate', m, use))))
  const scaled = months((m) => Math.max(moderate[m], Math.round(cost('scaled', m, use))))
  const sources = new Map<string, LineItem['sources'][number]>()
  for (const { price } of used) {
    const source = { url: price.source, asOf: price.asOf, estimate: price.estimate }
    sources.set(JSON.stringify(source), source)
  }
  return { ...head, bands: { lean, moderate, scaled }, basis, sources: [...sources.values()] }
}

// ---------------------------------------------------------------- line items

/** What one app instance is on each hosting choice, by band. */
function machineName(hosting: Hosting, band: Band): string {
  const p = BAND_PROFILES[band].instance
  if (hosting === 'cloud_provider') return EC2_PLAN[band].replace('_', '.')
  if (hosting === 'self_hosted') return `${VPS_PLAN[band].replace('vps_', '').replace('gb', ' GB')} server`
  return `${p.vcpu} vCPU/${p.ramGb} GB`
}

function appCompute(ctx: Context): LineItem {
  const last = MONTHS - 1
  const sizing = BANDS.map((band) => {
    const w = workers(ctx, band)
    const extra = w > 0 ? ` plus ${w} worker${w > 1 ? 's' : ''}` : ''
    return `${band} ${instances(ctx, band, last)} × ${machineName(ctx.hosting, band)}${extra}`
  }).join('; ')
  const per = BANDS.map((b) => BAND_PROFILES[b].instance.rps).join(', ')
  const headroom = BANDS.map((b) => `${BAND_PROFILES[b].headroom}×`).join(', ')
  const capacity = `One instance per ${per} requests per second of the month's peak (lean, moderate, scaled) after ${headroom} headroom; the month-12 peak is ${rps(ctx.usage.rps[last])}.`
  const machines = (band: Band, m: number) => instances(ctx, band, m) + workers(ctx, band)

  if (ctx.hosting === 'managed_paas') {
    const plan = (band: Band) => (band === 'lean' ? 'hobby' : 'pro')
    return line(
      ctx,
      { id: 'app_compute', area: 'hosting', component: 'Railway' },
      `Railway at ${rate(ctx, 'railway', 'pro', 'vcpu')} and ${rate(ctx, 'railway', 'pro', 'ram')}, each instance counted at its full size all month (an upper bound for usage billing) and network egress left out; lean on Hobby (at least ${rate(ctx, 'railway', 'hobby', 'minimum')}), moderate and scaled on Pro (at least ${rate(ctx, 'railway', 'pro', 'minimum')}). Month 12: ${sizing}. ${capacity}`,
      (band, m, use) => {
        const p = BAND_PROFILES[band].instance
        const each =
          charge(use('railway', plan(band), 'vcpu'), p.vcpu) + charge(use('railway', plan(band), 'ram'), p.ramGb)
        return Math.max(charge(use('railway', plan(band), 'minimum'), 1), machines(band, m) * each)
      },
    )
  }

  if (ctx.hosting === 'cloud_provider') {
    const egressGb = (m: number) => (ctx.usage.users[m] * PER_USER.requestsPerMonth * PER_USER.responseKb) / 1_000_000
    return line(
      ctx,
      { id: 'app_compute', area: 'hosting', component: 'AWS EC2 (t4g, on demand)' },
      `AWS EC2 on demand in us-east-1 (t4g.micro ${rate(ctx, 'aws_ec2', 't4g_micro', 'instance')}, t4g.small ${rate(ctx, 'aws_ec2', 't4g_small', 'instance')}, t4g.medium ${rate(ctx, 'aws_ec2', 't4g_medium', 'instance')}), with an Application Load Balancer (${rate(ctx, 'aws_alb', 'standard', 'hour')}) in front of moderate and scaled, and data out to the internet at ${rate(ctx, 'aws_data_transfer', 'standard', 'egress')} for about ${PER_USER.responseKb} KB per request. Month 12: ${sizing}. ${capacity}`,
      (band, m, use) => {
        const hours = machines(band, m) * HOURS_PER_MONTH
        const balancer = band === 'lean' ? 0 : charge(use('aws_alb', 'standard', 'hour'), HOURS_PER_MONTH)
        return (
          charge(use('aws_ec2', EC2_PLAN[band], 'instance'), hours) +
          balancer +
          charge(use('aws_data_transfer', 'standard', 'egress'), egressGb(m))
        )
      },
    )
  }

  return line(
    ctx,
    { id: 'app_compute', area: 'hosting', component: 'Small VPS' },
    `Basic virtual servers at list price (2 GB ${rate(ctx, 'small_vps', 'vps_2gb', 'instance')}, 4 GB ${rate(ctx, 'small_vps', 'vps_4gb', 'instance')}): lean's one server also runs Postgres; a reverse proxy on the first server stands in for a paid load balancer, and bandwidth is taken as included. Month 12: ${sizing}. ${capacity}`,
    (band, m, use) => machines(band, m) * charge(use('small_vps', VPS_PLAN[band], 'instance'), 1),
  )
}

function database(ctx: Context): LineItem {
  const last = MONTHS - 1
  const cu12 = BANDS.map((b) => `${b} ${num(databaseCu(ctx, b, last))} CU`).join(', ')
  const vectors = ctx.pgvector
    ? ` Embeddings (pgvector) add ${num(round1((ctx.usage.vectors[last] * VECTOR_KB) / 1_000_000))} GB by month 12; moderate and scaled get ${num(round1(vectorIndexGb(ctx, last)))} GB more memory so the vector index fits in it, while lean reads the index from disk, more slowly.`
    : ''
  const sizing = `Month 12: ${num(round1(databaseGb(ctx, last)))} GB stored; ${cu12}, and scaled keeps a standby of the same size.${vectors}`

  if (ctx.hosting === 'self_hosted') {
    return line(
      ctx,
      {
        id: 'database',
        area: 'database',
        component: ctx.timescale ? 'Postgres with Timescale on a VPS' : 'Postgres on a VPS',
      },
      `Postgres run by the team${ctx.timescale ? ' with the time-series extension installed' : ''}: lean shares the app server, moderate gets its own server with ${CU_MEMORY_GB} GB of memory per CU, scaled adds a standby server; each server keeps the data on block storage at ${rate(ctx, 'small_vps', 'volume', 'storage')}. ${sizing}`,
      (band, m, use) => {
        const servers = band === 'lean' ? 0 : BAND_PROFILES[band].dbStandby ? 2 : 1
        const storage = charge(use('small_vps', 'volume', 'storage'), databaseGb(ctx, m)) * Math.max(1, servers)
        if (servers === 0) return storage
        const ram = databaseCu(ctx, band, m) * CU_MEMORY_GB
        const size = VPS_BY_MEMORY.find((v) => v.ramGb >= ram)
        const server = size
          ? charge(use('small_vps', size.plan, 'instance'), 1)
          : Math.ceil(ram / 16) * charge(use('small_vps', 'vps_16gb', 'instance'), 1)
        return servers * server + storage
      },
    )
  }

  if (ctx.timescale) {
    return line(
      ctx,
      { id: 'database', area: 'timeseries_store', component: 'Timescale Cloud' },
      `One Timescale Cloud service holds the relational and the time-series tables alike, since it is Postgres with the extension: compute at ${rate(ctx, 'timescale_cloud', 'performance', 'compute')} with ${CU_MEMORY_GB} GB per CPU, storage at ${rate(ctx, 'timescale_cloud', 'performance', 'storage')}, and a high-availability replica in scaled. ${sizing}`,
      (band, m, use) => {
        const hours = databaseCu(ctx, band, m) * HOURS_PER_MONTH
        const replica = BAND_PROFILES[band].dbStandby
          ? charge(use('timescale_cloud', 'performance', 'ha_replica'), hours)
          : 0
        return (
          charge(use('timescale_cloud', 'performance', 'compute'), hours) +
          replica +
          charge(use('timescale_cloud', 'performance', 'storage'), databaseGb(ctx, m))
        )
      },
    )
  }

  if (ctx.hosting === 'cloud_provider') {
    return line(
      ctx,
      { id: 'database', area: 'database', component: 'Amazon RDS for PostgreSQL' },
      `Amazon RDS for PostgreSQL on the smallest db.t4g class with ${CU_MEMORY_GB} GB of memory per CU (db.t4g.micro ${rate(ctx, 'aws_rds_postgres', 'single_az', 'db_t4g_micro')}, each size up about double) and gp3 storage at ${rate(ctx, 'aws_rds_postgres', 'single_az', 'storage_gp3')}, at least ${RDS_MIN_STORAGE_GB} GB; scaled runs Multi-AZ, which doubles both. ${sizing}`,
      (band, m, use) => {
        const ram = databaseCu(ctx, band, m) * CU_MEMORY_GB
        const size = RDS_BY_MEMORY.find((r) => r.ramGb >= ram)
        const instance = size
          ? charge(use('aws_rds_postgres', 'single_az', size.price), HOURS_PER_MONTH)
          : Math.ceil(ram / 32) * charge(use('aws_rds_postgres', 'single_az', 'db_t4g_2xlarge'), HOURS_PER_MONTH)
        const storage = charge(
          use('aws_rds_postgres', 'single_az', 'storage_gp3'),
          Math.max(RDS_MIN_STORAGE_GB, databaseGb(ctx, m)),
        )
        return (instance + storage) * (BAND_PROFILES[band].dbStandby ? 2 : 1)
      },
    )
  }

  const standby = (band: Band) => (BAND_PROFILES[band].dbStandby ? 2 : 1)
  return line(
    ctx,
    { id: 'database', area: 'database', component: 'Neon Postgres' },
    `Neon Launch, always on, at ${rate(ctx, 'neon', 'launch', 'compute')} and ${rate(ctx, 'neon', 'launch', 'storage')} (at least ${rate(ctx, 'neon', 'launch', 'minimum')}); the free plan (${num(limitOf(ctx, 'neon', 'free', 'storage'))} GB, a few compute hours) is too small for an always-on product database. Scaled adds a second compute of the same size to fail over to. ${sizing}`,
    (band, m, use) =>
      Math.max(
        charge(use('neon', 'launch', 'minimum'), 1),
        charge(use('neon', 'launch', 'compute'), databaseCu(ctx, band, m) * standby(band) * HOURS_PER_MONTH) +
          charge(use('neon', 'launch', 'storage'), databaseGb(ctx, m)),
      ),
  )
}

function auth(ctx: Context, choice: string | undefined): LineItem | undefined {
  const users = ctx.usage.users
  const head = (component: string) => ({ id: 'auth', area: 'auth' as const, component })
  const sso = ctx.a.compliance.enterpriseSso
  switch (choice) {
    case 'clerk':
      return line(
        ctx,
        head('Clerk'),
        `Clerk, per monthly active user: lean stays on the free plan while users fit it (about ${count(limitOf(ctx, 'clerk', 'free', 'mau'))}, unconfirmed), then Pro; moderate and scaled use Pro at ${rate(ctx, 'clerk', 'pro', 'base')} with ${count(includedOf(ctx, 'clerk', 'pro', 'extra_mau'))} users included and ${rate(ctx, 'clerk', 'pro', 'extra_mau')} beyond.${sso ? ' Enterprise SSO connections are priced separately and not included.' : ''}`,
        (band, m, use) => {
          if (band === 'lean' && fits(use('clerk', 'free', 'mau'), users[m]))
            return charge(use('clerk', 'free', 'base'), 1)
          return charge(use('clerk', 'pro', 'base'), 1) + charge(use('clerk', 'pro', 'extra_mau'), users[m])
        },
      )
    case 'auth0':
      return line(
        ctx,
        head('Auth0'),
        `Auth0: lean stays on the free plan up to ${count(limitOf(ctx, 'auth0', 'free', 'mau'))} monthly active users; moderate and scaled use a paid plan, estimated at ${rate(ctx, 'auth0', 'essentials', 'base')} with ${count(includedOf(ctx, 'auth0', 'essentials', 'extra_mau'))} users included and ${rate(ctx, 'auth0', 'essentials', 'extra_mau')} beyond (paid tiers unconfirmed).${sso ? ' Enterprise SSO connections need a higher tier that is not priced here.' : ''}`,
        (band, m, use) => {
          if (band === 'lean' && fits(use('auth0', 'free', 'mau'), users[m]))
            return charge(use('auth0', 'free', 'base'), 1)
          return (
            charge(use('auth0', 'essentials', 'base'), 1) + charge(use('auth0', 'essentials', 'extra_mau'), users[m])
          )
        },
      )
    case 'stytch':
      return line(
        ctx,
        head('Stytch'),
        `Stytch has no monthly fee: the first ${count(includedOf(ctx, 'stytch', 'pay_as_you_go', 'extra_mau'))} monthly active users are free in every band, then an estimated ${rate(ctx, 'stytch', 'pay_as_you_go', 'extra_mau')} (unconfirmed).${sso ? ` The first ${includedOf(ctx, 'stytch', 'pay_as_you_go', 'sso_connection')} SSO or SCIM connections are free; each further one is ${rate(ctx, 'stytch', 'pay_as_you_go', 'sso_connection')} and is not included.` : ''}`,
        (_band, m, use) =>
          charge(use('stytch', 'pay_as_you_go', 'base'), 1) +
          charge(use('stytch', 'pay_as_you_go', 'extra_mau'), users[m]),
      )
    case 'better_auth':
      return line(
        ctx,
        head('Better-Auth'),
        'Better-Auth is an open-source library running inside the app, so it costs nothing beyond the app compute and database already priced.',
        (_band, _m, use) => charge(use('better_auth', 'open_source', 'licence'), 1),
      )
    default:
      return undefined
  }
}

function email(ctx: Context, choice: string | undefined): LineItem | undefined {
  const sent = (m: number) => ctx.usage.users[m] * PER_USER.emailsPerMonth
  const head = (component: string) => ({ id: 'email', area: 'email' as const, component })
  const volume = `${count(sent(MONTHS - 1))} emails in month 12 at ${PER_USER.emailsPerMonth} per active user`
  switch (choice) {
    case 'postmark':
      return line(
        ctx,
        head('Postmark'),
        `Postmark: lean stays on the free ${count(limitOf(ctx, 'postmark', 'free', 'emails'))} emails a month while they suffice, then Basic; moderate and scaled use Basic at ${rate(ctx, 'postmark', 'basic', 'base')} for ${count(includedOf(ctx, 'postmark', 'basic', 'extra_emails'))} emails and ${rate(ctx, 'postmark', 'basic', 'extra_emails')} beyond. ${volume}.`,
        (band, m, use) => {
          if (band === 'lean' && fits(use('postmark', 'free', 'emails'), sent(m))) return 0
          return charge(use('postmark', 'basic', 'base'), 1) + charge(use('postmark', 'basic', 'extra_emails'), sent(m))
        },
      )
    case 'resend': {
      const plan = (id: 'pro' | 'scale', use: Use, m: number) =>
        charge(use('resend', id, 'base'), 1) + charge(use('resend', id, 'extra_emails'), sent(m))
      return line(
        ctx,
        head('Resend'),
        `Resend: lean stays on the free ${count(limitOf(ctx, 'resend', 'free', 'emails'))} emails a month while they suffice; after that lean and moderate take the cheaper of Pro (${rate(ctx, 'resend', 'pro', 'base')} for ${count(includedOf(ctx, 'resend', 'pro', 'extra_emails'))}) and Scale (${rate(ctx, 'resend', 'scale', 'base')} for ${count(includedOf(ctx, 'resend', 'scale', 'extra_emails'))}), and scaled takes Scale; ${rate(ctx, 'resend', 'scale', 'extra_emails')} beyond. ${volume}.`,
        (band, m, use) => {
          if (band === 'lean' && fits(use('resend', 'free', 'emails'), sent(m))) return 0
          const scale = plan('scale', use, m)
          return band === 'scaled' ? scale : Math.min(plan('pro', use, m), scale)
        },
      )
    }
    case 'amazon_ses':
      return line(
        ctx,
        head('Amazon SES'),
        `Amazon SES at about ${rate(ctx, 'amazon_ses', 'pay_as_you_go', 'emails')} in every band, with no free allowance assumed. ${volume}.`,
        (_band, m, use) => charge(use('amazon_ses', 'pay_as_you_go', 'emails'), sent(m)),
      )
    default:
      return undefined
  }
}

function observability(ctx: Context, choice: string | undefined): LineItem | undefined {
  const requests = (m: number) => ctx.usage.users[m] * PER_USER.requestsPerMonth
  const telemetryGb = (m: number) => (requests(m) * PER_USER.telemetryKbPerRequest) / 1_000_000
  const head = (component: string) => ({ id: 'observability', area: 'observability' as const, component })
  const volume = `${num(round1(telemetryGb(MONTHS - 1)))} GB of logs and traces in month 12`
  switch (choice) {
    case 'grafana_stack':
      return line(
        ctx,
        head('Grafana Cloud'),
        `Grafana Cloud: lean stays on the free plan (${count(limitOf(ctx, 'grafana_cloud', 'free', 'telemetry'))} GB of logs and traces, ${count(limitOf(ctx, 'grafana_cloud', 'free', 'metric_series'))} metric series, 14 days kept) while it fits; moderate and scaled use the paid plan at an estimated ${rate(ctx, 'grafana_cloud', 'pro', 'platform_fee')} plus ${rate(ctx, 'grafana_cloud', 'pro', 'extra_telemetry')} beyond ${count(includedOf(ctx, 'grafana_cloud', 'pro', 'extra_telemetry'))} GB. ${volume}.`,
        (band, m, use) => {
          if (band === 'lean' && fits(use('grafana_cloud', 'free', 'telemetry'), telemetryGb(m))) {
            return charge(use('grafana_cloud', 'free', 'base'), 1)
          }
          return (
            charge(use('grafana_cloud', 'pro', 'platform_fee'), 1) +
            charge(use('grafana_cloud', 'pro', 'extra_telemetry'), telemetryGb(m))
          )
        },
      )
    case 'datadog': {
      const hosts = (band: Band, m: number) => instances(ctx, band, m) + workers(ctx, band)
      return line(
        ctx,
        head('Datadog'),
        `Datadog billed yearly, one host per app instance and worker: lean pays for infrastructure monitoring (${rate(ctx, 'datadog', 'pro', 'infra_host_yearly')}), moderate and scaled add APM (${rate(ctx, 'datadog', 'pro', 'apm_host')}); logs are ingested at ${rate(ctx, 'datadog', 'pro', 'logs_ingested')} in every band, and indexing them is extra. ${volume}.`,
        (band, m, use) => {
          const apm = band === 'lean' ? 0 : charge(use('datadog', 'pro', 'apm_host'), hosts(band, m))
          return (
            charge(use('datadog', 'pro', 'infra_host_yearly'), hosts(band, m)) +
            apm +
            charge(use('datadog', 'pro', 'logs_ingested'), telemetryGb(m))
          )
        },
      )
    }
    case 'honeycomb': {
      const events = (m: number) => requests(m) * PER_USER.spansPerRequest
      const block = limitOf(ctx, 'honeycomb', 'pro', 'events')
      return line(
        ctx,
        head('Honeycomb'),
        `Honeycomb, priced by events (about ${PER_USER.spansPerRequest} per request): lean samples traces down to the free plan's estimated ${count(limitOf(ctx, 'honeycomb', 'free', 'events'))} events a month; moderate and scaled use Pro, an estimated ${rate(ctx, 'honeycomb', 'pro', 'base')} for each ${count(block)} events. ${count(events(MONTHS - 1))} events in month 12 before sampling.`,
        (band, m, use) => {
          if (band === 'lean') return charge(use('honeycomb', 'free', 'events'), 0)
          use('honeycomb', 'pro', 'events')
          return Math.max(1, Math.ceil(events(m) / block)) * charge(use('honeycomb', 'pro', 'base'), 1)
        },
      )
    }
    default:
      return undefined
  }
}

function objectStorage(ctx: Context, bucket: Bucket): LineItem {
  const users = ctx.usage.users
  const storedGb = (m: number) => users[m] * PER_USER.fileGb
  const uploads = (m: number) => users[m] * PER_USER.uploadsPerMonth
  const downloads = (m: number) => users[m] * PER_USER.downloadsPerMonth
  const head = (component: string) => ({ id: 'object_storage', area: 'file_storage' as const, component })
  const volume = `${num(round1(storedGb(MONTHS - 1)))} GB stored in month 12`
  if (bucket === 'aws_s3') {
    return line(
      ctx,
      head('Amazon S3 Standard'),
      `Amazon S3 Standard in every band: ${rate(ctx, 'aws_s3', 'standard', 'storage')}, uploads at ${rate(ctx, 'aws_s3', 'standard', 'put')}, downloads at ${rate(ctx, 'aws_s3', 'standard', 'get')} and ${rate(ctx, 'aws_s3', 'standard', 'egress')}. ${volume}.`,
      (_band, m, use) =>
        charge(use('aws_s3', 'standard', 'storage'), storedGb(m)) +
        charge(use('aws_s3', 'standard', 'put'), uploads(m)) +
        charge(use('aws_s3', 'standard', 'get'), downloads(m)) +
        charge(use('aws_s3', 'standard', 'egress'), (downloads(m) * PER_USER.downloadMb) / 1000),
    )
  }
  return line(
    ctx,
    head('Cloudflare R2'),
    `Cloudflare R2 in every band: ${rate(ctx, 'cloudflare_r2', 'standard', 'storage')} beyond ${count(includedOf(ctx, 'cloudflare_r2', 'standard', 'storage'))} GB free, uploads at ${rate(ctx, 'cloudflare_r2', 'standard', 'class_a')}, downloads at ${rate(ctx, 'cloudflare_r2', 'standard', 'class_b')}, and nothing for data sent out. ${volume}.`,
    (_band, m, use) =>
      charge(use('cloudflare_r2', 'standard', 'storage'), storedGb(m)) +
      charge(use('cloudflare_r2', 'standard', 'class_a'), uploads(m)) +
      charge(use('cloudflare_r2', 'standard', 'class_b'), downloads(m)),
  )
}

/** The queue's own line, by the product the jobs decision names; none for a queue that lives in Postgres. */
function queue(ctx: Context): LineItem | undefined {
  const vendor = ctx.queueVendor
  if (vendor === undefined) return redisQueue(ctx, undefined)
  if (POSTGRES_QUEUE_NAMES.has(vendor)) return undefined
  if (vendor === 'sqs') return sqsQueue(ctx)
  return redisQueue(ctx, REDIS_QUEUE_NAMES.get(vendor) ?? vendor)
}

function sqsQueue(ctx: Context): LineItem {
  const requests = (band: Band, m: number) =>
    ctx.usage.users[m] * PER_USER.jobsPerMonth * SQS_REQUESTS_PER_JOB +
    workers(ctx, band) * IDLE_SQS_REQUESTS_PER_WORKER_MONTH
  return line(
    ctx,
    { id: 'queue', area: 'jobs', component: 'Amazon SQS' },
    `Amazon SQS standard queues in every band: the first ${count(includedOf(ctx, 'aws_sqs', 'standard', 'requests'))} requests a month are free, the rest ${rate(ctx, 'aws_sqs', 'standard', 'requests')}. ${count(requests('moderate', MONTHS - 1))} requests in month 12 with one worker.`,
    (band, m, use) => charge(use('aws_sqs', 'standard', 'requests'), requests(band, m)),
  )
}

/** Upstash Redis holding the queue of `library`, the Redis-backed library the decision names, if it names one. */
function redisQueue(ctx: Context, library: string | undefined): LineItem {
  const commands = (band: Band, m: number) =>
    ctx.usage.users[m] * PER_USER.jobsPerMonth * QUEUE_COMMANDS_PER_JOB +
    workers(ctx, band) * IDLE_QUEUE_COMMANDS_PER_WORKER_MONTH
  const holding = library ? `holding the ${library} queue` : 'holding the queue (for BullMQ, Sidekiq and the like)'
  return line(
    ctx,
    { id: 'queue', area: 'jobs', component: library ? `Upstash Redis for ${library}` : 'Upstash Redis' },
    `Upstash Redis ${holding}: lean stays on the free ${count(limitOf(ctx, 'upstash_redis', 'free', 'commands'))} commands a month while they suffice; moderate and scaled pay ${rate(ctx, 'upstash_redis', 'pay_as_you_go', 'commands')}. ${count(commands('moderate', MONTHS - 1))} commands in month 12 with one worker.`,
    (band, m, use) => {
      if (band === 'lean' && fits(use('upstash_redis', 'free', 'commands'), commands(band, m))) return 0
      return charge(use('upstash_redis', 'pay_as_you_go', 'commands'), commands(band, m))
    },
  )
}

// ---------------------------------------------------------------- payments

const PROCESSED_CENTS = 100_000

function transactionFees(a: Answers, catalog: Catalog, choice: string | undefined): Costs['transactionFees'] {
  const payouts = a.compliance.payments === 'marketplace_payouts'
  const source = ({ price }: PriceRef) => ({ url: price.source, asOf: price.asOf, estimate: price.estimate })
  const share = ({ price }: PriceRef, amount: number) => (amount * (price.basisPoints ?? 0)) / 10_000
  const percent = ({ price }: PriceRef) => `${(price.basisPoints ?? 0) / 100}%`

  if (choice === 'stripe') {
    const card = priceOf(catalog, 'stripe', 'standard', 'card_percent')
    const fixed = priceOf(catalog, 'stripe', 'standard', 'card_fixed')
    const international = priceOf(catalog, 'stripe', 'standard', 'international_card')
    const conversion = priceOf(catalog, 'stripe', 'standard', 'currency_conversion')
    const charges = PROCESSED_CENTS / AVERAGE_CHARGE_CENTS
    const domestic = Math.round(share(card, PROCESSED_CENTS) + charge(fixed, charges))
    const abroad = Math.round(domestic + share(international, PROCESSED_CENTS) + share(conversion, PROCESSED_CENTS))
    const fees: Costs['transactionFees'] = [
      {
        provider: 'stripe',
        name: 'Stripe, cards from the account’s own country',
        per1000ProcessedCents: domestic,
        text: `${percent(card)} of each charge plus ${fixed.price.cents}¢; at an average charge of ${usd(AVERAGE_CHARGE_CENTS)} that is ${charges} charges, or ${usd(domestic)} per $1,000.${payouts ? ' Paying sellers out through Connect costs extra and is not included.' : ''}`,
        sources: [source(card), source(fixed)],
      },
    ]
    if (a.compliance.markets.some((m) => m !== 'us')) {
      fees.push({
        provider: 'stripe',
        name: 'Stripe, cards from abroad that need currency conversion',
        per1000ProcessedCents: abroad,
        text: `Cards issued abroad add ${percent(international)} and converting the currency adds ${percent(conversion)}, so ${usd(abroad)} per $1,000 when both apply; paying users outside the account's country make these likely.`,
        sources: [source(card), source(fixed), source(international), source(conversion)],
      })
    }
    return fees
  }

  if (choice === 'razorpay') {
    const domestic = priceOf(catalog, 'razorpay', 'standard', 'domestic_percent')
    const international = priceOf(catalog, 'razorpay', 'standard', 'international_percent')
    const gst = priceOf(catalog, 'razorpay', 'standard', 'gst_on_fee')
    const withGst = (fee: number) => Math.round(fee + share(gst, fee))
    const home = withGst(share(domestic, PROCESSED_CENTS))
    const abroad = withGst(share(international, PROCESSED_CENTS))
    const fees: Costs['transactionFees'] = [
      {
        provider: 'razorpay',
        name: 'Razorpay, domestic payments (cards, UPI, netbanking, wallets)',
        per1000ProcessedCents: home,
        text: `${percent(domestic)} of each payment plus ${percent(gst)} GST on that fee, so ${usd(home)} per $1,000 processed; fees are charged in rupees, so read this as per $1,000 worth.${payouts ? ' Splitting payments to sellers (Route) is priced separately and not included.' : ''}`,
        sources: [source(domestic), source(gst)],
      },
    ]
    if (a.compliance.markets.some((m) => m !== 'india')) {
      fees.push({
        provider: 'razorpay',
        name: 'Razorpay, international cards',
        per1000ProcessedCents: abroad,
        text: `Up to ${percent(international)} for cards issued outside India, plus ${percent(gst)} GST on the fee: at most ${usd(abroad)} per $1,000.`,
        sources: [source(international), source(gst)],
      })
    }
    return fees
  }

  return []
}

// ---------------------------------------------------------------- assumptions

function assumptions(ctx: Context, decisions: readonly Decision[]): string[] {
  const { a, catalog, usage } = ctx
  const last = MONTHS - 1
  const lean = BAND_PROFILES.lean
  const moderate = BAND_PROFILES.moderate
  const scaled = BAND_PROFILES.scaled
  const out = [
    `Figures are public list prices in US dollars from catalog ${catalog.version}, with prices as of ${catalog.pricesAsOf}; taxes, discounts, credits and committed-use savings are left out, and any source marked as an estimate is a figure we could not confirm.`,
    describeCurve(a.load.activeUsersAtLaunch, a.load.activeUsersIn12Months),
    a.load.activeUsersIn12Months > 0
      ? `Peak traffic in a month is the month-12 peak of ${rps(a.load.peakRequestsPerSecond)} in proportion to that month's active users.`
      : `Peak traffic stays at ${rps(a.load.peakRequestsPerSecond)} in every month.`,
    `Each active user makes about ${count(PER_USER.requestsPerMonth)} requests a month; each request returns about ${PER_USER.responseKb} KB and writes about ${PER_USER.telemetryKbPerRequest} KB of logs and traces.`,
    `The database grows with cumulative use, each month adding in proportion to its active users, to ${num(a.load.dataVolumeGbIn12Months)} GB in month 12.`,
    `App instances: lean runs at least ${lean.minInstances} × ${machineName(ctx.hosting, 'lean')}, one per ${lean.instance.rps} requests per second of peak; moderate at least ${moderate.minInstances} × ${machineName(ctx.hosting, 'moderate')}, one per ${moderate.instance.rps} after ${pct(moderate.headroom)} headroom; scaled at least ${scaled.minInstances} × ${machineName(ctx.hosting, 'scaled')}, one per ${scaled.instance.rps} after ${pct(scaled.headroom)} headroom.`,
    workersSentence(ctx.jobs, ctx.queueVendor),
    `Database compute is sized at about ${DB_RPS_PER_CU[a.load.readWriteProfile]} requests per second per CU (about 1 vCPU and ${CU_MEMORY_GB} GB) for a ${a.load.readWriteProfile.replace('_', '-')} workload: lean at least ${lean.dbMinCu} CU, moderate at least ${moderate.dbMinCu} CU after ${pct(moderate.dbHeadroom)} headroom, scaled at least ${scaled.dbMinCu} CU after ${pct(scaled.dbHeadroom)} headroom plus a standby of the same size.`,
  ]
  if (ctx.timescale || usage.tsEvents[last] > 0) {
    out.push(
      `Time-series writes grow with active users to ${count(usage.tsEvents[last])} events per second in month 12; one database CPU absorbs about ${count(TS_EVENTS_PER_CU)} batched events per second.`,
    )
  }
  if (ctx.pgvector) {
    out.push(
      `The ${count(a.data.vectorCount)} embeddings of month 12 build up like the rest of the data; each adds about ${VECTOR_KB} KB on top of the stated data volume (1,536 dimensions of 4 bytes, and about as much again for its index), and moderate and scaled add memory for the ${VECTOR_INDEX_KB} KB index entry of every embedding.`,
    )
  }
  if (
    chosen(decisions, 'vector_store') === 'dedicated_vector_db' ||
    (a.data.kinds.includes('vectors') && !ctx.pgvector)
  ) {
    out.push('No dedicated vector database is priced: it waits until pgvector latency under real load says otherwise.')
  }
  if (chosen(decisions, 'email')) {
    out.push(
      `Each active user receives about ${PER_USER.emailsPerMonth} emails a month (sign-in links, notifications, receipts).`,
    )
  }
  if (chosen(decisions, 'file_storage') === 'object_storage') {
    out.push(
      `Each active user keeps about ${num(PER_USER.fileGb * 1000)} MB of files and makes ${PER_USER.uploadsPerMonth} uploads and ${PER_USER.downloadsPerMonth} downloads of about ${PER_USER.downloadMb} MB a month.`,
    )
  }
  if (chosen(decisions, 'observability') === 'honeycomb') {
    out.push(`Each request produces about ${PER_USER.spansPerRequest} trace spans, each one Honeycomb event.`)
  }
  out.push(
    'Lean takes free tiers while the month’s usage fits them and the cheapest paid plan after that; moderate and scaled use paid plans throughout, and each line item names its plans.',
    'No cache is priced in any band: a cache waits until a measured hot path stays slow after indexing, query tuning and a larger database.',
    'Payment processing fees are a share of revenue, not infrastructure, so they are shown per $1,000 processed and kept out of the bands.',
    'Line by line, a band is never below the band beneath it: where a larger plan would come out cheaper in some month, it takes the lower band’s figure.',
  )
  return out
}

function workersSentence(jobs: Jobs, vendor: string | undefined): string {
  const w = BAND_PROFILES
  if (jobs === 'queue') {
    const workerCounts = `Background work runs on separate worker instances of the band's size reading a queue: ${w.lean.workers.queue} in lean, ${w.moderate.workers.queue} in moderate, ${w.scaled.workers.queue} in scaled.`
    const inPostgres = vendor === undefined ? undefined : POSTGRES_QUEUE_NAMES.get(vendor)
    if (inPostgres) {
      return `${workerCounts} ${inPostgres} keeps the jobs in a table of the Postgres database already priced, so the queue has no line of its own.`
    }
    if (vendor === 'sqs') {
      return `${workerCounts} Each active user starts about ${PER_USER.jobsPerMonth} jobs a month at about ${SQS_REQUESTS_PER_JOB} SQS requests each (send, receive, delete), and every worker long-polls about ${count(IDLE_SQS_REQUESTS_PER_WORKER_MONTH)} times a month while idle.`
    }
    return `${workerCounts} Each active user starts about ${PER_USER.jobsPerMonth} jobs a month at about ${QUEUE_COMMANDS_PER_JOB} queue commands each, and every worker polls about ${count(IDLE_QUEUE_COMMANDS_PER_WORKER_MONTH)} times a month while idle.`
  }
  if (jobs === 'postgres_jobs_table') {
    return `Background jobs sit in a Postgres table, which costs nothing beyond the database; lean polls it from the web process, moderate runs ${w.moderate.workers.postgres_jobs_table} worker instance and scaled ${w.scaled.workers.postgres_jobs_table}.`
  }
  return 'Work runs inside requests, so no worker instances are priced.'
}

// ---------------------------------------------------------------- helpers

/** A catalog price as a reader would say it, for a line item's basis. */
function rate(ctx: Context, component: string, plan: string, price: string): string {
  return describePrice(ctx.price(component, plan, price).price)
}

function includedOf(ctx: Context, component: string, plan: string, price: string): number {
  return ctx.price(component, plan, price).price.included ?? 0
}

function limitOf(ctx: Context, component: string, plan: string, price: string): number {
  const limit = ctx.price(component, plan, price).price.limit
  if (limit === undefined)
    throw new Error(`catalog ${ctx.catalog.version}: expected a limit on ${component}.${plan}.${price}`)
  return limit
}

function months(f: (m: number) => number): number[] {
  const out: number[] = []
  for (let m = 0; m < MONTHS; m++) out.push(f(m))
  return out
}

function round1(n: number): number {
  return Math.round(n * 10) / 10
}

function pct(multiplier: number): string {
  return `${Math.round((multiplier - 1) * 100)}%`
}

function num(n: number): string {
  return Number.isInteger(n) ? count(n) : String(Math.round(n * 100) / 100)
}

function rps(n: number): string {
  return `${num(n)} request${n === 1 ? '' : 's'} per second`
}

function usd(cents: number): string {
  return formatDollars(cents / 100)
}

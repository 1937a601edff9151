import {
  type Answers,
  AUDIT_TRAIL_SHARE,
  BYTES_PER_READING,
  estimateDataVolume,
  isEstimated,
  RECORD_MB_PER_USER,
} from '#app/engine/answers.ts'
import type { Band, Costs } from '#app/engine/brief.ts'
import { groupThousands as count } from '#app/engine/catalog.ts'
import type { PlanContext } from '#app/engine/plan.ts'
import {
  IDLE_QUEUE_COMMANDS_PER_WORKER_MONTH,
  IDLE_SQS_REQUESTS_PER_WORKER_MONTH,
  QUEUE_COMMANDS_PER_JOB,
  SQS_REQUESTS_PER_JOB,
} from './services.ts'
import {
  BAND_PROFILES,
  CONNECTIONS_PER_VCPU,
  CU_MEMORY_GB,
  DB_RPS_PER_CU,
  EVENTS_PER_VCPU,
  RPS_PER_VCPU,
  TS_EVENTS_PER_CU,
  VECTOR_QPS_PER_CU,
  vectorKb,
} from './sizing.ts'
import { describeCurve, MONTHS, PER_USER } from './usage.ts'

/** The assumptions behind the bands, in the brief's words, read from the plan and the usage curve. */

const num = (n: number) => (Number.isInteger(n) ? count(n) : String(Math.round(n * 100) / 100))
const pct = (multiplier: number) => `${Math.round((multiplier - 1) * 100)}%`

/** How the database size was estimated when the answers give none, term by term. */
function dataVolumeDerivation(a: Answers): string {
  const e = estimateDataVolume(a.load, a.data)
  const gb = (n: number) => (n >= 10 ? count(Math.round(n)) : String(Math.round(n * 10) / 10))
  const terms = [
    `${count(a.load.activeUsersIn12Months)} users × ${RECORD_MB_PER_USER} MB of records = ${gb(e.recordsGb)} GB`,
    ...(e.readingsGb > 0
      ? [
          `${count(a.data.timeseriesEventsPerSecond)} readings a second kept ${count(e.retentionDays)} days at ${BYTES_PER_READING} bytes = ${gb(e.readingsGb)} GB`,
        ]
      : []),
    ...(e.auditGb > 0
      ? [`${Math.round(AUDIT_TRAIL_SHARE * 100)}% more for the audit trail = ${gb(e.auditGb)} GB`]
      : []),
  ]
  return `estimated because the answers give no size: ${terms.join('; ')}${e.gb > e.recordsGb + e.readingsGb + e.auditGb ? `, rounded up${e.gb === 1 ? ' to the 1 GB minimum' : ''}` : ''}`
}

export function assumptions(ctx: PlanContext, jobsVendor?: string): string[] {
  const { a, catalog, usage, planned } = ctx
  const has = (id: string) => planned.some((p) => p.c.id === id)
  const last = MONTHS - 1
  const out = [
    `Figures are public list prices in US dollars from catalog ${catalog.version}, with prices as of ${catalog.pricesAsOf}; taxes, discounts, credits and committed-use savings are left out, and any source marked as an estimate is a figure we could not confirm.`,
    describeCurve(a.load.activeUsersAtLaunch, a.load.activeUsersIn12Months),
    a.load.activeUsersIn12Months > 0
      ? `Peak traffic in a month is the month-12 peak of ${num(a.load.peakRequestsPerSecond)} requests per second in proportion to that month's active users.`
      : `Peak traffic stays at ${num(a.load.peakRequestsPerSecond)} requests per second in every month.`,
    `Each active user makes about ${count(PER_USER.requestsPerMonth)} requests a month; each request returns about ${PER_USER.responseKb} KB and writes about ${PER_USER.telemetryKbPerRequest} KB of logs and traces.`,
    `The database grows with cumulative use, each month adding in proportion to its active users, to ${num(a.load.dataVolumeGbIn12Months)} GB in month 12${isEstimated(a, 'load.dataVolumeGbIn12Months') ? `, ${dataVolumeDerivation(a)}` : ''}.`,
    `App instances: one vCPU serves about ${RPS_PER_VCPU} requests per second of peak; lean runs at least ${BAND_PROFILES.lean.minInstances} instance with no headroom, moderate at least ${BAND_PROFILES.moderate.minInstances} with ${pct(BAND_PROFILES.moderate.headroom)} headroom, scaled at least ${BAND_PROFILES.scaled.minInstances} with ${pct(BAND_PROFILES.scaled.headroom)}. Past 8 instances of one size the next larger size is taken, never beyond what the vendor sells; beyond that more instances run behind a load balancer.`,
    `Database compute is sized at about ${DB_RPS_PER_CU[a.load.readWriteProfile]} requests per second per ${planned.find((p) => p.c.id === 'database')?.c.catalogId === 'neon' ? `CU (about 1 vCPU and ${CU_MEMORY_GB} GB)` : `vCPU with ${CU_MEMORY_GB} GB of memory`} for a ${a.load.readWriteProfile.replace('_', '-')} workload, with ${pct(BAND_PROFILES.moderate.dbHeadroom)} headroom in moderate and ${pct(BAND_PROFILES.scaled.dbHeadroom)} plus a standby in scaled; past the largest node the vendor sells, reads move to read replicas and writes are partitioned.`,
  ]
  const worker = planned.find((p) => p.c.id === 'worker')
  const queue = planned.find((p) => p.c.id === 'queue')
  if (worker) {
    const w = BAND_PROFILES
    const key = queue || jobsVendor === 'oban' ? 'queue' : 'postgres_jobs_table'
    const counts = `Background work runs on worker instances of the band's size: ${w.lean.workers[key]} in lean, ${w.moderate.workers[key]} in moderate, ${w.scaled.workers[key]} in scaled.`
    if (queue?.c.catalogId === 'aws_sqs') {
      out.push(
        `${counts} Each active user starts about ${PER_USER.jobsPerMonth} jobs a month at about ${SQS_REQUESTS_PER_JOB} SQS requests each (send, receive, delete), and every worker long-polls about ${count(IDLE_SQS_REQUESTS_PER_WORKER_MONTH)} times a month while idle.`,
      )
    } else if (queue) {
      out.push(
        `${counts} Each active user starts about ${PER_USER.jobsPerMonth} jobs a month at about ${QUEUE_COMMANDS_PER_JOB} queue commands each, and every worker polls about ${count(IDLE_QUEUE_COMMANDS_PER_WORKER_MONTH)} times a month while idle.`,
      )
    } else if (jobsVendor === 'oban') {
      out.push(
        `${counts} Oban keeps the jobs in a table of the Postgres database already priced, so the queue has no line of its own.`,
      )
    } else {
      out.push(
        `${counts} The jobs sit in a Postgres table, which costs nothing beyond the database; lean polls it from the web process.`,
      )
    }
  }
  if (ctx.regions.length > 1) {
    out.push(
      `Customers are split evenly between the ${ctx.regions.length} regions; each region runs its own app, database and backups, each with the band's minimum size.`,
    )
  }
  if (usage.tsEvents[last] > 0) {
    out.push(
      `Time-series writes grow with active users to ${count(usage.tsEvents[last])} events per second in month 12; one database CPU absorbs about ${count(TS_EVENTS_PER_CU)} batched events per second.`,
    )
  }
  if (has('ingestion')) {
    out.push(
      `The ingestion endpoint is sized from its own rate, ${count(usage.ingestEvents[last])} events per second in month 12${usage.estimated.includes('ingestion') ? ' (estimated from the time-series rate)' : ''}, at about ${count(EVENTS_PER_VCPU)} events per second per vCPU, apart from user requests.`,
    )
  }
  if (has('realtime')) {
    out.push(
      `About ${Math.round(PER_USER.concurrentShare * 100)}% of monthly active users hold a live connection at the busiest moment; one vCPU of the WebSocket service holds about ${count(CONNECTIONS_PER_VCPU)}.`,
    )
  }
  if (usage.vectors[last] > 0) {
    out.push(
      `The ${count(usage.vectors[last])} embeddings of month 12 build up like the rest of the data; at ${count(usage.vectorDimensions)} dimensions each adds about ${num(Math.round(vectorKb(usage.vectorDimensions) * 10) / 10)} KB with its index, moderate and scaled keep the index in memory, and one CU answers about ${VECTOR_QPS_PER_CU} similarity queries a second (${num(Math.round(usage.similarityQps[last] * 10) / 10)} at the month-12 peak${usage.estimated.includes('similarity') ? ', estimated as one in ten requests' : ''}).`,
    )
  }
  if (has('email')) out.push(`Each active user receives about ${PER_USER.emailsPerMonth} emails a month.`)
  if (has('object_storage')) {
    out.push(
      `${
        usage.estimated.includes('files')
          ? `Files stored are estimated at about ${num(PER_USER.fileGb * 1000)} MB per active user (${num(Math.round(usage.fileGb[last] * 10) / 10)} GB in month 12).`
          : `Files stored grow with cumulative use, like the database, to the ${num(Math.round(usage.fileGb[last] * 10) / 10)} GB answered for month 12.`
      } Each active user makes about ${PER_USER.uploadsPerMonth} uploads and ${PER_USER.downloadsPerMonth} downloads of about ${PER_USER.downloadMb} MB a month.`,
    )
  }
  const added = planned.filter((p) => p.c.fromMonth > 1)
  for (const p of added) {
    out.push(
      `${p.c.product} joins the plan in month ${p.c.fromMonth}, when its trigger fires, and is priced from then.`,
    )
  }
  out.push(
    'Lean takes free tiers while the month’s usage fits them and the cheapest paid plan after that; moderate and scaled use paid plans throughout, and each line item names its plans.',
    'No cache is priced in any band: a cache waits until a measured hot path stays slow after indexing, query tuning and a larger database.',
  )
  if (has('payments'))
    out.push(
      'Payment processing fees are a share of revenue, not infrastructure, so they are shown per $1,000 processed and kept out of the bands.',
    )
  out.push(
    'Line by line, a band is never below the band beneath it: where a larger plan would come out cheaper in some month, it takes the lower band’s figure.',
  )
  return out
}

/** One sentence per band: what that money buys. */
export function bandMeaning(ctx: PlanContext): Costs['bandMeaning'] {
  const standby = ctx.planned.some((p) => p.kind === 'database')
  const say: Record<Band, string> = {
    lean: 'The least that runs the product: one small instance where traffic allows, free tiers while usage fits them, and no spare capacity for a bad day.',
    moderate: `Paid plans throughout, at least ${BAND_PROFILES.moderate.minInstances} app instances so a deploy or a crash does not take the product down, and ${pct(BAND_PROFILES.moderate.headroom)} headroom over the month's peak.`,
    scaled: `Production-grade: at least ${BAND_PROFILES.scaled.minInstances} larger app instances with ${pct(BAND_PROFILES.scaled.headroom)} headroom${standby ? ', and a standby database ready to take over' : ''}.`,
  }
  return say
}

import type { Answers } from '#app/engine/answers.ts'
import type { Agreement, Area, Band, Decision, Holds, PlanComponent, Region } from '#app/engine/brief.ts'
import { type Catalog, formatDollars, priceOf, vendorFactsOf } from '#app/engine/catalog.ts'
import { constraintsOf, signsBaa, vendorRegions } from '#app/engine/constraints.ts'
import {
  BAND_PROFILES,
  CONNECTIONS_PER_VCPU,
  DB_RPS_PER_CU,
  EVENTS_PER_VCPU,
  type Host,
  MEMORY_GB_PER_VCPU,
  RPS_PER_VCPU,
  VECTOR_QPS_PER_CU,
  vectorKb,
} from '#app/engine/costs/sizing.ts'
import { PER_USER, type Usage } from '#app/engine/costs/usage.ts'

/**
 * The components the decisions put in place. One function reads the
 * decisions once; every later part of the brief (costs, picture, compliance
 * lists, risks, day one, handoff, summary) reads the list it returns.
 */

export type Kind = 'compute' | 'balancer' | 'database' | 'service'

/** A plan component as the engine works with it: the public record plus what its size is computed from. */
export interface Planned {
  c: PlanComponent
  kind: Kind
  /** For compute and balancers: where the instances run. */
  host?: Host
  /** For compute: vCPUs of demand at the month's peak (month index 0..11). */
  demand?: (m: number) => number
  /** For compute: vCPUs in use averaged over the month, where it is well below the peak; the peak when absent. */
  averageDemand?: (m: number) => number
  minInstances?: (band: Band) => number
  /** For balancers: the compute component behind it. */
  balances?: string
  /** For services: the quantity the vendor bills, in a month, and its unit. */
  quantity?: (m: number) => number
  unit?: string
  /** The catalog plan the constraints require this component to be priced on (the tier that carries its BAA). */
  plan?: string
}

interface Vendor {
  vendor: string
  catalogId: string | null
  product: string
}

const HOSTS: Record<Host, Vendor & { host: Host }> = {
  railway: { vendor: 'Railway', catalogId: 'railway', product: 'Railway services', host: 'railway' },
  aws_ec2: {
    vendor: 'Amazon Web Services',
    catalogId: 'aws_ec2',
    product: 'AWS EC2 instances',
    host: 'aws_ec2',
  },
  small_vps: {
    vendor: 'A server provider (DigitalOcean or similar)',
    catalogId: 'small_vps',
    product: 'virtual servers run by your team',
    host: 'small_vps',
  },
}

const SERVICES: Record<string, Vendor> = {
  clerk: { vendor: 'Clerk', catalogId: 'clerk', product: 'Clerk' },
  auth0: { vendor: 'Okta (Auth0)', catalogId: 'auth0', product: 'Auth0' },
  stytch: { vendor: 'Stytch', catalogId: 'stytch', product: 'Stytch' },
  workos: { vendor: 'WorkOS', catalogId: 'workos', product: 'WorkOS AuthKit' },
  postmark: { vendor: 'Postmark (ActiveCampaign)', catalogId: 'postmark', product: 'Postmark' },
  resend: { vendor: 'Resend', catalogId: 'resend', product: 'Resend' },
  amazon_ses: { vendor: 'Amazon Web Services', catalogId: 'amazon_ses', product: 'Amazon SES' },
  grafana_stack: { vendor: 'Grafana Labs', catalogId: 'grafana_cloud', product: 'Grafana Cloud' },
  datadog: { vendor: 'Datadog', catalogId: 'datadog', product: 'Datadog' },
  honeycomb: { vendor: 'Honeycomb', catalogId: 'honeycomb', product: 'Honeycomb' },
  amazon_s3: { vendor: 'Amazon Web Services', catalogId: 'aws_s3', product: 'Amazon S3' },
  cloudflare_r2: { vendor: 'Cloudflare', catalogId: 'cloudflare_r2', product: 'Cloudflare R2' },
  stripe: { vendor: 'Stripe', catalogId: 'stripe', product: 'Stripe' },
  razorpay: { vendor: 'Razorpay', catalogId: 'razorpay', product: 'Razorpay' },
  sqs: { vendor: 'Amazon Web Services', catalogId: 'aws_sqs', product: 'Amazon SQS' },
  upstash: { vendor: 'Upstash', catalogId: 'upstash_redis', product: 'Upstash Redis' },
  anthropic: { vendor: 'Anthropic', catalogId: 'anthropic', product: 'Anthropic API, Claude Haiku 4.5' },
  openai_embeddings: {
    vendor: 'OpenAI',
    catalogId: 'openai_embeddings',
    product: 'OpenAI embeddings, text-embedding-3-small',
  },
  bigquery: { vendor: 'Google Cloud', catalogId: 'bigquery', product: 'Google BigQuery' },
}

/** Where the app runs, as the hosting decision chose it (its vendor), or by its choice id for decisions that name none. */
const HOST_OF_CHOICE: Record<string, Host> = {
  managed_paas: 'railway',
  cloud_provider: 'aws_ec2',
  self_hosted: 'small_vps',
}

export function hostOf(decisions: readonly Decision[], a: Answers): Vendor & { host: Host } {
  const d = decisions.find((x) => x.area === 'hosting')
  const vendor = d?.choice.vendor
  if (vendor && vendor in HOSTS) return HOSTS[vendor as Host]
  return HOSTS[HOST_OF_CHOICE[d && d.choice.id !== 'none' ? d.choice.id : a.budget.hosting] ?? 'railway']
}

function adopted(decisions: readonly Decision[], area: Area): Decision | undefined {
  const d = decisions.find((x) => x.area === area)
  return d && (d.status === 'adopt' || d.status === 'trial') && d.choice.id !== 'none' ? d : undefined
}

/** Queue libraries that run on Redis, by the vendor id the jobs decision sets. */
const REDIS_QUEUES = new Map([
  ['bullmq', 'BullMQ'],
  ['sidekiq', 'Sidekiq'],
  ['celery', 'Celery'],
  ['laravel', 'Laravel queues'],
])

export interface BuildInput {
  a: Answers
  catalog: Catalog
  decisions: readonly Decision[]
  usage: Usage
  regions: readonly Region[]
  /** The embeddings and similarity queries of the answers, wherever they are kept (`usage` has them only in Postgres). */
  vectorUsage?: Pick<Usage, 'vectors' | 'similarityQps' | 'vectorDimensions'>
}

/** The share of requests an extracted service takes from the monolith. */
const FIRST_SERVICE_SHARE = 0.2
/** The share of requests that read or write documents in a document database beside Postgres. */
const DOCUMENT_SHARE = 0.2

/**
 * The first service taken out of the monolith, on the app's host: from the
 * month a fired trigger names, or from month 1 when a person chose separate
 * services over the recommendation.
 */
export function firstService(app: Planned, host: Vendor, usage: Usage, fromMonth: number, addedBy: string | null) {
  const min: Record<Band, number> = { lean: 1, moderate: 2, scaled: BAND_PROFILES.scaled.minInstances - 1 }
  return {
    ...app,
    c: {
      ...app.c,
      fromMonth,
      addedBy,
      id: 'first_service',
      area: 'architecture_style',
      product: `First extracted service on ${host.product}`,
      placement: 'deploy',
    },
    demand: (m: number) => (usage.rps[m] * FIRST_SERVICE_SHARE) / RPS_PER_VCPU,
    averageDemand: (m: number) => (usage.averageRps[m] * FIRST_SERVICE_SHARE) / RPS_PER_VCPU,
    minInstances: (band: Band) => min[band],
  } satisfies Planned
}

/**
 * What a component holds: personal data always; health data where it is
 * regulated, the component touches records, and whoever runs it can carry
 * it: software on our own components, or a vendor whose facts confirm a BAA.
 * A vendor without one is kept away from health data (the brief says how).
 */
function holdsFor(a: Answers, catalog: Catalog, catalogId: string | null, touchesRecords: boolean): Holds[] {
  const health = touchesRecords && constraintsOf(a).baaRequired && mayHoldHealth(catalog, catalogId)
  return health ? ['personal', 'health'] : ['personal']
}

/** Our own components, a vendor that confirms a BAA, or the server provider the team picks (which must sign one). */
function mayHoldHealth(catalog: Catalog, catalogId: string | null): boolean {
  if (catalogId === null || catalogId === 'small_vps') return true
  const facts = vendorFactsOf(catalog, catalogId)
  return facts?.baa === 'not_applicable' || signsBaa(catalog, catalogId)
}

/**
 * The agreements a component signs: a DPA with any outside company holding
 * personal data, a BAA where it holds health data, and standard contractual
 * clauses when EU data sits with a company outside the EU.
 */
function agreementsFor(
  a: Answers,
  catalog: Catalog,
  catalogId: string | null,
  holds: readonly Holds[],
  regions: readonly Region[],
): Agreement[] {
  const outside = catalogId !== null && vendorFactsOf(catalog, catalogId)?.dpa !== 'not_applicable'
  if (!outside || holds.every((h) => h === 'none')) return []
  const out: Agreement[] = ['dpa']
  if (holds.includes('health')) out.push('baa')
  const euData = a.compliance.regimes.includes('gdpr') || a.compliance.dataResidency.includes('eu')
  if (euData && regions.some((r) => r !== 'eu' && r !== 'uk')) out.push('scc')
  return out
}

/** The tier words for compute on the host: Railway's committed spend where it carries the BAA. */
function hostTier(catalog: Catalog, host: Host, plan: string | undefined, lean = 'Hobby (lean), Pro'): string {
  if (host !== 'railway') return 'on demand'
  if (plan !== 'committed_spend') return lean
  const cents = priceOf(catalog, 'railway', 'committed_spend', 'minimum').price.cents ?? 0
  return `Pro with a committed spend of ${formatDollars(cents / 100)} a month for a year (carries the BAA)`
}

/** What differs between the parts that run on the team's host: their load, and where the defaults do not hold. */
type OnHost = Pick<Planned, 'demand' | 'averageDemand' | 'minInstances'> & {
  tier?: string
  placement?: PlanComponent['placement']
  records?: boolean
}

/** How a vendor bills by use: its tier for the chosen product, what it holds, and the monthly quantity and its unit. */
interface UseBill {
  tier: (choice: string) => string
  holds?: Holds[]
  quantity: (m: number) => number
  unit: string
}

const PLACEHOLDER = { instances: 0, each: 0, unit: 'none', text: 'sized below' }

export function buildComponents({ a, catalog, decisions, usage, regions, vectorUsage }: BuildInput): Planned[] {
  const out: Planned[] = []
  const host = hostOf(decisions, a)
  const hostPlan = decisions.find((d) => d.area === 'hosting')?.choice.requires?.plan
  const onHost = (lean?: string) => hostTier(catalog, host.host, hostPlan, lean)
  const add = (
    p: Omit<Planned, 'c'> & {
      id: string
      area: Area
      v: Vendor
      tier: string
      placement: PlanComponent['placement']
      records: boolean
      holds?: Holds[]
      ownInfra?: boolean
    },
  ) => {
    const where = p.ownInfra ? [...regions] : vendorRegions(catalog, p.v.catalogId, regions)
    const holds = p.holds ?? holdsFor(a, catalog, p.v.catalogId, p.records)
    const { id, area, v, tier, placement, records: _r, holds: _h, ownInfra: _o, ...rest } = p
    out.push({
      ...rest,
      c: {
        id,
        area,
        vendor: v.vendor,
        catalogId: v.catalogId,
        product: v.product,
        tier,
        regions: where,
        holds,
        agreements: agreementsFor(a, catalog, p.v.catalogId, holds, where),
        fromMonth: 1,
        addedBy: null,
        placement,
        size: { lean: PLACEHOLDER, moderate: PLACEHOLDER, scaled: PLACEHOLDER },
      },
    })
  }

  /** Compute the team runs on its own host: the app, its workers and endpoints, and stores it keeps beside Postgres. */
  const runOnHost = (id: string, area: Area, product: string, p: OnHost) =>
    add({
      id,
      area,
      v: { ...host, product: `${product} on ${host.product}` },
      tier: p.tier ?? onHost(),
      placement: p.placement ?? 'deploy',
      records: p.records ?? true,
      ownInfra: true,
      plan: hostPlan,
      kind: 'compute',
      host: host.host,
      demand: p.demand,
      averageDemand: p.averageDemand,
      minInstances: p.minInstances,
    })

  const framework = adopted(decisions, 'framework')
  runOnHost('app', 'hosting', framework ? `${framework.choice.name} app` : 'App', {
    demand: (m) => usage.rps[m] / RPS_PER_VCPU,
    averageDemand: (m) => usage.averageRps[m] / RPS_PER_VCPU,
    minInstances: (band) => BAND_PROFILES[band].minInstances,
  })
  if (adopted(decisions, 'architecture_style')?.choice.id === 'extract_services') {
    const app = out.find((p) => p.c.id === 'app') as Planned
    out.push(firstService(app, host, usage, 1, null))
  }
  if (host.host !== 'railway') {
    add({
      id: 'load_balancer',
      area: 'hosting',
      v:
        host.host === 'aws_ec2'
          ? { vendor: 'Amazon Web Services', catalogId: 'aws_alb', product: 'AWS Application Load Balancer' }
          : { ...host, product: 'Reverse proxy on a small server' },
      tier: host.host === 'aws_ec2' ? 'standard' : 'on demand',
      placement: 'deploy',
      records: false,
      holds: ['none'],
      ownInfra: true,
      kind: 'balancer',
      host: host.host,
      balances: 'app',
    })
  }

  const jobs = adopted(decisions, 'jobs')
  if (jobs && jobs.choice.id !== 'inline') {
    const queue = jobs.choice.id === 'queue'
    runOnHost('worker', 'jobs', 'Background workers', {
      demand: () => 0,
      minInstances: (band) => BAND_PROFILES[band].workers[queue ? 'queue' : 'postgres_jobs_table'],
    })
    const vendor = jobs.choice.vendor
    if (queue && vendor !== 'oban') {
      const v = vendor === 'sqs' ? SERVICES.sqs : SERVICES.upstash
      const library = vendor ? REDIS_QUEUES.get(vendor) : undefined
      add({
        id: 'queue',
        area: 'jobs',
        v: library ? { ...v, product: `Upstash Redis for ${library}` } : v,
        tier: vendor === 'sqs' ? 'standard queues' : 'free (lean), pay as you go',
        placement: 'service',
        records: true,
        kind: 'service',
        quantity: (m) => usage.users[m] * PER_USER.jobsPerMonth,
        unit: 'jobs a month',
      })
    }
  }

  if (ingestionOn(decisions)) {
    runOnHost('ingestion', 'ingestion', 'Ingestion endpoint', {
      tier: onHost('Pro'),
      demand: (m) => usage.ingestEvents[m] / EVENTS_PER_VCPU,
      minInstances: (band) => (band === 'lean' ? 1 : 2),
    })
  }

  const realtime = adopted(decisions, 'realtime')
  if (realtime) {
    runOnHost('realtime', 'realtime', 'WebSocket service', {
      demand: (m) => (usage.users[m] * PER_USER.concurrentShare) / CONNECTIONS_PER_VCPU,
      minInstances: (band) => (band === 'scaled' ? 2 : 1),
    })
  }

  const database = databaseVendor(decisions, host.host)
  add({
    id: 'database',
    area: database.area,
    v: database,
    tier: database.tier,
    plan: database.plan,
    placement: 'data',
    records: true,
    ownInfra: true,
    kind: 'database',
    host: host.host,
  })

  // Stores a person chose over Postgres run beside it on the host, open source, sized by their own load.
  const ownStore = (id: string, area: Area, product: string, p: OnHost) =>
    runOnHost(id, area, product, { ...p, placement: 'data' })
  if (adopted(decisions, 'vector_store')?.choice.id === 'dedicated_vector_db') {
    const v = vectorUsage ?? usage
    ownStore('vector_db', 'vector_store', 'Qdrant (open source)', {
      // Queries by CPU, and the whole index in memory.
      demand: (m) =>
        Math.max(
          v.similarityQps[m] / VECTOR_QPS_PER_CU,
          (v.vectors[m] * vectorKb(v.vectorDimensions)) / 1_000_000 / MEMORY_GB_PER_VCPU,
        ),
      minInstances: (band) => (band === 'scaled' ? 2 : 1),
    })
  }
  if (adopted(decisions, 'document_store')?.choice.id === 'mongodb') {
    ownStore('document_db', 'document_store', 'MongoDB Community Edition', {
      demand: (m) => (usage.rps[m] * DOCUMENT_SHARE) / DB_RPS_PER_CU[a.load.readWriteProfile],
      // A replica set of three members in scaled, as MongoDB runs in production.
      minInstances: (band) => (band === 'scaled' ? 3 : 1),
    })
  }

  const files = adopted(decisions, 'file_storage')
  if (files && files.choice.id === 'object_storage') {
    const bucket = files.choice.vendor ?? (host.host === 'aws_ec2' ? 'amazon_s3' : 'cloudflare_r2')
    add({
      id: 'object_storage',
      area: 'file_storage',
      v: SERVICES[bucket] ?? SERVICES.cloudflare_r2,
      tier: 'standard',
      placement: 'data',
      records: true,
      kind: 'service',
      quantity: (m) => usage.fileGb[m],
      unit: 'GB stored',
    })
  }

  /** The area's adopted vendor, when the catalog prices it: a service billed by use that keeps no patient records. */
  const billedByUse = (area: Area, { tier, ...bill }: UseBill) => {
    const chosen = adopted(decisions, area)?.choice.id
    const v = chosen === undefined ? undefined : SERVICES[chosen]
    if (!chosen || !v) return
    add({ id: area, area, v, tier: tier(chosen), placement: 'service', records: false, kind: 'service', ...bill })
  }

  const auth = adopted(decisions, 'auth')
  if (auth && (SERVICES[auth.choice.id] || auth.choice.id === 'better_auth')) {
    const inApp = auth.choice.id === 'better_auth'
    add({
      id: 'auth',
      area: 'auth',
      v: inApp
        ? { vendor: 'Better-Auth (open source)', catalogId: 'better_auth', product: 'Better-Auth inside the app' }
        : SERVICES[auth.choice.id],
      tier: inApp ? 'open source' : authTier(auth),
      placement: inApp ? 'deploy' : 'service',
      // A hosted sign-in vendor holds patients' identities only when it signs the BAA the auth decision requires.
      records: inApp || (auth.choice.requires?.agreements?.includes('baa') ?? false),
      ownInfra: inApp,
      kind: 'service',
      quantity: (m) => usage.users[m],
      unit: 'monthly active users',
    })
  }

  billedByUse('payments', {
    tier: () => 'standard pricing',
    holds: ['personal', 'payment_card', 'financial'],
    quantity: () => 0,
    unit: 'per $1,000 processed',
  })
  billedByUse('email', {
    tier: (id) => (id === 'amazon_ses' ? 'pay as you go' : 'free (lean), paid'),
    quantity: (m) => usage.users[m] * PER_USER.emailsPerMonth,
    unit: 'emails a month',
  })

  const observability = adopted(decisions, 'observability')
  if (observability?.choice.id === 'grafana_self_hosted') {
    runOnHost('observability', 'observability', 'Grafana, Loki and Prometheus', {
      // Logs are scrubbed of health fields before they are written (a day-one item says how).
      records: false,
      demand: () => 0,
      minInstances: () => 1,
    })
  } else {
    billedByUse('observability', {
      tier: (id) => (id === 'datadog' ? 'Pro, billed yearly' : 'free (lean), paid'),
      quantity: (m) => (usage.users[m] * PER_USER.requestsPerMonth * PER_USER.telemetryKbPerRequest) / 1_000_000,
      unit: 'GB of logs and traces a month',
    })
  }

  const llm = adopted(decisions, 'llm')
  if (llm) {
    add({
      id: 'llm',
      area: 'llm',
      v: SERVICES.anthropic,
      tier: 'pay as you go',
      placement: 'service',
      records: true,
      kind: 'service',
      quantity: (m) => (usage.llmCalls[m] * usage.tokensPerCall) / 1_000_000,
      unit: 'million tokens a month',
    })
  }
  if ((llm || adopted(decisions, 'vector_store')) && usage.embeddings.some((e) => e > 0)) {
    add({
      id: 'embeddings',
      area: llm ? 'llm' : 'vector_store',
      v: SERVICES.openai_embeddings,
      tier: 'pay as you go',
      placement: 'service',
      records: true,
      kind: 'service',
      quantity: (m) => (usage.embeddings[m] * 500) / 1_000_000,
      unit: 'million tokens a month',
    })
  }
  return out
}

export function ingestionOn(decisions: readonly Decision[]): boolean {
  return adopted(decisions, 'ingestion') !== undefined
}

const DATABASES: Record<string, Vendor & { tier: string }> = {
  neon: { vendor: 'Neon', catalogId: 'neon', product: 'Neon Postgres', tier: 'Launch' },
  aws_rds_postgres: {
    vendor: 'Amazon Web Services',
    catalogId: 'aws_rds_postgres',
    product: 'Amazon RDS for PostgreSQL',
    tier: 'single-AZ (lean, moderate), Multi-AZ (scaled)',
  },
  timescale_cloud: {
    vendor: 'Timescale',
    catalogId: 'timescale_cloud',
    product: 'Timescale Cloud (Postgres with time-series)',
    tier: 'Performance',
  },
}

/** The database the database decision chose (its vendor); Postgres on the team's servers when they host everything. */
function databaseVendor(
  decisions: readonly Decision[],
  host: Host,
): Vendor & { area: Area; tier: string; plan?: string } {
  const choice = decisions.find((d) => d.area === 'database')?.choice
  const timescale = adopted(decisions, 'timeseries_store')?.choice.id === 'timescale'
  // Decisions built without the database rule name no vendor: the host's own Postgres, or Timescale Cloud for time-series.
  const vendor =
    choice?.vendor ??
    (host === 'small_vps'
      ? 'small_vps'
      : timescale
        ? 'timescale_cloud'
        : host === 'aws_ec2'
          ? 'aws_rds_postgres'
          : 'neon')
  if (vendor === 'small_vps') {
    return {
      ...HOSTS.small_vps,
      product: timescale ? 'Postgres with Timescale, run by your team' : 'Postgres, run by your team',
      area: timescale ? 'timeseries_store' : 'database',
      tier: 'on demand',
    }
  }
  const db = DATABASES[vendor] ?? DATABASES.neon
  const plan = choice?.requires?.plan
  const tier = plan === 'scale' ? 'Scale (carries the BAA; the HIPAA add-on price is not published)' : db.tier
  return { ...db, area: vendor === 'timescale_cloud' ? 'timeseries_store' : 'database', tier, plan }
}

/** A hosted sign-in vendor's tier: the plan its BAA needs where health data requires one. */
function authTier(auth: Decision): string {
  if (auth.choice.requires?.plan === 'enterprise')
    return 'Enterprise (carries the BAA; custom price, not in the catalog)'
  if (auth.choice.id === 'workos') return 'AuthKit, free sign-in; SSO per connection'
  return auth.choice.id === 'stytch' ? 'pay as you go' : 'free (lean), paid'
}

export { HOST_OF_CHOICE, HOSTS, SERVICES }

import {
  BAND_PROFILES,
  type ComputeSize,
  computeSize,
  type DatabaseSize,
  databaseMachine,
  databaseSize,
  MEMORY_GB_PER_VCPU,
} from '#app/engine/costs/sizing.ts'
import { MONTHS, type Usage, usageOf } from '#app/engine/costs/usage.ts'
import { buildComponents, type Planned } from '#app/engine/plan/components.ts'
import type { Answers } from './answers.ts'
import { BANDS, type Band, type ComponentSize, type Decision, type Plan, type Region } from './brief.ts'
import { type Catalog, componentOf, limitOf } from './catalog.ts'
import { formatNumber } from './prose.ts'

/**
 * The plan: the components the decisions put in place, where they run, what
 * they hold, what they sign and how big they are in each band. Sizes are
 * computed here and only here; costs and every later section read them.
 */

export interface PlanContext {
  a: Answers
  catalog: Catalog
  usage: Usage
  /** Regions the deploy runs in. */
  regions: Region[]
  planned: Planned[]
}

const MARKET_REGION: Record<Answers['compliance']['markets'][number], Region> = {
  us: 'us',
  global: 'us',
  eu: 'eu',
  uk: 'uk',
  india: 'india',
  latam: 'brazil',
  apac: 'singapore',
  africa: 'eu',
}

/** The regions the deploy runs in: those the regions decision names, or the one nearest the users. */
export function planRegions(a: Answers, decisions: readonly Decision[]): Region[] {
  const d = decisions.find((x) => x.area === 'deploy_regions')
  const residency = a.compliance.dataResidency
  if (d?.choice.id === 'multi_region' && residency.length > 0) return [...residency]
  if (residency.length > 0) return [residency[0]]
  const markets = a.compliance.markets
  // Chosen without a residency answer (a person's override): a deploy in each region the paying users are in.
  if (d?.choice.id === 'multi_region') return [...new Set(markets.map((m) => MARKET_REGION[m]))]
  return [markets.includes('us') || markets.includes('global') ? 'us' : MARKET_REGION[markets[0] ?? 'us']]
}

export function startPlan(a: Answers, decisions: readonly Decision[], catalog: Catalog): PlanContext {
  const all = usageOf(a)
  // Embeddings live in Postgres only when the vector decision puts them there.
  const pgvector = decisions.some((d) => d.area === 'vector_store' && d.choice.id === 'pgvector')
  const none = all.vectors.map(() => 0)
  const usage = pgvector ? all : { ...all, vectors: none, similarityQps: none }
  const regions = planRegions(a, decisions)
  return {
    a,
    catalog,
    usage,
    regions,
    planned: buildComponents({ a, catalog, decisions, usage, regions, vectorUsage: all }),
  }
}

export type Sized =
  | { kind: 'compute'; compute: ComputeSize; regions: number }
  | { kind: 'balancer'; balancers: number; regions: number; host: string }
  | { kind: 'database'; db: DatabaseSize; regions: number; sharesServer: boolean }
  | { kind: 'service'; quantity: number }

function activeIn(p: Planned, m: number): boolean {
  return m + 1 >= p.c.fromMonth
}

/** How many regions a component of our own infrastructure is repeated in; services are one account. */
export function regionCount(p: Planned): number {
  return p.kind === 'service' ? 1 : Math.max(1, p.c.regions.length)
}

const BAND_INDEX: Record<Band, number> = { lean: 0, moderate: 1, scaled: 2 }

/**
 * Sizes already computed, per plan and component: every cost line, the
 * balancer and the published plan ask for the same band and month many
 * times. Dropped when the plan gains a component, since a balancer's size
 * reads the others.
 */
const SIZES = new WeakMap<readonly Planned[], { count: number; byComponent: WeakMap<Planned, Sized[]> }>()

/** A component's size in one band and month (0..11). Months before it joins the plan have nothing running. */
export function sizeAt(ctx: PlanContext, p: Planned, band: Band, m: number): Sized {
  let memo = SIZES.get(ctx.planned)
  if (!memo || memo.count !== ctx.planned.length) {
    memo = { count: ctx.planned.length, byComponent: new WeakMap() }
    SIZES.set(ctx.planned, memo)
  }
  let sizes = memo.byComponent.get(p)
  if (!sizes) {
    sizes = []
    memo.byComponent.set(p, sizes)
  }
  const key = BAND_INDEX[band] * MONTHS + m
  const known = sizes[key]
  if (known) return known
  const sized = computeSized(ctx, p, band, m)
  sizes[key] = sized
  return sized
}

function computeSized(ctx: PlanContext, p: Planned, band: Band, m: number): Sized {
  const regions = regionCount(p)
  const on = activeIn(p, m)
  switch (p.kind) {
    case 'compute': {
      const demand = on ? (p.demand?.(m) ?? 0) / regions : 0
      const min = on ? (p.minInstances?.(band) ?? 1) : 0
      const compute = computeSize(ctx.catalog, p.host ?? 'railway', band, demand, min)
      return { kind: 'compute', compute: on ? compute : { ...compute, instances: 0, balancers: 0 }, regions }
    }
    case 'balancer': {
      // One balancer fronts every service that takes traffic (the app, ingestion, live updates, extracted
      // services), each as its own target group, once any of them runs more than one instance.
      const behind = ctx.planned
        .filter((x) => x.kind === 'compute' && takesTraffic(x))
        .map((x) => sizeAt(ctx, x, band, m))
        .flatMap((s) => (s.kind === 'compute' ? [s.compute] : []))
      const spread = behind.some((c) => c.balancers > 0)
      const targets = behind.reduce((sum, c) => sum + c.instances, 0)
      const balancers = spread ? Math.ceil(targets / targetsPerBalancer(ctx.catalog, p.host ?? 'aws_ec2')) : 0
      return { kind: 'balancer', balancers, regions, host: p.host ?? 'aws_ec2' }
    }
    case 'database': {
      const id = p.c.catalogId ?? 'neon'
      const share = regions > 1 ? scaleUsage(ctx.usage, 1 / regions) : ctx.usage
      const db = databaseSize(ctx.a, share, componentOf(ctx.catalog, id), band, m)
      return { kind: 'database', db, regions, sharesServer: id === 'small_vps' && band === 'lean' }
    }
    case 'service':
      return { kind: 'service', quantity: on ? (p.quantity?.(m) ?? 0) : 0 }
  }
}

/** Workers pull their work from the queue or the jobs table; every other compute component answers requests. */
export function takesTraffic(p: Planned): boolean {
  return p.kind === 'compute' && p.c.id !== 'worker'
}

function targetsPerBalancer(catalog: Catalog, host: string): number {
  return host === 'aws_ec2' ? (limitOf(componentOf(catalog, 'aws_alb'), 'targets_per_balancer')?.max ?? 1000) : 1000
}

const SCALED_USAGE = new WeakMap<Usage, Map<number, Usage>>()

/** The usage one region carries when customers are split evenly between regions. */
function scaleUsage(usage: Usage, share: number): Usage {
  let byShare = SCALED_USAGE.get(usage)
  if (!byShare) {
    byShare = new Map()
    SCALED_USAGE.set(usage, byShare)
  }
  const cached = byShare.get(share)
  if (cached) return cached
  const times = (xs: number[]) => xs.map((x) => x * share)
  const scaled: Usage = {
    ...usage,
    users: times(usage.users),
    rps: times(usage.rps),
    averageRps: times(usage.averageRps),
    dataGb: times(usage.dataGb),
    fileGb: times(usage.fileGb),
    vectors: times(usage.vectors),
    tsEvents: times(usage.tsEvents),
    ingestEvents: times(usage.ingestEvents),
    similarityQps: times(usage.similarityQps),
  }
  byShare.set(share, scaled)
  return scaled
}

const plural = (n: number, one: string, many = `${one}s`) => `${formatNumber(n)} ${n === 1 ? one : many}`

/** The month-12 size of a component in words and figures, as the plan records it. */
export function describeSize(ctx: PlanContext, p: Planned, band: Band): ComponentSize {
  const s = sizeAt(ctx, p, band, MONTHS - 1)
  const perRegion = (n: number) => (n > 1 ? ` in each of ${n} regions` : '')
  switch (s.kind) {
    case 'compute': {
      const c = s.compute
      if (c.instances === 0) return { instances: 0, each: 0, unit: 'vCPU', text: 'none in this band' }
      const spread = c.services > 1 ? `, split across ${c.services} services of the vendor's largest allowance` : ''
      const balanced =
        c.instances > 1 && takesTraffic(p)
          ? p.host === 'railway'
            ? ', load-balanced by Railway'
            : ` behind ${c.balancers > 1 ? `${c.balancers} load balancers` : 'a load balancer'}`
          : ''
      return {
        instances: c.instances * s.regions,
        each: c.vcpu,
        unit: 'vCPU',
        text: `${c.instances} × ${c.machine}${balanced}${spread}${perRegion(s.regions)}`,
      }
    }
    case 'balancer':
      return s.balancers === 0
        ? { instances: 0, each: 0, unit: 'load balancers', text: 'none: one instance needs no balancer' }
        : {
            instances: s.balancers * s.regions,
            each: 1,
            unit: 'load balancers',
            text: `${plural(s.balancers, 'load balancer')}${perRegion(s.regions)}`,
          }
    case 'database': {
      const d = s.db
      const id = p.c.catalogId ?? 'neon'
      const node = databaseMachine(id, d.cu)
      const nodes = d.primaries + d.readReplicas
      const parts: string[] = []
      if (s.sharesServer) parts.push('on the app server')
      if (d.primaries > 1) parts.push(`${d.primaries} partitions of ${node.name} (split by tenant or device)`)
      else parts.push(`${node.name} primary`)
      if (d.readReplicas > 0) parts.push(`${plural(d.readReplicas, 'read replica')} of ${node.name}`)
      if (d.standbys > 0) parts.push(d.primaries > 1 ? 'a standby for each partition' : 'a standby')
      parts.push(`${formatNumber(Math.round(d.storageGb * 10) / 10)} GB stored`)
      if (nodes > 1 || d.cu >= d.maxCu) parts.push(largestNode(id, d))
      return {
        instances: (nodes + d.standbys * d.primaries) * s.regions,
        each: node.each,
        unit: node.unit,
        text: `${parts.join(', ')}${perRegion(s.regions)}`,
      }
    }
    case 'service': {
      const q = Math.round(s.quantity * 10) / 10
      return {
        instances: 1,
        each: q,
        unit: p.unit ?? 'units',
        text: p.c.id === 'payments' ? 'fees per $1,000 processed' : `${formatNumber(q)} ${p.unit ?? ''}`.trim(),
      }
    }
  }
}

/** The largest node, in the vendor's units, and whether the sources confirm it. */
function largestNode(catalogId: string, d: DatabaseSize): string {
  const largest = databaseMachine(catalogId, d.maxCu).name
  if (catalogId === 'aws_rds_postgres') return `the largest class priced here is ${largest}`
  return d.maxConfirmed
    ? `the vendor's largest node is ${largest}`
    : `the vendor's largest node is taken as ${largest}, a size the sources do not confirm`
}

/** The public plan, sizes filled at month 12. */
export function publishPlan(ctx: PlanContext): Plan {
  return {
    regions: ctx.regions,
    components: ctx.planned.map((p) => {
      const size = Object.fromEntries(
        BANDS.map((b) => [b, describeSize(ctx, p, b)]),
      ) as Plan['components'][number]['size']
      p.c = { ...p.c, size }
      return p.c
    }),
  }
}

export { BAND_PROFILES, MEMORY_GB_PER_VCPU }

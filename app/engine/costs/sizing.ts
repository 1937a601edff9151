import type { Answers } from '#app/engine/answers.ts'
import type { Band } from '#app/engine/brief.ts'
import { type Catalog, type Component, componentOf, groupThousands, limitOf } from '#app/engine/catalog.ts'
import { HOURS_PER_MONTH, PER_USER, type Usage } from './usage.ts'

/**
 * Sizes with real limits. Demand comes from the usage curve; each band adds
 * its own headroom and floors; a size never goes past what the vendor sells
 * (the catalog's `limits`), and beyond that the plan scales out: more
 * instances behind a load balancer, read replicas, or partitions.
 */

export interface BandProfile {
  /** vCPUs of one instance before scaling up. */
  vcpu: number
  minInstances: number
  headroom: number
  workers: { postgres_jobs_table: number; queue: number }
  dbMinCu: number
  dbHeadroom: number
  /** A second database of the same size, ready to take over. */
  dbStandby: boolean
  /** Add database memory so the whole vector index stays in memory. */
  vectorMemory: boolean
}

export const BAND_PROFILES: Record<Band, BandProfile> = {
  lean: {
    vcpu: 0.5,
    minInstances: 1,
    headroom: 1,
    workers: { postgres_jobs_table: 0, queue: 1 },
    dbMinCu: 0.25,
    dbHeadroom: 1,
    dbStandby: false,
    vectorMemory: false,
  },
  moderate: {
    vcpu: 1,
    minInstances: 2,
    headroom: 1.5,
    workers: { postgres_jobs_table: 1, queue: 1 },
    dbMinCu: 0.5,
    dbHeadroom: 1.5,
    dbStandby: false,
    vectorMemory: true,
  },
  scaled: {
    vcpu: 2,
    minInstances: 3,
    headroom: 2,
    workers: { postgres_jobs_table: 2, queue: 2 },
    dbMinCu: 1,
    dbHeadroom: 2,
    dbStandby: true,
    vectorMemory: true,
  },
}

/** Peak requests per second one vCPU of app serves. */
export const RPS_PER_VCPU = 50
/** Device or event messages per second one vCPU of an ingestion endpoint parses, validates and batches. */
export const EVENTS_PER_VCPU = 2000
/** Open WebSocket connections one vCPU holds while relaying updates. */
export const CONNECTIONS_PER_VCPU = 5000
/** Past this many instances of one size, the next larger size is taken before adding more. */
export const SCALE_UP_AFTER = 8
export const MEMORY_GB_PER_VCPU = 1
/** Share of its vCPUs an idle app process still uses (runtime, health checks, timers). */
export const IDLE_CPU_SHARE = 0.05

/** A managed Postgres compute that scales to zero sleeps after this many idle minutes (Neon's default on Free and Launch). */
export const SCALE_TO_ZERO_IDLE_MINUTES = 5
/** Hours a day the users of one market are about; traffic from several markets or a global one covers all 24. */
export const ACTIVE_HOURS_A_DAY = 16

/**
 * The share of a month a database that sleeps when idle is awake. Visits
 * arrive at random within the hours users are about; each keeps the compute
 * awake for its length plus the idle minutes before it sleeps, and visits
 * that overlap share one waking: 1 − e^(−visits per second × seconds held).
 */
export function awakeShare(users: number, allDay: boolean): number {
  const hours = allDay ? 24 : ACTIVE_HOURS_A_DAY
  const seconds = HOURS_PER_MONTH * 3600 * (hours / 24)
  const visitsPerSecond = (users * PER_USER.sessionsPerMonth) / seconds
  const held = (PER_USER.sessionMinutes + SCALE_TO_ZERO_IDLE_MINUTES) * 60
  return (hours / 24) * (1 - Math.exp(-visitsPerSecond * held))
}

export const CU_MEMORY_GB = 4
/** Requests per second one database CU (about 1 vCPU, 4 GB) serves, by read/write profile. */
export const DB_RPS_PER_CU = { read_heavy: 250, balanced: 175, write_heavy: 100 } as const
/** Share of database work that is writes, which only a primary can take. */
export const WRITE_SHARE = { read_heavy: 0.2, balanced: 0.5, write_heavy: 0.8 } as const
/** Batched time-series inserts one database CPU absorbs per second. */
export const TS_EVENTS_PER_CU = 10_000
/** Similarity queries per second one CU answers from an in-memory HNSW index. */
export const VECTOR_QPS_PER_CU = 50

export type Host = 'railway' | 'aws_ec2' | 'small_vps'

interface Machine {
  plan: string
  name: string
  vcpu: number
  memoryGb: number
}

/** The sizes a host sells, smallest first, and where each band starts. */
const LADDERS: Record<Exclude<Host, 'railway'>, { machines: Machine[]; start: Record<Band, number> }> = {
  aws_ec2: {
    machines: [
      { plan: 't4g_micro', name: 't4g.micro', vcpu: 0.5, memoryGb: 1 },
      { plan: 't4g_small', name: 't4g.small', vcpu: 1, memoryGb: 2 },
      { plan: 't4g_medium', name: 't4g.medium', vcpu: 2, memoryGb: 4 },
      { plan: 't4g_large', name: 't4g.large', vcpu: 2, memoryGb: 8 },
      { plan: 't4g_xlarge', name: 't4g.xlarge', vcpu: 4, memoryGb: 16 },
      { plan: 't4g_2xlarge', name: 't4g.2xlarge', vcpu: 8, memoryGb: 32 },
    ],
    start: { lean: 0, moderate: 1, scaled: 2 },
  },
  small_vps: {
    machines: [
      { plan: 'vps_1gb', name: '1 vCPU/1 GB server', vcpu: 1, memoryGb: 1 },
      { plan: 'vps_2gb', name: '1 vCPU/2 GB server', vcpu: 1, memoryGb: 2 },
      { plan: 'vps_4gb', name: '2 vCPU/4 GB server', vcpu: 2, memoryGb: 4 },
      { plan: 'vps_8gb', name: '4 vCPU/8 GB server', vcpu: 4, memoryGb: 8 },
      { plan: 'vps_16gb', name: '8 vCPU/16 GB server', vcpu: 8, memoryGb: 16 },
    ],
    start: { lean: 1, moderate: 1, scaled: 2 },
  },
}

/** The t4g and basic-server sizes by their effective vCPU (burstable sizes count at their sustained share). */
export function machineLadder(host: Exclude<Host, 'railway'>): readonly Machine[] {
  return LADDERS[host].machines
}

export interface ComputeSize {
  instances: number
  vcpu: number
  memoryGb: number
  /** Catalog plan of one instance, on hosts that sell fixed sizes. */
  plan: string
  /** "t4g.medium", "2 vCPU/2 GB". */
  machine: string
  /** Load balancers in front, where the host does not balance by itself. */
  balancers: number
  /** Railway: the plan the band needs for this many replicas of this size. */
  tier: string
  /** Groups of instances the vendor's per-service limit splits them into. */
  services: number
}

/** Instances of the app, a worker, an ingestion endpoint or a live-update service, for `vcpuDemand` at peak. */
export function computeSize(
  catalog: Catalog,
  host: Host,
  band: Band,
  vcpuDemand: number,
  minInstances: number,
): ComputeSize {
  const p = BAND_PROFILES[band]
  const need = vcpuDemand * p.headroom
  if (host === 'railway') {
    const railway = componentOf(catalog, 'railway')
    let tier = band === 'lean' ? 'hobby' : 'pro'
    let size = railwaySize(railway, tier, p.vcpu, need, minInstances)
    if (tier === 'hobby' && size.over) {
      tier = 'pro'
      size = railwaySize(railway, tier, p.vcpu, need, minInstances)
    }
    const max = limitOf(railway, 'instances', tier)?.max ?? Number.POSITIVE_INFINITY
    const services = Math.max(1, Math.ceil(size.instances / max))
    return {
      instances: size.instances,
      vcpu: size.vcpu,
      memoryGb: size.vcpu * MEMORY_GB_PER_VCPU,
      plan: tier,
      machine: `${size.vcpu} vCPU/${size.vcpu * MEMORY_GB_PER_VCPU} GB`,
      balancers: 0,
      tier,
      services,
    }
  }
  const ladder = LADDERS[host]
  const component = componentOf(catalog, host)
  const maxVcpu = limitOf(component, 'vcpu_per_instance')?.max ?? Number.POSITIVE_INFINITY
  let i = ladder.start[band]
  const count = (machine: Machine) => Math.max(minInstances, Math.ceil(need / machine.vcpu))
  while (
    count(ladder.machines[i]) > SCALE_UP_AFTER &&
    i + 1 < ladder.machines.length &&
    ladder.machines[i + 1].vcpu <= maxVcpu
  )
    i++
  const machine = ladder.machines[i]
  const instances = count(machine)
  const perBalancer =
    host === 'aws_ec2' ? (limitOf(componentOf(catalog, 'aws_alb'), 'targets_per_balancer')?.max ?? 1000) : 1000
  return {
    instances,
    vcpu: machine.vcpu,
    memoryGb: machine.memoryGb,
    plan: machine.plan,
    machine: machine.name,
    balancers: instances > 1 ? Math.ceil(instances / perBalancer) : 0,
    tier: 'on demand',
    services: 1,
  }
}

function railwaySize(railway: Component, tier: string, start: number, need: number, minInstances: number) {
  const maxInstances = limitOf(railway, 'instances', tier)?.max ?? Number.POSITIVE_INFINITY
  const maxVcpu = limitOf(railway, 'vcpu_per_instance', tier)?.max ?? Number.POSITIVE_INFINITY
  let vcpu = start
  const count = () => Math.max(minInstances, Math.ceil(need / vcpu))
  while (count() > SCALE_UP_AFTER && vcpu * 2 <= maxVcpu) vcpu *= 2
  const instances = count()
  return { vcpu, instances, over: instances > maxInstances }
}

export interface DatabaseSize {
  /** Compute of one node, in CU. */
  cu: number
  /** Nodes taking writes: 1, or the partitions writes are split across. */
  primaries: number
  readReplicas: number
  /** Standbys of each primary, ready to take over. */
  standbys: number
  storageGb: number
  /** Largest node the vendor sells, in CU. */
  maxCu: number
  /** Whether the sources confirm that largest size, or it is the catalog's estimate. */
  maxConfirmed: boolean
}

/** A database node in the units its vendor sells it in, and the catalog price or plan of that size. */
export interface DatabaseMachine {
  /** "db.t4g.medium (2 vCPU burstable, 4 GB)", "0.25 CU (1 GB)", "4 CPU/16 GB". */
  name: string
  unit: string
  each: number
  /** Catalog price (RDS) or plan (servers) of this size; empty where the vendor bills compute by the hour. */
  plan: string
}

const RDS_CLASSES = [
  { ramGb: 1, plan: 'db_t4g_micro', name: 'db.t4g.micro (2 vCPU burstable, 1 GB)' },
  { ramGb: 2, plan: 'db_t4g_small', name: 'db.t4g.small (2 vCPU burstable, 2 GB)' },
  { ramGb: 4, plan: 'db_t4g_medium', name: 'db.t4g.medium (2 vCPU burstable, 4 GB)' },
  { ramGb: 8, plan: 'db_t4g_large', name: 'db.t4g.large (2 vCPU burstable, 8 GB)' },
  { ramGb: 16, plan: 'db_t4g_xlarge', name: 'db.t4g.xlarge (4 vCPU burstable, 16 GB)' },
  { ramGb: 32, plan: 'db_t4g_2xlarge', name: 'db.t4g.2xlarge (8 vCPU burstable, 32 GB)' },
] as const

/** Whole fractions of a CU are written out (0.25), larger sizes as whole numbers. */
function cuWords(cu: number): string {
  return cu < 1 ? String(cu) : groupThousands(cu)
}

/**
 * The size each vendor sells for `cu` of demand (1 CU is about 1 vCPU and
 * 4 GB): Neon in CU, Timescale in CPUs, RDS as the smallest db.t4g class
 * with that memory, the team's own servers as the smallest with that memory.
 */
export function databaseMachine(catalogId: string, cu: number): DatabaseMachine {
  const ram = cu * CU_MEMORY_GB
  switch (catalogId) {
    case 'aws_rds_postgres': {
      const c = RDS_CLASSES.find((r) => r.ramGb >= ram) ?? RDS_CLASSES[RDS_CLASSES.length - 1]
      return { name: c.name, unit: 'GB of memory', each: c.ramGb, plan: c.plan }
    }
    case 'small_vps': {
      const v = LADDERS.small_vps.machines.find((x) => x.memoryGb >= ram) ?? LADDERS.small_vps.machines.at(-1)
      const machine = v as Machine
      return { name: machine.name, unit: 'GB of memory', each: machine.memoryGb, plan: machine.plan }
    }
    case 'timescale_cloud':
      return { name: `${cuWords(cu)} CPU/${groupThousands(ram)} GB`, unit: 'CPU', each: cu, plan: '' }
    default:
      return { name: `${cuWords(cu)} CU (${groupThousands(ram)} GB)`, unit: 'CU', each: cu, plan: '' }
  }
}

/** Managed Postgres sizes come in quarter and half CUs, then whole ones. */
export function computeStep(cu: number): number {
  if (cu <= 0.25) return 0.25
  if (cu <= 0.5) return 0.5
  return Math.ceil(cu)
}

export function vectorKb(dimensions: number): number {
  // Four bytes a dimension for the vector, and about as much again for its index entry.
  return (dimensions * 4 * 2) / 1000
}

export function vectorIndexGb(usage: Usage, m: number): number {
  return (usage.vectors[m] * usage.vectorDimensions * 4) / 1e9
}

export function databaseGb(usage: Usage, m: number): number {
  return usage.dataGb[m] + (usage.vectors[m] * vectorKb(usage.vectorDimensions)) / 1_000_000
}

/**
 * Database compute for the month's peak requests, time-series writes and
 * similarity queries, with the band's floor and headroom, plus memory for the
 * vector index where the band keeps it in memory. Past the largest node the
 * vendor sells, reads go to replicas; writes past one node are partitioned.
 */
/** The share of a database node's memory the vector index may take; the rest serves queries. */
export const INDEX_SHARE_OF_NODE = 0.75

export function databaseSize(a: Answers, usage: Usage, component: Component, band: Band, m: number): DatabaseSize {
  const p = BAND_PROFILES[band]
  const profile = a.load.readWriteProfile
  const requests = (usage.rps[m] / DB_RPS_PER_CU[profile]) * p.dbHeadroom
  const writes = requests * WRITE_SHARE[profile] + (usage.tsEvents[m] / TS_EVENTS_PER_CU) * p.dbHeadroom
  const reads = requests * (1 - WRITE_SHARE[profile]) + (usage.similarityQps[m] / VECTOR_QPS_PER_CU) * p.dbHeadroom
  const index = p.vectorMemory ? vectorIndexGb(usage, m) / CU_MEMORY_GB : 0
  const limit = limitOf(component, 'cu_per_node')
  const maxCu = limit?.max ?? Number.POSITIVE_INFINITY
  const maxConfirmed = limit !== undefined && !limit.estimate
  const standbys = p.dbStandby ? 1 : 0
  const storageGb = databaseGb(usage, m)
  const whole = Math.max(p.dbMinCu, writes + reads) + index
  if (whole <= maxCu) {
    return { cu: computeStep(whole), primaries: 1, readReplicas: 0, standbys, storageGb, maxCu, maxConfirmed }
  }
  // Every node keeps the index in memory; what is left of a node serves queries.
  const room = Math.max(maxCu / 4, maxCu - Math.min(index, maxCu * INDEX_SHARE_OF_NODE))
  const primaries = Math.max(1, Math.ceil(writes / room))
  const spare = primaries * room - writes
  const readReplicas = Math.max(0, Math.ceil((reads - spare) / room))
  const nodes = primaries + readReplicas
  const cu = Math.min(maxCu, computeStep((writes + reads) / nodes + Math.min(index, maxCu * INDEX_SHARE_OF_NODE)))
  return { cu, primaries, readReplicas, standbys, storageGb, maxCu, maxConfirmed }
}

import type { AnswerPath, Answers } from '#app/engine/answers.ts'
import type { Because, Choice } from '#app/engine/brief.ts'
import { type Catalog, formatDollars, priceOf } from '#app/engine/catalog.ts'
import { baaFit, HEALTH_INPUTS, healthRegulated, regionWords, residencyFit } from '#app/engine/constraints.ts'
import { hasKind } from '#app/engine/facts.ts'
import { because } from './types.ts'

/**
 * Where the app and its database run, chosen once from the answers and the
 * catalog's vendor facts so that the hosting and database decisions (and the
 * queue, bucket and email rules that follow the host) agree. A vendor is kept
 * only when the facts confirm it can keep personal data in every region the
 * residency answer names and, for health data, that it signs a BAA on a tier
 * the budget can carry; otherwise the choice moves, and the reason says why.
 */

export type HostId = 'railway' | 'aws_ec2' | 'small_vps'
export type HostingChoice = 'managed_paas' | 'cloud_provider' | 'self_hosted'

export const HOST_OF: Record<HostingChoice, HostId> = {
  managed_paas: 'railway',
  cloud_provider: 'aws_ec2',
  self_hosted: 'small_vps',
}

const HOST_NAMES: Record<HostId, string> = {
  railway: 'Railway',
  aws_ec2: 'AWS',
  small_vps: 'a server provider of your choice',
}

/** What the team asked for, before the constraints: the hosting answer, with HIPAA steering an open answer to a cloud provider. */
export function preferredHosting(a: Answers): HostingChoice {
  if (a.budget.hosting === 'no_preference') return healthRegulated(a) ? 'cloud_provider' : 'managed_paas'
  return a.budget.hosting
}

export interface HostPlacement {
  id: HostingChoice
  host: HostId
  /** The catalog plan the host must be bought on (the tier that carries its BAA). */
  plan?: string
  /** Why the host moved from the preferred one, or what keeping it requires. */
  because?: Because
  /** Every answer the placement read, for the reason that names them. */
  inputs: AnswerPath[]
}

const usd = (cents: number) => formatDollars(Math.round(cents) / 100)

/** Railway's BAA tier: a committed monthly spend, from the catalog. */
export function railwayCommitmentCents(catalog: Catalog): number {
  return priceOf(catalog, 'railway', 'committed_spend', 'minimum').price.cents ?? 0
}

const PLACEMENTS = new WeakMap<Answers, WeakMap<Catalog, HostPlacement>>()

export function placeHost(a: Answers, catalog: Catalog): HostPlacement {
  let byCatalog = PLACEMENTS.get(a)
  if (!byCatalog) {
    byCatalog = new WeakMap()
    PLACEMENTS.set(a, byCatalog)
  }
  const cached = byCatalog.get(catalog)
  if (cached) return cached
  const placed = place(a, catalog)
  byCatalog.set(catalog, placed)
  return placed
}

function place(a: Answers, catalog: Catalog): HostPlacement {
  const asked: AnswerPath[] =
    a.budget.hosting === 'no_preference' ? ['budget.hosting', ...HEALTH_INPUTS] : ['budget.hosting']
  const id = preferredHosting(a)
  if (id !== 'managed_paas') return { id, host: HOST_OF[id], inputs: asked }
  const residency = a.compliance.dataResidency
  const health = healthRegulated(a)
  const read: AnswerPath[] = [...new Set<AnswerPath>([...asked, 'compliance.dataResidency', ...HEALTH_INPUTS])]
  if (residencyFit(catalog, 'railway', residency) !== 'fits') {
    return {
      id: 'cloud_provider',
      host: 'aws_ec2',
      inputs: read,
      because: because(
        'hosting.residency_moves_host',
        ['budget.hosting', 'compliance.dataResidency'],
        `Your data must stay in ${regionWords(residency)}, and Railway, the managed platform we would otherwise pick, runs only in the US, the EU and Singapore; so the app, its workers and its database run on AWS in a region there${residency.includes('india') ? ' (Mumbai, ap-south-1, for India)' : ''}, where every service this plan uses is available.`,
      ),
    }
  }
  if (!health) return { id, host: 'railway', inputs: read }
  const commitment = railwayCommitmentCents(catalog)
  const budget = Math.round(a.budget.monthlyInfraUsd * 100)
  const inputs: AnswerPath[] = [...read, 'budget.monthlyInfraUsd']
  if (commitment > budget) {
    return {
      id: 'cloud_provider',
      host: 'aws_ec2',
      inputs,
      because: because(
        'hosting.baa_tier_out_of_budget',
        ['budget.hosting', ...HEALTH_INPUTS, 'budget.monthlyInfraUsd'],
        `Health data needs a Business Associate Agreement (BAA) from the host. Railway signs one only with a committed spend of ${usd(commitment)} a month for a year on its Pro plan, against your budget of ${usd(budget)} a month; AWS signs its BAA for the whole account at no extra charge, covering EC2, RDS, S3 and SQS, so the app runs on AWS instead of a managed platform.`,
      ),
    }
  }
  return {
    id,
    host: 'railway',
    plan: 'committed_spend',
    inputs,
    because: because(
      'hosting.baa_tier_priced',
      [...HEALTH_INPUTS, 'budget.monthlyInfraUsd'],
      `Health data needs a Business Associate Agreement (BAA) from the host, and Railway signs one only with a committed spend of ${usd(commitment)} a month for a year on its Pro plan; your budget of ${usd(budget)} a month covers that, so the costs price Railway at the commitment.`,
    ),
  }
}

/** The hosting choice as the decision records it: the vendor that runs the app and the tier it is bought on. */
export function hostChoice(p: HostPlacement, names: Record<HostingChoice, string>): Choice {
  const vendor = p.host === 'small_vps' ? 'a server provider you pick' : HOST_NAMES[p.host]
  return {
    id: p.id,
    name: `${names[p.id]}, on ${vendor}`,
    vendor: p.host,
    ...(p.plan ? { requires: { plan: p.plan, agreements: ['baa'] as const satisfies ('dpa' | 'baa')[] } } : {}),
  }
}

export type DatabaseVendor = 'neon' | 'aws_rds_postgres' | 'timescale_cloud' | 'small_vps'

export interface DatabasePlacement {
  vendor: DatabaseVendor
  /** The catalog plan to price (the tier that carries the BAA), when not the default. */
  plan?: string
  because?: Because
  /** Every answer the placement read (the host's included). */
  inputs: AnswerPath[]
}

const DB_NAMES: Record<DatabaseVendor, string> = {
  neon: 'Neon',
  aws_rds_postgres: 'Amazon RDS',
  timescale_cloud: 'Timescale Cloud',
  small_vps: 'your own servers',
}

/**
 * The database follows the host (RDS beside AWS, Neon beside Railway, your
 * own Postgres beside your own servers); Timescale Cloud holds time-series
 * data when the time-series decision asks for Timescale and its facts meet
 * the constraints. Neon's BAA needs its Scale plan.
 */
export function placeDatabase(a: Answers, catalog: Catalog, wantsTimescale: boolean): DatabasePlacement {
  const placed = placeHost(a, catalog)
  const host = placed.host
  if (host === 'small_vps') return { vendor: 'small_vps', inputs: placed.inputs }
  const own: DatabaseVendor = host === 'aws_ec2' ? 'aws_rds_postgres' : 'neon'
  const health = healthRegulated(a)
  const inputs = [...new Set<AnswerPath>([...placed.inputs, ...HEALTH_INPUTS])]
  let moved: Because | undefined
  if (wantsTimescale && hasKind(a, 'timeseries')) {
    const residency = a.compliance.dataResidency
    if (!inputs.includes('compliance.dataResidency')) inputs.push('compliance.dataResidency')
    if (meets(catalog, 'timescale_cloud', a)) return { vendor: 'timescale_cloud', inputs }
    moved = because(
      'database.timescale_unconfirmed',
      ['compliance.dataResidency', ...HEALTH_INPUTS],
      `Timescale Cloud does not confirm ${residency.length > 0 ? `keeping data in ${regionWords(residency)}` : ''}${residency.length > 0 && health ? ' or ' : ''}${health ? 'signing a Business Associate Agreement' : ''}, so the readings stay in time-partitioned tables on ${DB_NAMES[own]}, beside the rest of your records.`,
    )
  }
  if (own === 'neon' && health) {
    return {
      vendor: 'neon',
      plan: 'scale',
      inputs,
      because: because(
        'database.baa_tier_priced',
        HEALTH_INPUTS,
        `Health data needs a Business Associate Agreement (BAA) from the database host: Neon signs one only on its Scale plan (${scaleRate(catalog)} per CU-hour) with a HIPAA add-on whose price Neon does not publish, so the costs price Scale and leave the add-on out: ask Neon for its price before you sign.`,
      ),
    }
  }
  if (own === 'aws_rds_postgres' && health) {
    const text =
      'Health data needs a Business Associate Agreement (BAA) from the database host: RDS is covered by the AWS account-level BAA, accepted in AWS Artifact at no charge, on the same instances priced here.'
    return {
      vendor: own,
      inputs,
      because: moved ?? because('database.baa_from_aws', HEALTH_INPUTS, text),
    }
  }
  return { vendor: own, inputs, ...(moved ? { because: moved } : {}) }
}

function scaleRate(catalog: Catalog): string {
  const p = priceOf(catalog, 'neon', 'scale', 'compute').price
  return formatDollars((p.cents ?? 0) / p.per / 100)
}

/** The vendor's facts confirm it can hold this product's personal (and health) data. */
export function meets(catalog: Catalog, componentId: string, a: Answers): boolean {
  if (residencyFit(catalog, componentId, a.compliance.dataResidency) !== 'fits') return false
  const baa = baaFit(catalog, componentId)
  return !healthRegulated(a) || baa === 'fits' || baa === 'not_applicable'
}

export function databaseName(v: DatabaseVendor): string {
  return DB_NAMES[v]
}

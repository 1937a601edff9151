import { z } from 'zod'
import { RESIDENCY_REGIONS } from './answers.ts'
import { AREAS } from './brief.ts'
import { groupDigits } from './prose.ts'

/**
 * The price catalog: components, their plans and dated list prices, each with
 * its source. Read from content/catalog/*.yaml by app/catalog.server.ts and
 * handed to the engine; the engine never reads files itself.
 *
 * A price is a whole number of cents for `per` units (`cents: 10, per: 1000,
 * unit: email` is $0.10 per 1,000 emails), or a share of money processed in
 * basis points (`basisPoints: 290` is 2.9%).
 */

export const UNITS = [
  'month',
  'instance_month',
  'instance_hour',
  'cu_hour',
  'cpu_hour',
  'vcpu_month',
  'gb_ram_month',
  'gb_month',
  'gb_egress',
  'gb_ingested',
  'gb_written',
  'host_month',
  'member_month',
  'mau',
  'email',
  'event',
  'command',
  'request',
  'class_a_operation',
  'class_b_operation',
  'sso_connection_month',
  'metric_series',
  'charge',
  'processed_volume',
  'fee',
  'million_tokens',
  'tib_scanned',
] as const
export type Unit = (typeof UNITS)[number]

const id = z.string().regex(/^[a-z0-9_]+$/, { error: 'a snake_case id such as "extra_mau"' })

export const AS_OF_PATTERN = /^\d{4}-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?$/
const asOf = z.string().regex(AS_OF_PATTERN, { error: 'a date as YYYY-MM or YYYY-MM-DD' })

export const PriceSchema = z
  .strictObject({
    id,
    name: z.string().min(1).optional(),
    cents: z.number().int().min(0).optional(),
    basisPoints: z.number().int().min(0).max(10_000).optional(),
    per: z.number().int().positive().default(1),
    unit: z.enum(UNITS),
    /** Quantity the plan's base fee already covers before this price applies. */
    included: z.number().min(0).optional(),
    /** Most the plan allows; beyond it the next plan is needed. */
    limit: z.number().min(0).optional(),
    source: z.string().min(1),
    asOf,
    estimate: z.boolean().default(false),
    note: z.string().min(1).optional(),
  })
  .refine((p) => (p.cents === undefined) !== (p.basisPoints === undefined), {
    error: 'exactly one of cents or basisPoints',
  })
export type Price = z.infer<typeof PriceSchema>

export const PlanSchema = z.strictObject({
  id,
  name: z.string().min(1),
  prices: z.array(PriceSchema).min(1),
  note: z.string().min(1).optional(),
})
export type Plan = z.infer<typeof PlanSchema>

/**
 * The largest size a vendor sells, with its source: the plan never sizes a
 * component beyond it, and scales out (replicas, more instances, partitions)
 * instead. `plan` narrows a limit to one plan; without it the limit holds on
 * every plan.
 */
export const LIMIT_KINDS = [
  /** Instances (replicas) of one service. */
  'instances',
  /** vCPUs of one instance. */
  'vcpu_per_instance',
  /** Compute units of one database node (1 CU is about 1 vCPU and 4 GB). */
  'cu_per_node',
  /** Targets behind one load balancer. */
  'targets_per_balancer',
] as const
export type LimitKind = (typeof LIMIT_KINDS)[number]

export const LimitSchema = z.strictObject({
  kind: z.enum(LIMIT_KINDS),
  max: z.number().positive(),
  plan: id.optional(),
  source: z.string().min(1),
  asOf,
  estimate: z.boolean().default(false),
  note: z.string().min(1).optional(),
})
export type Limit = z.infer<typeof LimitSchema>

/** A vendor's price in one region as a share of the prices listed, where the vendor prices regions differently. */
export const RegionalPriceSchema = z.strictObject({
  region: z.enum(RESIDENCY_REGIONS),
  multiplier: z.number().positive(),
  source: z.string().min(1),
  asOf,
  estimate: z.boolean().default(false),
  note: z.string().min(1).optional(),
})
export type RegionalPrice = z.infer<typeof RegionalPriceSchema>

/**
 * What a vendor agrees to and where it keeps data, as far as the sources
 * say. A fact the sources could not confirm is recorded as unconfirmed and
 * never treated as a fact: a constraint is met only by confirmed facts.
 */
export const VendorFactsSchema = z.strictObject({
  /** Residency regions the vendor can keep this component's data in; `anywhere` for software you run yourself. */
  regions: z.union([z.literal('anywhere'), z.array(z.enum(RESIDENCY_REGIONS))]),
  regionsConfirmed: z.boolean(),
  /** Whether the vendor signs a HIPAA Business Associate Agreement; `not_applicable` for software you run yourself. */
  baa: z.enum(['signs', 'does_not_sign', 'unconfirmed', 'not_applicable']),
  /** The plan on which the BAA is signed (a plan id of this component when the catalog prices it). */
  baaPlan: id.optional(),
  /** True only when the sources say the free plan can carry the BAA. */
  baaOnFreePlan: z.boolean().default(false),
  /** Whether the vendor signs a data processing agreement (GDPR Art. 28). */
  dpa: z.enum(['signs', 'unconfirmed', 'not_applicable']),
  source: z.string().min(1),
  asOf,
  note: z.string().min(1).optional(),
})
export type VendorFacts = z.infer<typeof VendorFactsSchema>

export const ComponentSchema = z.strictObject({
  id,
  name: z.string().min(1),
  area: z.enum(AREAS),
  /** The choice id in `area` this component can serve. */
  choice: id,
  url: z.string().min(1),
  plans: z.array(PlanSchema).min(1),
  limits: z.array(LimitSchema).default([]),
  regionalPrices: z.array(RegionalPriceSchema).default([]),
  note: z.string().min(1).optional(),
  facts: VendorFactsSchema.optional(),
})
export type Component = z.infer<typeof ComponentSchema>

/** The vendor facts of one catalog component; undefined when the catalog has none for it. */
export function vendorFactsOf(catalog: Catalog, componentId: string): VendorFacts | undefined {
  let byId = FACTS.get(catalog)
  if (!byId) {
    byId = new Map()
    for (const c of catalog.components) if (!byId.has(c.id)) byId.set(c.id, c.facts)
    FACTS.set(catalog, byId)
  }
  return byId.get(componentId)
}

/** Every plan component checks its vendor's facts, so each catalog is indexed once. */
const FACTS = new WeakMap<Catalog, Map<string, VendorFacts | undefined>>()

/** content/catalog/index.yaml */
export const CatalogIndexSchema = z.strictObject({
  version: z.string().regex(/^\d{4}\.\d{2}\.\d+$/, { error: 'a catalog version such as "2026.06.1"' }),
  pricesAsOf: asOf,
  currency: z.literal('USD'),
})

/** Every other file in content/catalog/. */
export const CatalogFileSchema = z.strictObject({ components: z.array(ComponentSchema).min(1) })

export const CatalogSchema = CatalogIndexSchema.extend({ components: z.array(ComponentSchema) }).superRefine(
  (catalog, ctx) => {
    const seen = new Set<string>()
    catalog.components.forEach((component, c) => {
      if (seen.has(component.id)) {
        ctx.addIssue({
          code: 'custom',
          path: ['components', c, 'id'],
          message: 'a component id not used before',
          input: component.id,
        })
      }
      seen.add(component.id)
      unique(component.plans, ['components', c, 'plans'], 'a plan id not used before in this component', ctx)
      component.plans.forEach((plan, p) => {
        unique(plan.prices, ['components', c, 'plans', p, 'prices'], 'a price id not used before in this plan', ctx)
      })
    })
    const newest = newestAsOf(catalog.components)
    if (newest !== undefined && catalog.pricesAsOf !== newest) {
      ctx.addIssue({
        code: 'custom',
        path: ['pricesAsOf'],
        message: `the newest asOf of any price, "${newest}"`,
        input: catalog.pricesAsOf,
      })
    }
  },
)
export type Catalog = z.infer<typeof CatalogSchema>

function unique(items: readonly { id: string }[], path: (string | number)[], message: string, ctx: z.RefinementCtx) {
  const seen = new Set<string>()
  items.forEach((item, i) => {
    if (seen.has(item.id)) ctx.addIssue({ code: 'custom', path: [...path, i, 'id'], message, input: item.id })
    seen.add(item.id)
  })
}

/** YYYY-MM sorts before any YYYY-MM-DD of the same month, so plain string order is date order. */
export function newestAsOf(components: readonly Component[]): string | undefined {
  let newest: string | undefined
  for (const c of components)
    for (const plan of c.plans) for (const price of plan.prices) if (!newest || price.asOf > newest) newest = price.asOf
  return newest
}

export interface PriceRef {
  component: Component
  plan: Plan
  price: Price
}

type PriceIndex = Map<string, Map<string, Map<string, PriceRef>>>

/** Catalogs are read-only once loaded, so each is indexed once; the first of any repeated id wins, as with `find`. */
const PRICE_INDEXES = new WeakMap<Catalog, PriceIndex>()

function indexPrices(catalog: Catalog): PriceIndex {
  const index: PriceIndex = new Map()
  for (const component of catalog.components) {
    if (index.has(component.id)) continue
    const plans = new Map<string, Map<string, PriceRef>>()
    index.set(component.id, plans)
    for (const plan of component.plans) {
      if (plans.has(plan.id)) continue
      const prices = new Map<string, PriceRef>()
      plans.set(plan.id, prices)
      for (const price of plan.prices) if (!prices.has(price.id)) prices.set(price.id, { component, plan, price })
    }
  }
  return index
}

/**
 * One price by component, plan and price id; the same triple gives the same
 * object. A missing one is a catalog/engine mismatch, so it throws.
 */
export function priceOf(catalog: Catalog, componentId: string, planId: string, priceId: string): PriceRef {
  return priceLookup(catalog)(componentId, planId, priceId)
}

/** `priceOf` bound to one catalog, for callers that look up many prices. */
export function priceLookup(catalog: Catalog): (componentId: string, planId: string, priceId: string) => PriceRef {
  let index = PRICE_INDEXES.get(catalog)
  if (index === undefined) {
    index = indexPrices(catalog)
    PRICE_INDEXES.set(catalog, index)
  }
  const prices = index
  return (componentId, planId, priceId) =>
    prices.get(componentId)?.get(planId)?.get(priceId) ?? missingPrice(catalog, componentId, planId, priceId)
}

function missingPrice(catalog: Catalog, componentId: string, planId: string, priceId: string): never {
  const component = catalog.components.find((c) => c.id === componentId)
  const plan = component?.plans.find((p) => p.id === planId)
  throw new Error(
    `catalog ${catalog.version}: expected a price at ${componentId}.${planId}.${priceId}, got ${
      !component ? 'no such component' : !plan ? 'no such plan' : 'no such price'
    }`,
  )
}

const UNIT_LABELS: Record<Unit, readonly [one: string, many: string]> = {
  month: ['month', 'months'],
  instance_month: ['instance-month', 'instance-months'],
  instance_hour: ['instance-hour', 'instance-hours'],
  cu_hour: ['CU-hour', 'CU-hours'],
  cpu_hour: ['CPU-hour', 'CPU-hours'],
  vcpu_month: ['vCPU-month', 'vCPU-months'],
  gb_ram_month: ['GB of memory a month', 'GB of memory a month'],
  gb_month: ['GB-month', 'GB-months'],
  gb_egress: ['GB sent out', 'GB sent out'],
  gb_ingested: ['GB ingested', 'GB ingested'],
  gb_written: ['GB written', 'GB written'],
  host_month: ['host a month', 'hosts a month'],
  member_month: ['member a month', 'members a month'],
  mau: ['monthly active user', 'monthly active users'],
  email: ['email', 'emails'],
  event: ['event', 'events'],
  command: ['command', 'commands'],
  request: ['request', 'requests'],
  class_a_operation: ['write operation', 'write operations'],
  class_b_operation: ['read operation', 'read operations'],
  sso_connection_month: ['SSO connection a month', 'SSO connections a month'],
  metric_series: ['metric series', 'metric series'],
  charge: ['charge', 'charges'],
  processed_volume: ['amount processed', 'amount processed'],
  fee: ['fee', 'fee'],
  million_tokens: ['million tokens', 'million tokens'],
  tib_scanned: ['TiB scanned', 'TiB scanned'],
}

/** Thousands separators without locale data, so the text is the same on every machine. */
export function groupThousands(n: number): string {
  return groupDigits(Math.round(n).toString())
}

/** Dollars with at least two decimals and at most five: 0.14 → "$0.14", 0.0084 → "$0.0084", 25 → "$25". */
export function formatDollars(dollars: number): string {
  if (Number.isInteger(dollars)) return `$${groupThousands(dollars)}`
  const [whole, fraction] = dollars.toFixed(5).replace(/0+$/, '').split('.')
  return `$${groupThousands(Number(whole))}.${fraction.padEnd(2, '0')}`
}

/** A price as a reader would say it: "$0.14 per CU-hour", "$0.10 per 1,000 emails", "$25 a month", "2.9% of the amount processed". */
export function describePrice(price: Price): string {
  let text = DESCRIBED.get(price)
  if (text === undefined) {
    text = describe(price)
    DESCRIBED.set(price, text)
  }
  return text
}

/** Prices are read-only once loaded, and the costs describe the same ones in every brief. */
const DESCRIBED = new WeakMap<Price, string>()

function describe(price: Price): string {
  const [one, many] = UNIT_LABELS[price.unit]
  if (price.basisPoints !== undefined) return `${price.basisPoints / 100}% of the ${one}`
  const cents = price.cents ?? 0
  if (price.unit === 'month') return `${formatDollars(cents / 100)} a month`
  // Whole small batches read best per unit ($0.016 per instance-hour); large ones as written ($0.20 per 100,000 commands).
  if (price.per === 1 || (price.per < 1000 && Number.isInteger((cents * 1000) / price.per))) {
    return `${formatDollars(cents / price.per / 100)} per ${one}`
  }
  return `${formatDollars(cents / 100)} per ${groupThousands(price.per)} ${many}`
}

/** The limit of `kind` on `component` (on `plan` where one is set for it), or undefined when the vendor states none. */
export function limitOf(component: Component, kind: LimitKind, plan?: string): Limit | undefined {
  return (
    component.limits.find((l) => l.kind === kind && l.plan !== undefined && l.plan === plan) ??
    component.limits.find((l) => l.kind === kind && l.plan === undefined)
  )
}

/** A component's price multiplier in a region: 1 where the vendor lists one price everywhere. */
export function regionalMultiplier(component: Component, region: string): RegionalPrice | undefined {
  return component.regionalPrices.find((r) => r.region === region)
}

/** Components by id, indexed once per catalog: sizing and pricing ask for the same few thousands of times a brief. */
const COMPONENTS = new WeakMap<Catalog, Map<string, Component>>()

/** A catalog component by id; a missing one is a catalog/engine mismatch, so it throws. */
export function componentOf(catalog: Catalog, componentId: string): Component {
  let byId = COMPONENTS.get(catalog)
  if (!byId) {
    byId = new Map()
    // The first component with an id wins, as a search from the front would find it.
    for (const c of catalog.components) if (!byId.has(c.id)) byId.set(c.id, c)
    COMPONENTS.set(catalog, byId)
  }
  const found = byId.get(componentId)
  if (!found) throw new Error(`catalog ${catalog.version}: expected a component "${componentId}", got none`)
  return found
}

import type { Area, Band, LineItem } from '#app/engine/brief.ts'
import {
  type Catalog,
  componentOf,
  describePrice,
  type PriceRef,
  priceLookup,
  regionalMultiplier,
} from '#app/engine/catalog.ts'
import type { Planned } from '#app/engine/plan/components.ts'
import type { PlanContext } from '#app/engine/plan.ts'
import { months } from './usage.ts'

/** Helpers every pricer shares: one line item per plan component, whole cents, sources recorded. */

export type Use = (component: string, plan: string, price: string) => PriceRef

export interface PriceContext extends PlanContext {
  price: (component: string, plan: string, price: string) => PriceRef
}

export function priceContext(plan: PlanContext): PriceContext {
  return { ...plan, price: priceLookup(plan.catalog) }
}

/** Fractional cents for `quantity` units beyond what the plan includes. */
export function charge({ price }: PriceRef, quantity: number): number {
  return ((price.cents ?? 0) * Math.max(0, quantity - (price.included ?? 0))) / price.per
}

export function fits({ price }: PriceRef, quantity: number): boolean {
  return price.limit === undefined || quantity <= price.limit
}

/**
 * One line item for a plan component: prices each band and month, rounds to
 * whole cents, records every price it used as a source, and keeps
 * lean <= moderate <= scaled.
 */
export function line(
  ctx: PriceContext,
  p: Planned,
  head: { id: string; name: string; area?: Area },
  basis: string,
  cost: (band: Band, m: number, use: Use) => number,
): LineItem {
  const used = new Set<PriceRef>()
  const use: Use = (component, plan, price) => {
    const ref = ctx.price(component, plan, price)
    used.add(ref)
    return ref
  }
  const from = p.c.fromMonth - 1
  const at = (band: Band, m: number) => (m < from ? 0 : Math.round(cost(band, m, use)))
  const lean = months((m) => at('lean', m))
  const moderate = months((m) => Math.max(lean[m], at('moderate', m)))
  const scaled = months((m) => Math.max(moderate[m], at('scaled', m)))
  const sources = new Map<string, LineItem['sources'][number]>()
  for (const { price } of used) {
    const source = { url: price.source, asOf: price.asOf, estimate: price.estimate }
    sources.set(JSON.stringify(source), source)
  }
  const joins = p.c.fromMonth > 1 ? ` Priced from month ${p.c.fromMonth}, when its trigger fires.` : ''
  return {
    id: head.id,
    area: head.area ?? p.c.area,
    component: p.c.id,
    name: head.name,
    bands: { lean, moderate, scaled },
    basis: `${basis}${joins}`,
    sources: [...sources.values()],
  }
}

/** A catalog price as a reader would say it. */
export function rate(ctx: PriceContext, component: string, plan: string, price: string): string {
  return describePrice(ctx.price(component, plan, price).price)
}

export function includedOf(ctx: PriceContext, component: string, plan: string, price: string): number {
  return ctx.price(component, plan, price).price.included ?? 0
}

export function limitOf(ctx: PriceContext, component: string, plan: string, price: string): number {
  const limit = ctx.price(component, plan, price).price.limit
  if (limit === undefined)
    throw new Error(`catalog ${ctx.catalog.version}: expected a limit on ${component}.${plan}.${price}`)
  return limit
}

/**
 * The sum over a component's regions of that region's price multiplier: the
 * number of regions where the vendor charges the same everywhere.
 */
export function regionFactor(catalog: Catalog, catalogId: string, regions: readonly string[]): number {
  const component = componentOf(catalog, catalogId)
  return regions.reduce((sum, r) => sum + (regionalMultiplier(component, r)?.multiplier ?? 1), 0)
}

/** Words for a regional price difference, where one applies. */
export function regionNote(catalog: Catalog, catalogId: string, regions: readonly string[]): string {
  const component = componentOf(catalog, catalogId)
  const notes = regions.flatMap((r) => {
    const m = regionalMultiplier(component, r)
    return m ? [`${REGION_WORDS[r] ?? r} at ${Math.round(m.multiplier * 100)}% of the listed price (${m.asOf})`] : []
  })
  return notes.length > 0 ? ` Priced in ${notes.join(', ')}.` : ''
}

const REGION_WORDS: Record<string, string> = {
  us: 'the US',
  eu: 'the EU',
  uk: 'the UK',
  india: 'India',
  canada: 'Canada',
  australia: 'Australia',
  brazil: 'Brazil',
  singapore: 'Singapore',
  other: 'another region',
}

export function round1(n: number): number {
  return Math.round(n * 10) / 10
}

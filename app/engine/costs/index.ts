import type { Answers } from '#app/engine/answers.ts'
import { BANDS, type Costs, type Decision, type LineItem } from '#app/engine/brief.ts'
import type { Catalog } from '#app/engine/catalog.ts'
import { type PlanContext, publishPlan, startPlan } from '#app/engine/plan.ts'
import { assumptions, bandMeaning } from './assumptions.ts'
import { balancerLine, computeLine } from './compute.ts'
import { databaseLine } from './database.ts'
import { transactionFees } from './fees.ts'
import { priceContext } from './line.ts'
import { serviceLine } from './services.ts'
import { describeCurve, months } from './usage.ts'

/**
 * Twelve-month cost bands, one line item per plan component. The plan holds
 * the vendors and sizes; each pricer turns one component into cents per
 * band and month from the catalog. Pure: integer cents throughout.
 */

export { AVERAGE_CHARGE_CENTS } from './fees.ts'
export { BAND_PROFILES, CU_MEMORY_GB, DB_RPS_PER_CU, TS_EVENTS_PER_CU } from './sizing.ts'
export { describeCurve, PER_USER, usageCurve } from './usage.ts'

export function priceThePlan(plan: PlanContext, decisions: readonly Decision[]): Costs {
  const ctx = priceContext(plan)
  const workers = plan.planned.find((p) => p.c.id === 'worker')
  const lineItems = plan.planned
    .map((p): LineItem | undefined => {
      switch (p.kind) {
        case 'compute':
          return computeLine(ctx, p)
        case 'balancer':
          return balancerLine(ctx, p)
        case 'database':
          return databaseLine(ctx, p)
        case 'service':
          return serviceLine(ctx, p, workers)
        default:
          return undefined
      }
    })
    .filter((item): item is LineItem => item !== undefined)

  const bands = Object.fromEntries(
    BANDS.map((band) => {
      const monthly = months((m) => lineItems.reduce((sum, item) => sum + item.bands[band][m], 0))
      return [band, { monthly, total12Months: monthly.reduce((s, c) => s + c, 0) }]
    }),
  ) as Costs['bands']
  const payments = decisions.find((d) => d.area === 'payments')
  return {
    currency: 'USD',
    unit: 'cents',
    pricesAsOf: plan.catalog.pricesAsOf,
    usage: {
      activeUsers: plan.usage.users,
      curve: describeCurve(plan.a.load.activeUsersAtLaunch, plan.a.load.activeUsersIn12Months),
    },
    bands,
    bandMeaning: bandMeaning(plan),
    lineItems,
    assumptions: assumptions(plan, decisions.find((d) => d.area === 'jobs')?.choice.vendor),
    transactionFees: transactionFees(
      plan.a,
      plan.catalog,
      payments && payments.status === 'adopt' && payments.choice.id !== 'none' ? payments.choice.id : undefined,
    ),
  }
}

/** Costs for a set of decisions on their own, for tests and tools: plans them, then prices the plan. */
export function estimateCosts(a: Answers, decisions: readonly Decision[], catalog: Catalog): Costs {
  const plan = startPlan(a, decisions, catalog)
  publishPlan(plan)
  return priceThePlan(plan, decisions)
}

import type { Costs, LineItem } from '#app/engine/brief.ts'

/** Cost bands for tests of the parts that read them; figures in cents. */

function band(monthly: number[]) {
  return { monthly, total12Months: monthly.reduce((sum, m) => sum + m, 0) }
}

export function flat(cents: number): number[] {
  return Array(12).fill(cents)
}

export function makeCosts(
  bands: { lean?: number[]; moderate?: number[]; scaled?: number[] } = {},
  lineItems: LineItem[] = [],
): Costs {
  return {
    currency: 'USD',
    unit: 'cents',
    pricesAsOf: '2026-06',
    usage: { activeUsers: flat(0), curve: 'flat, for a test' },
    bands: {
      lean: band(bands.lean ?? flat(0)),
      moderate: band(bands.moderate ?? bands.lean ?? flat(0)),
      scaled: band(bands.scaled ?? bands.moderate ?? bands.lean ?? flat(0)),
    },
    bandMeaning: { lean: 'the least that runs', moderate: 'paid plans', scaled: 'production grade' },
    lineItems,
    assumptions: [],
    transactionFees: [],
  }
}

export function lineItem(id: string, component: string, leanMonthly: number[]): LineItem {
  return {
    id,
    area: 'hosting',
    component: id,
    name: component,
    bands: { lean: leanMonthly, moderate: leanMonthly, scaled: leanMonthly },
    basis: 'made up for a test',
    sources: [],
  }
}

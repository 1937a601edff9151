import type { Answers } from './answers'
import type { Costs, Decision } from './brief'
import type { Catalog } from './catalog'

// PLACEHOLDER: replaced by the real cost bands.
export function estimateCosts(a: Answers, _decisions: readonly Decision[], catalog: Catalog): Costs {
  const zero = { monthly: Array(12).fill(0), total12Months: 0 }
  return {
    currency: 'USD',
    unit: 'cents',
    pricesAsOf: catalog.pricesAsOf,
    usage: { activeUsers: Array(12).fill(a.load.activeUsersIn12Months), curve: 'placeholder' },
    bands: { lean: zero, moderate: zero, scaled: zero },
    lineItems: [],
    assumptions: [],
    transactionFees: [],
  }
}

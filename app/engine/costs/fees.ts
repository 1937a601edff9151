import type { Answers } from '#app/engine/answers.ts'
import type { Costs } from '#app/engine/brief.ts'
import { type Catalog, formatDollars, type PriceRef, priceOf } from '#app/engine/catalog.ts'
import { charge } from './line.ts'

/** Payment fees: a share of revenue, shown per $1,000 processed and kept out of the bands. */

/** A typical card charge, for turning a fixed per-charge fee into a share of $1,000. */
export const AVERAGE_CHARGE_CENTS = 5000
const PROCESSED_CENTS = 100_000

export function transactionFees(a: Answers, catalog: Catalog, choice: string | undefined): Costs['transactionFees'] {
  const payouts = a.compliance.payments === 'marketplace_payouts'
  const source = ({ price }: PriceRef) => ({ url: price.source, asOf: price.asOf, estimate: price.estimate })
  const share = ({ price }: PriceRef, amount: number) => (amount * (price.basisPoints ?? 0)) / 10_000
  const percent = ({ price }: PriceRef) => `${(price.basisPoints ?? 0) / 100}%`

  if (choice === 'stripe') {
    const card = priceOf(catalog, 'stripe', 'standard', 'card_percent')
    const fixed = priceOf(catalog, 'stripe', 'standard', 'card_fixed')
    const international = priceOf(catalog, 'stripe', 'standard', 'international_card')
    const conversion = priceOf(catalog, 'stripe', 'standard', 'currency_conversion')
    const charges = PROCESSED_CENTS / AVERAGE_CHARGE_CENTS
    const domestic = Math.round(share(card, PROCESSED_CENTS) + charge(fixed, charges))
    const abroad = Math.round(domestic + share(international, PROCESSED_CENTS) + share(conversion, PROCESSED_CENTS))
    const fees: Costs['transactionFees'] = [
      {
        provider: 'stripe',
        name: 'Stripe, cards from the account’s own country',
        per1000ProcessedCents: domestic,
        text: `${percent(card)} of each charge plus ${fixed.price.cents}¢; at an average charge of ${usd(AVERAGE_CHARGE_CENTS)} that is ${charges} charges, or ${usd(domestic)} per $1,000.${payouts ? ' Paying sellers out through Connect costs extra and is not included.' : ''}`,
        sources: [source(card), source(fixed)],
      },
    ]
    if (a.compliance.markets.some((m) => m !== 'us')) {
      fees.push({
        provider: 'stripe',
        name: 'Stripe, cards from abroad that need currency conversion',
        per1000ProcessedCents: abroad,
        text: `Cards issued abroad add ${percent(international)} and converting the currency adds ${percent(conversion)}, so ${usd(abroad)} per $1,000 when both apply; paying users outside the account's country make these likely.`,
        sources: [source(card), source(fixed), source(international), source(conversion)],
      })
    }
    return fees
  }

  if (choice === 'razorpay') {
    const domestic = priceOf(catalog, 'razorpay', 'standard', 'domestic_percent')
    const international = priceOf(catalog, 'razorpay', 'standard', 'international_percent')
    const gst = priceOf(catalog, 'razorpay', 'standard', 'gst_on_fee')
    const withGst = (fee: number) => Math.round(fee + share(gst, fee))
    const home = withGst(share(domestic, PROCESSED_CENTS))
    const abroad = withGst(share(international, PROCESSED_CENTS))
    const fees: Costs['transactionFees'] = [
      {
        provider: 'razorpay',
        name: 'Razorpay, domestic payments (cards, UPI, netbanking, wallets)',
        per1000ProcessedCents: home,
        text: `${percent(domestic)} of each payment plus ${percent(gst)} GST on that fee, so ${usd(home)} per $1,000 processed; fees are charged in rupees, so read this as per $1,000 worth.${payouts ? ' Splitting payments to sellers (Route) is priced separately and not included.' : ''}`,
        sources: [source(domestic), source(gst)],
      },
    ]
    if (a.compliance.markets.some((m) => m !== 'india')) {
      fees.push({
        provider: 'razorpay',
        name: 'Razorpay, international cards',
        per1000ProcessedCents: abroad,
        text: `Up to ${percent(international)} for cards issued outside India, plus ${percent(gst)} GST on the fee: at most ${usd(abroad)} per $1,000.`,
        sources: [source(international), source(gst)],
      })
    }
    return fees
  }

  return []
}

function usd(cents: number): string {
  return formatDollars(cents / 100)
}

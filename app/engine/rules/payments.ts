import type { Answers } from '#app/engine/answers.ts'
import type { Alternative, Because, Decision } from '#app/engine/brief.ts'
import { type Catalog, vendorFactsOf } from '#app/engine/catalog.ts'
import {
  constraintsOf,
  HEALTH_INPUTS,
  type Region,
  regionWords,
  residencyFit,
  standingOf,
} from '#app/engine/constraints.ts'
import { hasRegime, paysMostlyInIndia } from '#app/engine/facts.ts'
import { listPhrase, MARKET_NAMES } from './_shared-stack.ts'
import { type AreaRules, because } from './types.ts'

type Processor = 'stripe' | 'razorpay'
type PaymentModel = Exclude<Answers['compliance']['payments'], 'none'>

/** The product each processor sells for each way of charging; the name the founder will search for. */
const PRODUCT_NAMES: Record<Processor, Record<PaymentModel, string>> = {
  stripe: {
    one_time: 'Stripe Checkout',
    subscriptions: 'Stripe Billing (subscriptions)',
    usage_based: 'Stripe Billing (usage-based)',
    marketplace_payouts: 'Stripe Connect (marketplace payouts)',
  },
  razorpay: {
    one_time: 'Razorpay Checkout',
    subscriptions: 'Razorpay Subscriptions',
    usage_based: 'Razorpay (charges from your own usage meter)',
    marketplace_payouts: 'Razorpay Route (marketplace payouts)',
  },
}

const MODEL_PHRASES: Record<PaymentModel, string> = {
  one_time: 'one-time payments',
  subscriptions: 'subscriptions',
  usage_based: 'usage-based billing',
  marketplace_payouts: 'marketplace payments with payouts to sellers',
}

const IN_HOUSE: Alternative = {
  id: 'in_house',
  name: 'Building payments yourself',
  whyNot:
    'Card data would put your whole system in PCI DSS scope, and you would rebuild chargeback handling, webhook retries and subscription logic that processors have spent years getting right: months of work, done worse.',
}

const PROCESSOR_NAMES: Record<Processor, string> = { stripe: 'Stripe', razorpay: 'Razorpay' }

/**
 * Razorpay only when every paying user is in India; anyone else paying means
 * Stripe leads. A processor whose facts place its records outside the regions
 * the data must stay in gives way to the other when that one is not ruled out too.
 */
export function pickProcessor(a: Answers, catalog: Catalog): Processor {
  const preferred: Processor = paysMostlyInIndia(a) ? 'razorpay' : 'stripe'
  const residency = a.compliance.dataResidency
  if (residency.length === 0 || residencyFit(catalog, preferred, residency) !== 'does_not_fit') return preferred
  const other: Processor = preferred === 'razorpay' ? 'stripe' : 'razorpay'
  return residencyFit(catalog, other, residency) === 'does_not_fit' ? preferred : other
}

/**
 * What the brief must say about the processor against the residency and BAA
 * constraints: nothing when its facts confirm both, otherwise plainly what is
 * not confirmed and what to do about it.
 */
function constraintNotes(a: Answers, catalog: Catalog, processor: Processor, moved: boolean): Because[] {
  const c = constraintsOf(a)
  const standing = standingOf(catalog, processor, c)
  const name = PROCESSOR_NAMES[processor]
  const where = regionWords(c.residency)
  const out: Because[] = []
  if (moved) {
    const other = processor === 'stripe' ? 'razorpay' : 'stripe'
    out.push(
      because(
        'payments.residency_moves_processor',
        ['compliance.dataResidency', 'compliance.markets'],
        `Your data must stay in ${where}, and ${PROCESSOR_NAMES[other]} keeps its records in ${regionWords(regionsOf(catalog, other))} only, so ${name} takes the payments.`,
      ),
    )
  }
  if (standing.residency === 'unconfirmed') {
    const razorpayInIndia = processor === 'razorpay' && c.residency.includes('india')
    out.push(
      because(
        'payments.residency_unconfirmed',
        ['compliance.dataResidency'],
        razorpayInIndia
          ? `Your data must stay in ${where}. Razorpay is regulated by the Reserve Bank of India, whose rule obliges payment companies to store payment data in India, but the sources we read do not confirm where Razorpay keeps your account's data: get it in writing, in its data processing agreement, before launch.`
          : `Your data must stay in ${where}, and the sources we read do not confirm that ${name} keeps payment records there: get it in writing, in its data processing agreement, before launch.`,
      ),
    )
  } else if (standing.residency === 'does_not_fit') {
    out.push(
      because(
        'payments.residency_outside',
        ['compliance.dataResidency'],
        `Your data must stay in ${where}, and no processor weighed here confirms keeping payment records there: ${name} keeps them in ${regionWords(regionsOf(catalog, processor))}. A product that takes payments needs a processor, so ask ${name} in writing where your account's data is kept, name the transfer in your privacy notice and its data processing agreement, and send it only what a charge needs (the amount, the currency and a customer id).`,
      ),
    )
  }
  if (standing.baa === 'does_not_fit' || standing.baa === 'unconfirmed') {
    out.push(
      because(
        'payments.no_health_to_processor',
        HEALTH_INPUTS,
        `Health data needs a Business Associate Agreement (BAA) from every service that receives it, and ${name} ${standing.baa === 'does_not_fit' ? 'does not sign one' : 'does not confirm signing one'}. Taking a payment for care falls under HIPAA's exemption for payment processing as long as no health detail rides along, so a charge carries only the amount, a customer id and an email address: never a diagnosis, a treatment or a clinic note in its description or metadata.`,
      ),
    )
  }
  return out
}

function regionsOf(catalog: Catalog, processor: Processor): Region[] {
  const regions = vendorFactsOf(catalog, processor)?.regions ?? []
  return regions === 'anywhere' ? [] : [...regions]
}

function noPayments(): Decision {
  return {
    area: 'payments',
    title: 'Payments',
    choice: { id: 'none', name: 'No payments yet' },
    status: 'not_applicable',
    because: [
      because(
        'payments.none_needed',
        ['compliance.payments'],
        'Nobody pays inside the product, so there is no processor to choose. When you start charging, answer the payment model and markets again and the brief will pick one.',
      ),
    ],
    alternatives: [
      {
        id: 'stripe',
        name: 'Stripe',
        whyNot: 'Nothing to charge for yet; adding it later is a few days of work, not a redesign.',
      },
    ],
    revisitWhen: [],
    guide: 'auth-and-payments',
  }
}

/** "in the US and the EU", "in India and beyond", or "around the world". */
function whereUsersPay(a: Answers): string {
  const named = a.compliance.markets.filter((m) => m !== 'global').map((m) => MARKET_NAMES[m])
  if (named.length === 0) return 'around the world'
  return `in ${listPhrase(named)}${a.compliance.markets.includes('global') ? ' and beyond' : ''}`
}

export const payments: AreaRules = {
  area: 'payments',
  decide(a, catalog) {
    if (a.compliance.payments === 'none') return noPayments()
    const model = a.compliance.payments
    const processor = pickProcessor(a, catalog)
    const moved = processor !== (paysMostlyInIndia(a) ? 'razorpay' : 'stripe')
    const why: Because[] = [
      because(
        'payments.hosted_processor',
        ['compliance.payments'],
        `You take ${MODEL_PHRASES[model]}; a hosted processor handles the cards, receipts, refunds and disputes, and tells your app what happened through webhooks that you record once per event id.`,
      ),
    ]
    if (processor === 'razorpay' && !moved) {
      why.push(
        because(
          'payments.razorpay_for_india',
          ['compliance.markets'],
          'Every paying user is in India and pays in rupees; Razorpay handles UPI, netbanking, wallets and domestic cards better than Stripe does for these flows, at about 2% per domestic payment (plus GST on the fee).',
        ),
      )
    } else if (!moved && a.compliance.markets.includes('india')) {
      why.push(
        because(
          'payments.india_second_processor',
          ['compliance.markets'],
          `Paying users are ${whereUsersPay(a)}, so Stripe leads because it covers every market on one account. India is among them: when rupee payments grow, add Razorpay as a second processor for UPI and netbanking, behind the same payments module so the rest of the app does not notice.`,
        ),
      )
    } else {
      why.push(
        because(
          'payments.stripe_default',
          ['compliance.markets'],
          `Paying users are ${whereUsersPay(a)}; Stripe covers cards and the common local payment methods from one account, with the widest set of guides and libraries.`,
        ),
      )
    }
    if (model === 'marketplace_payouts') {
      why.push(
        because(
          'payments.marketplace_payouts',
          ['compliance.payments'],
          processor === 'razorpay'
            ? 'Sellers get paid out: Razorpay Route splits each payment into the linked accounts of your sellers, so their share never passes through your own bank account.'
            : 'Sellers get paid out: Stripe Connect onboards and verifies them, splits each payment and pays them out, so their share never passes through your own bank account.',
        ),
      )
    }
    if (hasRegime(a, 'pci_dss')) {
      why.push(
        because(
          'payments.never_touch_card_data',
          ['compliance.regimes'],
          `PCI DSS is on your list: never let a card number reach your servers. Use ${processor === 'razorpay' ? "Razorpay's hosted checkout" : "Stripe's hosted checkout or its hosted card fields"} only, which keeps your own PCI assessment to the shortest self-assessment questionnaire (SAQ A).`,
        ),
      )
    }
    why.push(...constraintNotes(a, catalog, processor, moved))
    const other: Alternative =
      processor === 'razorpay'
        ? {
            id: 'stripe',
            name: 'Stripe',
            whyNot:
              'Stripe works in India, but for rupee payments by UPI and netbanking Razorpay is the stronger domestic option; add Stripe later if you start selling abroad.',
          }
        : {
            id: 'razorpay',
            name: 'Razorpay',
            whyNot: moved
              ? `Razorpay keeps its records in India only, and your data must stay in ${regionWords(a.compliance.dataResidency)}.`
              : a.compliance.markets.includes('india')
                ? 'Razorpay is the better fit for rupee payments, but only part of your paying users are in India; keep it as the second processor for when that share grows.'
                : 'Razorpay is built for payments inside India, and none of your paying users are there.',
          }
    return {
      area: 'payments',
      title: 'Payments',
      choice: { id: processor, name: PRODUCT_NAMES[processor][model] },
      status: 'adopt',
      because: why,
      alternatives: [other, IN_HOUSE],
      revisitWhen: [],
      guide: 'auth-and-payments',
    }
  },
  triggers: [],
}

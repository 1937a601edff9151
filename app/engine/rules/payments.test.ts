import { describe, expect, it } from 'vitest'
import { DecisionSchema } from '#app/engine/brief.ts'
import { type AnswersPatch, buildAnswers, ORGANIZATIONS_INPUT } from '#tests/support/answers.ts'
import { testCatalog } from '#tests/support/catalog.ts'
import { payments } from './payments.ts'

const CATALOG = testCatalog()
const decide = (over: AnswersPatch = {}) =>
  DecisionSchema.parse(payments.decide(buildAnswers(over, ORGANIZATIONS_INPUT), CATALOG))

describe('payments: which processor', () => {
  it.each<{ fact: string; compliance: AnswersPatch['compliance']; choice: string; name: string; fired: string[] }>([
    {
      fact: 'nothing to choose when nobody pays (seed 002, build-vs-buy only where it applies)',
      compliance: { payments: 'none' },
      choice: 'none',
      name: 'No payments yet',
      fired: ['payments.none_needed'],
    },
    {
      fact: 'Stripe by default (seed 000, use Stripe)',
      compliance: { payments: 'subscriptions', markets: ['us', 'eu'] },
      choice: 'stripe',
      name: 'Stripe Billing (subscriptions)',
      fired: ['payments.hosted_processor', 'payments.stripe_default'],
    },
    {
      fact: 'Stripe Checkout for one-time payments to a global market (seed 000, use Stripe)',
      compliance: { payments: 'one_time', markets: ['global'] },
      choice: 'stripe',
      name: 'Stripe Checkout',
      fired: ['payments.hosted_processor', 'payments.stripe_default'],
    },
    {
      fact: 'Razorpay when every paying user is in India (seed 000, users paying in rupees: Razorpay)',
      compliance: { payments: 'subscriptions', markets: ['india'] },
      choice: 'razorpay',
      name: 'Razorpay Subscriptions',
      fired: ['payments.hosted_processor', 'payments.razorpay_for_india'],
    },
    {
      fact: 'India beside other markets keeps Stripe and plans Razorpay as a second processor (seed 000, UPI and netbanking for domestic flows)',
      compliance: { payments: 'usage_based', markets: ['us', 'india'] },
      choice: 'stripe',
      name: 'Stripe Billing (usage-based)',
      fired: ['payments.hosted_processor', 'payments.india_second_processor'],
    },
    {
      fact: 'marketplace payouts on Stripe Connect (seed 000, hosted payments)',
      compliance: { payments: 'marketplace_payouts', markets: ['eu'] },
      choice: 'stripe',
      name: 'Stripe Connect (marketplace payouts)',
      fired: ['payments.hosted_processor', 'payments.stripe_default', 'payments.marketplace_payouts'],
    },
    {
      fact: 'marketplace payouts in India on Razorpay Route (seed 000, Razorpay for India)',
      compliance: { payments: 'marketplace_payouts', markets: ['india'] },
      choice: 'razorpay',
      name: 'Razorpay Route (marketplace payouts)',
      fired: ['payments.hosted_processor', 'payments.razorpay_for_india', 'payments.marketplace_payouts'],
    },
    {
      fact: 'PCI DSS: card data never touches your servers (seed 000, the PCI compliance surface)',
      compliance: { payments: 'one_time', markets: ['us'], regimes: ['pci_dss'] },
      choice: 'stripe',
      name: 'Stripe Checkout',
      fired: ['payments.hosted_processor', 'payments.stripe_default', 'payments.never_touch_card_data'],
    },
  ])('$fact', ({ compliance, choice, name, fired }) => {
    const d = decide({ compliance })
    expect(d.area).toBe('payments')
    expect(d.choice).toEqual({ id: choice, name })
    expect(d.status).toBe(d.choice.id === 'none' ? 'not_applicable' : 'adopt')
    expect(d.because.map((b) => b.rule)).toEqual(fired)
    expect(d.revisitWhen).toEqual([])
    expect(d.guide).toBe('auth-and-payments')
  })
})

describe('payments: reasons read exactly their answers', () => {
  it.each<{
    fact: string
    compliance: AnswersPatch['compliance']
    rule: string
    inputs: string[]
    mentions: string
  }>([
    {
      fact: 'no payments reads the payment model (seed 002, build-vs-buy)',
      compliance: { payments: 'none' },
      rule: 'payments.none_needed',
      inputs: ['compliance.payments'],
      mentions: 'Nobody pays',
    },
    {
      fact: 'the hosted processor names the payment model and idempotent webhooks (seed 000, webhook retry semantics; idempotency on payments)',
      compliance: { payments: 'usage_based' },
      rule: 'payments.hosted_processor',
      inputs: ['compliance.payments'],
      mentions: 'usage-based billing',
    },
    {
      fact: 'Stripe names the markets it was chosen for (seed 000, use Stripe)',
      compliance: { payments: 'subscriptions', markets: ['us', 'uk'] },
      rule: 'payments.stripe_default',
      inputs: ['compliance.markets'],
      mentions: 'in the US and the UK',
    },
    {
      fact: 'Razorpay names UPI and netbanking (seed 000, UPI and netbanking support)',
      compliance: { payments: 'one_time', markets: ['india'] },
      rule: 'payments.razorpay_for_india',
      inputs: ['compliance.markets'],
      mentions: 'UPI, netbanking',
    },
    {
      fact: 'the second-processor note names Razorpay for rupee flows (seed 000, Razorpay for India)',
      compliance: { payments: 'one_time', markets: ['eu', 'india'] },
      rule: 'payments.india_second_processor',
      inputs: ['compliance.markets'],
      mentions: 'add Razorpay as a second processor',
    },
    {
      fact: 'PCI DSS reads the regimes and says hosted checkout or hosted fields only (seed 000, PCI compliance surface)',
      compliance: { payments: 'subscriptions', regimes: ['pci_dss'] },
      rule: 'payments.never_touch_card_data',
      inputs: ['compliance.regimes'],
      mentions: 'hosted checkout or its hosted card fields only',
    },
    {
      fact: 'Razorpay under PCI DSS says hosted checkout too (seed 000, PCI compliance surface)',
      compliance: { payments: 'subscriptions', regimes: ['pci_dss'], markets: ['india'] },
      rule: 'payments.never_touch_card_data',
      inputs: ['compliance.regimes'],
      mentions: "Razorpay's hosted checkout",
    },
  ])('$fact', ({ compliance, rule, inputs, mentions }) => {
    const reason = decide({ compliance }).because.find((b) => b.rule === rule)
    expect(reason?.inputs).toEqual(inputs)
    expect(reason?.text).toContain(mentions)
  })
})

describe('payments: alternatives', () => {
  it.each<{ fact: string; compliance: AnswersPatch['compliance']; ids: string[]; id: string; mentions: string }>([
    {
      fact: 'never in-house: PCI scope, chargebacks, webhooks and subscription logic (seed 000, do not build a payment integration from scratch)',
      compliance: { payments: 'subscriptions' },
      ids: ['razorpay', 'in_house'],
      id: 'in_house',
      mentions: 'PCI DSS scope, and you would rebuild chargeback handling, webhook retries and subscription logic',
    },
    {
      fact: 'Razorpay loses when nobody pays from India (seed 000, Razorpay for India)',
      compliance: { payments: 'subscriptions', markets: ['us'] },
      ids: ['razorpay', 'in_house'],
      id: 'razorpay',
      mentions: 'none of your paying users are there',
    },
    {
      fact: 'Razorpay waits as the second processor when India is one market of several (seed 000, Razorpay for India)',
      compliance: { payments: 'subscriptions', markets: ['uk', 'india'] },
      ids: ['razorpay', 'in_house'],
      id: 'razorpay',
      mentions: 'second processor',
    },
    {
      fact: 'Stripe loses to Razorpay for domestic rupee flows (seed 000, better than Stripe for domestic flows)',
      compliance: { payments: 'one_time', markets: ['india'] },
      ids: ['stripe', 'in_house'],
      id: 'stripe',
      mentions: 'UPI and netbanking',
    },
    {
      fact: 'with no payments, Stripe waits for the first price (seed 000, use Stripe)',
      compliance: { payments: 'none' },
      ids: ['stripe'],
      id: 'stripe',
      mentions: 'Nothing to charge for yet',
    },
  ])('$fact', ({ compliance, ids, id, mentions }) => {
    const d = decide({ compliance })
    expect(d.alternatives.map((x) => x.id)).toEqual(ids)
    expect(d.alternatives.find((x) => x.id === id)?.whyNot).toContain(mentions)
  })
})

it('owns no triggers', () => {
  expect(payments.triggers).toEqual([])
})

describe('payments: residency and BAA bind the processor too (issue 8)', () => {
  it('Razorpay for India-resident data says plainly that where it keeps your data is not confirmed', () => {
    const d = decide({ compliance: { payments: 'subscriptions', markets: ['india'], dataResidency: ['india'] } })
    expect(d.choice.id).toBe('razorpay')
    const note = d.because.find((b) => b.rule === 'payments.residency_unconfirmed')
    expect(note?.inputs).toEqual(['compliance.dataResidency'])
    expect(note?.text).toMatch(/do not confirm where Razorpay keeps your account's data/)
  })

  it('EU-resident data with every payer in India moves to Stripe, which keeps records in the EU', () => {
    const d = decide({ compliance: { payments: 'one_time', markets: ['india'], dataResidency: ['eu'] } })
    expect(d.choice.id).toBe('stripe')
    expect(d.because.map((b) => b.rule)).toContain('payments.residency_moves_processor')
    expect(d.because.map((b) => b.rule)).not.toContain('payments.india_second_processor')
    expect(d.alternatives.find((x) => x.id === 'razorpay')?.whyNot).toMatch(/India only/)
  })

  it('UK-resident data: no processor confirms the UK, and the brief says so rather than staying silent', () => {
    const d = decide({ compliance: { payments: 'one_time', markets: ['uk'], dataResidency: ['uk'] } })
    expect(d.choice.id).toBe('stripe')
    expect(d.because.find((b) => b.rule === 'payments.residency_outside')?.text).toMatch(
      /no processor weighed here confirms keeping payment records there: Stripe keeps them in the US, the EU and India/,
    )
  })

  it('health data: Stripe signs no BAA, so a charge carries no health detail', () => {
    const d = decide({ compliance: { payments: 'subscriptions', markets: ['us'], regimes: ['hipaa'] } })
    const note = d.because.find((b) => b.rule === 'payments.no_health_to_processor')
    expect(note?.inputs).toEqual(['compliance.regimes', 'data.sensitive', 'compliance.markets'])
    expect(note?.text).toMatch(/Stripe does not sign one/)
    expect(note?.text).toMatch(/never a diagnosis/)
  })

  it('EU-resident data on Stripe, which confirms the EU, needs no note', () => {
    const d = decide({ compliance: { payments: 'subscriptions', markets: ['eu'], dataResidency: ['eu'] } })
    expect(d.because.map((b) => b.rule).filter((r) => /residency|health/.test(r))).toEqual([])
  })
})

import { describe, expect, it } from 'vitest'
import { type AnswersPatch, buildAnswers } from '#tests/support/answers.ts'
import { defaultStack, makeDecisions } from '#tests/support/decisions.ts'
import type { Decision } from './brief.ts'
import { planDayOne } from './day-one.ts'
import { writeHandoff } from './handoff.ts'

function handoff(patch: AnswersPatch = {}, decisions: Decision[] = defaultStack()) {
  const a = buildAnswers(patch)
  return writeHandoff(a, decisions, planDayOne(a, decisions))
}

describe('writeHandoff: ordered steps for the first week (seed 002, implementation handoff notes)', () => {
  it('runs repository, data model review, accounts, observability, day-one items, triggers, review', () => {
    const steps = handoff()
    expect(steps).toHaveLength(7)
    expect(steps.map((s) => s.split(' ').slice(0, 3).join(' '))).toEqual([
      'Create one repository',
      'Hold a data',
      'Open the vendor',
      'On the first',
      'Build the remaining',
      'Put every migration',
      'Book a review',
    ])
  })

  it('creates the repository and the deployment with the framework and host the decisions chose (seed 000, default stack)', () => {
    const [first] = handoff({ product: { summary: 'Tutors get booked within a day.' } })
    expect(first).toMatch(/scaffold the app with Next.js, and deploy it to a managed platform on every merge/)
    expect(first).toMatch(/staging environment/)
    expect(first).toContain('"Tutors get booked within a day."')
  })

  it('reviews the data model and the identity model before the first migration (seed 000, day one)', () => {
    const steps = handoff({ product: { sellsTo: 'organizations' } })
    expect(steps[1]).toMatch(/design the data model .*, settle how accounts relate .* and put the tenant id/)
  })

  it.each<[string, AnswersPatch, Parameters<typeof defaultStack>[0], RegExp[], RegExp[]]>([
    [
      'auth and email, no payments',
      {},
      {},
      [/Clerk for sign-in/, /Postmark for email/, /SPF, DKIM, DMARC/],
      [/test mode/],
    ],
    [
      'payments too',
      { compliance: { payments: 'subscriptions' } },
      { payments: { choice: 'stripe', name: 'Stripe' } },
      [/Stripe in test mode with its webhooks pointed at staging/],
      [],
    ],
    [
      'open-source auth in the app',
      {},
      { auth: { choice: 'better_auth', name: 'Better Auth' } },
      [/Better Auth added to the app for sign-in/],
      [/Better Auth for sign-in/],
    ],
    ['HIPAA', { compliance: { regimes: ['hipaa'] } }, {}, [/Sign the BAAs before any real patient data/], []],
    [
      'GDPR with EU residency',
      { compliance: { regimes: ['gdpr'], dataResidency: ['eu'] } },
      {},
      [/Choose the region in the EU on each/, /data processing agreement/],
      [],
    ],
  ])(
    'sets up the accounts the decisions name: %s (seed 000, hosted auth, payments and email)',
    (_, patch, stack, has, hasNot) => {
      const step = handoff(patch, defaultStack(stack))[2]
      for (const p of has) expect(step).toMatch(p)
      for (const p of hasNot) expect(step).not.toMatch(p)
    },
  )

  it('sets up the observability stack the decision chose, with the alert (seed 001, observability before heroics)', () => {
    const step = handoff({}, defaultStack({ observability: { choice: 'datadog', name: 'Datadog' } }))[3]
    expect(step).toMatch(/RED metrics and traces to Datadog/)
    expect(step).toMatch(/error-rate alert/)
  })

  it('lists the remaining day-one items by title', () => {
    const step = handoff({ product: { clients: ['web', 'mobile'] }, data: { auditTrail: true } })[4]
    expect(step).toBe(
      'Build the remaining day-one items before feature work: make critical writes safe to retry, keep an append-only audit log, version the API from the first release and paginate every list endpoint.',
    )
  })

  it('puts the triggers of the decisions and the deferrals on a dashboard by the metric they watch (seed 000, migration signals)', () => {
    const step = handoff({ data: { kinds: ['relational', 'vectors'] } })[5]
    for (const metric of [
      'engineers on one service',
      'monthly active users',
      'longest job duration',
      'vector query p95 latency',
    ]) {
      expect(step).toContain(metric)
    }
  })

  it('sets the review 90 days out without a date, since the engine has no clock', () => {
    const step = handoff().at(-1)!
    expect(step).toMatch(/90 days from the day you start/)
    expect(step).not.toMatch(/\d{4}-\d{2}/)
  })

  it('still reads well before any area has decided', () => {
    const steps = handoff({}, makeDecisions())
    expect(steps[0]).toMatch(/^Create the repository, and deploy it on every merge/)
    expect(steps[2]).toMatch(/secrets: the sign-in, payment and email services this brief chooses\./)
    expect(steps[3]).toMatch(/the observability tool this brief chooses/)
  })
})

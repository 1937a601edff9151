import { describe, expect, it } from 'vitest'
import { generateBrief } from '#app/engine/generate.ts'
import { type AnswersPatch, buildAnswers } from '#tests/support/answers.ts'
import { testCatalog } from '#tests/support/catalog.ts'
import { auth } from './auth.ts'

/**
 * WorkOS is weighed for B2B products whose customers require single sign-on
 * (vendors.md §3: AuthKit free to 1M monthly users, SSO $125 a connection a
 * month; regions, BAA and DPA unconfirmed).
 */

const catalog = testCatalog()
const b2bSso: AnswersPatch = {
  product: { shape: 'b2b_saas', sellsTo: 'organizations' },
  compliance: { enterpriseSso: true, identity: 'organizations', markets: ['us'] },
  load: { activeUsersIn12Months: 15000 },
  budget: { monthlyInfraUsd: 1500 },
}
const decide = (patch: AnswersPatch) => auth.decide(buildAnswers(patch), catalog)
const merge = (extra: AnswersPatch): AnswersPatch => ({
  ...b2bSso,
  ...extra,
  compliance: { ...b2bSso.compliance, ...extra.compliance },
  data: { ...extra.data },
})

describe('WorkOS for enterprise single sign-on', () => {
  it('is chosen for a B2B product selling SSO to organizations, with its per-connection price in the reason', () => {
    const d = decide(b2bSso)
    expect(d.choice.id).toBe('workos')
    const text = d.because.map((b) => b.text).join(' ')
    expect(text).toMatch(/\$125/)
    expect(text).toMatch(/1,000,000|1 million/)
  })

  it('is weighed but not chosen when data must stay in the EU, since its regions are unconfirmed', () => {
    const d = decide(merge({ compliance: { dataResidency: ['eu'], markets: ['eu'] } }))
    expect(d.choice.id).not.toBe('workos')
    expect(d.alternatives.find((x) => x.id === 'workos')?.whyNot).toMatch(/EU/)
  })

  it('is weighed but not chosen under HIPAA, since no BAA is confirmed', () => {
    const d = decide(merge({ compliance: { regimes: ['hipaa'] } }))
    expect(d.choice.id).not.toBe('workos')
    expect(d.alternatives.find((x) => x.id === 'workos')?.whyNot).toMatch(/BAA/)
  })

  it('is an alternative with a reason when no customer asks for SSO', () => {
    const d = decide({ product: { shape: 'consumer' } })
    expect(d.choice.id).not.toBe('workos')
    expect(d.alternatives.find((x) => x.id === 'workos')?.whyNot).toMatch(/single sign-on/)
  })

  it('is a plan component with a cost line when chosen', () => {
    const b = generateBrief(buildAnswers(b2bSso), catalog)
    expect(b.plan?.components.find((c) => c.id === 'auth')?.vendor).toBe('WorkOS')
    const line = b.costs.lineItems.find((l) => l.component === 'auth')
    expect(line?.basis).toMatch(/\$125/)
  })
})

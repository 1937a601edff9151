import { describe, expect, it } from 'vitest'
import { type AnswersPatch, buildAnswers } from '#tests/support/answers.ts'
import { testCatalog } from '#tests/support/catalog.ts'
import type { Brief } from './brief.ts'
import { generateBrief } from './generate.ts'

/**
 * Residency binds every component that holds the product's data, not only the
 * database: the model API of an AI feature, the payment records RBI keeps in
 * India, and the backups. Each case is one a consultant struck out of a brief.
 */

const catalog = testCatalog()
const brief = (patch: AnswersPatch): Brief => generateBrief(buildAnswers(patch), catalog)
const prose = (b: Brief) =>
  [
    ...b.decisions.flatMap((d) => [d.choice.name, ...d.because.map((x) => x.text)]),
    ...b.risks.flatMap((r) => [r.text, r.mitigation]),
  ].join('\n')

describe('an EU health product with a language-model feature (GDPR Article 9, vendors.md §7 and §10)', () => {
  const euHealth = brief({
    product: { shape: 'ai_product' },
    data: { sensitive: ['health'] },
    compliance: { regimes: ['gdpr'], dataResidency: ['eu'], markets: ['eu'] },
  })
  const llm = euHealth.decisions.find((d) => d.area === 'llm')

  it('does not present a US model API as the choice: the decision names the region the data must stay in', () => {
    expect(llm?.status).not.toBe('not_applicable')
    expect(llm?.choice.name).toMatch(/EU/)
    expect(llm?.choice.name).not.toMatch(/^A hosted model through its API \(Claude Haiku 4\.5\)$/)
  })

  it('makes the unconfirmed EU deployment a high risk that blocks health text reaching the model', () => {
    const blocker = euHealth.risks.find((r) => r.id === 'model_outside_residency')
    expect(blocker?.severity).toBe('high')
    expect(blocker?.text).toMatch(/EU/)
    expect(blocker?.text).toMatch(/health/i)
    expect(blocker?.text).toMatch(/Article 9/)
  })

  it('ranks the blocker among the first-page risks', () => {
    expect(euHealth.executive?.risks.map((r) => r.id)).toContain('model_outside_residency')
  })

  it('raises no such risk when no residency binds the model', () => {
    const us = brief({ product: { shape: 'ai_product' }, compliance: { markets: ['us'] } })
    expect(us.risks.some((r) => r.id === 'model_outside_residency')).toBe(false)
  })
})

describe('an Indian fintech under RBI payment data localisation (vendors.md §9)', () => {
  const rbi = (dataResidency: ('india' | 'eu')[]) =>
    brief({
      product: { shape: 'b2b_saas', sellsTo: 'organizations' },
      compliance: { regimes: ['dpdp', 'rbi'], dataResidency, markets: ['india'], payments: 'usage_based' },
      budget: { monthlyInfraUsd: 1500, hosting: 'managed_paas' },
    })

  it('keeps the database, its backups and payments in India even when the residency answer is empty', () => {
    const b = rbi([])
    const db = b.plan?.components.find((c) => c.id === 'database')
    expect(db?.vendor).not.toBe('Neon')
    expect(db?.regions).toEqual(['india'])
    expect(b.plan?.components.find((c) => c.id === 'payments')?.regions).toEqual(['india'])
    expect(b.operations?.backups).toMatch(/keep the copies in India/)
  })

  it('names RBI localisation as a high risk with its mitigation, not only in the payments bullet', () => {
    for (const residency of [[], ['india']] as ('india' | 'eu')[][]) {
      const r = rbi(residency).risks.find((x) => x.id === 'rbi_localisation')
      expect(r?.severity).toBe('high')
      expect(r?.text).toMatch(/Reserve Bank of India/)
      expect(r?.mitigation).toMatch(/backups/)
      expect(r?.mitigation).toMatch(/24 hours/)
    }
  })

  it('does not run a host in India that has no region there', () => {
    const b = rbi([])
    for (const c of b.plan?.components ?? []) {
      if (c.vendor === 'Railway' || c.vendor === 'Neon') expect(c.regions).not.toContain('india')
    }
  })

  it('says nothing of RBI for a product with no payments', () => {
    const none = brief({ compliance: { regimes: ['rbi'], markets: ['india'], payments: 'none' } })
    expect(none.risks.some((r) => r.id === 'rbi_localisation')).toBe(false)
    expect(prose(none)).not.toMatch(/Reserve Bank/)
  })
})

describe('backups follow the residency answer', () => {
  it.each([
    [['eu'], 'the EU'],
    [['uk'], 'the UK'],
    [['india'], 'India'],
    [['canada'], 'Canada'],
  ] as const)('residency %j keeps the copies in %s', (dataResidency, where) => {
    const b = brief({ compliance: { dataResidency: [...dataResidency], markets: ['us'] } })
    expect(b.operations?.backups).toContain(`keep the copies in ${where}`)
    expect(b.operations?.backups).not.toMatch(/in the US/)
  })
})

describe('APAC users on a managed platform (vendors.md §2: Railway runs in SE Asia, Singapore)', () => {
  it('deploys in Singapore, where Railway and Neon both run, for users in APAC', () => {
    const b = brief({ compliance: { markets: ['apac'] }, budget: { hosting: 'managed_paas' } })
    expect(b.plan?.regions).toEqual(['singapore'])
    for (const id of ['app', 'database'])
      expect(b.plan?.components.find((c) => c.id === id)?.regions).toEqual(['singapore'])
    expect(b.decisions.find((d) => d.area === 'hosting')?.choice.vendor).toBe('railway')
  })

  it('keeps Railway for data that must stay in Singapore instead of moving to AWS', () => {
    const b = brief({
      compliance: { markets: ['apac'], dataResidency: ['singapore'] },
      budget: { hosting: 'managed_paas' },
    })
    expect(b.decisions.find((d) => d.area === 'hosting')?.choice.vendor).toBe('railway')
    expect(b.operations?.backups).toContain('keep the copies in Singapore')
  })
})

import { describe, expect, it } from 'vitest'
import { type AnswersPatch, buildAnswers, SAAS_INPUT } from '#tests/support/answers.ts'
import { decideChecked, ruleIds } from '#tests/support/area-rules.ts'
import { tenancy } from './tenancy.ts'

const saasAnswers = (patch?: AnswersPatch) => buildAnswers(patch, SAAS_INPUT)

describe('tenancy', () => {
  const rows: {
    fact: string
    patch: AnswersPatch
    choice: string
    because: { rule: string; inputs: string[] }[]
    mentions: string[]
  }[] = [
    {
      fact: 'selling to organizations puts an org id on every row and query from day one (seed 001, tenant boundaries early)',
      patch: { product: { sellsTo: 'organizations' }, compliance: { identity: 'organizations' } },
      choice: 'org_scoped',
      because: [
        { rule: 'tenancy.sells_to_organizations', inputs: ['product.sellsTo'] },
        { rule: 'tenancy.identity_has_organizations', inputs: ['compliance.identity'] },
      ],
      mentions: ['org id', 'every query and API call'],
    },
    {
      fact: 'selling to both counts as selling to organizations (seed 001, tenant boundaries early)',
      patch: { product: { sellsTo: 'both' }, compliance: { identity: 'multi_org_membership' } },
      choice: 'org_scoped',
      because: [
        { rule: 'tenancy.sells_to_organizations', inputs: ['product.sellsTo'] },
        { rule: 'tenancy.identity_has_organizations', inputs: ['compliance.identity'] },
      ],
      mentions: ['organizations as well as individuals', 'memberships in their own table'],
    },
    {
      fact: 'organizations with personal accounts still get an organizations table (seed 000, auth identity model)',
      patch: { product: { sellsTo: 'organizations' }, compliance: { identity: 'personal' } },
      choice: 'org_scoped',
      because: [
        { rule: 'tenancy.sells_to_organizations', inputs: ['product.sellsTo'] },
        { rule: 'tenancy.personal_accounts_in_org_product', inputs: ['compliance.identity'] },
      ],
      mentions: ['organizations table'],
    },
    {
      fact: 'individuals grouped into organizations are tenants too (seed 000, auth identity model)',
      patch: { product: { sellsTo: 'individuals' }, compliance: { identity: 'organizations_with_teams' } },
      choice: 'org_scoped',
      because: [
        { rule: 'tenancy.accounts_grouped_in_organizations', inputs: ['product.sellsTo', 'compliance.identity'] },
      ],
      mentions: ['You sell to individuals', 'teams'],
    },
    {
      fact: 'personal accounts sold to individuals are scoped by user (seed 000, auth identity model)',
      patch: { product: { sellsTo: 'individuals' }, compliance: { identity: 'personal' } },
      choice: 'user_scoped',
      because: [
        { rule: 'tenancy.personal_accounts', inputs: ['product.sellsTo', 'compliance.identity', 'product.shape'] },
      ],
      mentions: ['user id'],
    },
  ]

  for (const { fact, patch, choice, because, mentions } of rows)
    it(fact, () => {
      const decision = decideChecked(tenancy, saasAnswers(patch))
      expect(decision.choice.id).toBe(choice)
      expect(decision.status).toBe('adopt')
      expect(decision.because.map(({ rule, inputs }) => ({ rule, inputs }))).toEqual(because)
      const text = decision.because.map((b) => b.text).join(' ')
      for (const m of mentions) expect(text).toContain(m)
      expect(decision.alternatives[0].id).toBe(choice === 'org_scoped' ? 'user_scoped' : 'org_scoped')
      expect(decision.guide).toBe('tenants-and-apis')
    })

  it('org scoping turns down a database per customer', () => {
    const decision = decideChecked(tenancy, saasAnswers({ product: { sellsTo: 'organizations' } }))
    expect(decision.alternatives.map((a) => a.id)).toEqual(['user_scoped', 'database_per_tenant'])
    expect(ruleIds(decision)).toContain('tenancy.sells_to_organizations')
    expect(tenancy.triggers).toEqual([])
  })
})

it('an internal tool with personal accounts is not scoped per user: it has no tenants (issue 8)', () => {
  const decision = decideChecked(
    tenancy,
    saasAnswers({ product: { shape: 'internal_tool', sellsTo: 'individuals' }, compliance: { payments: 'none' } }),
  )
  expect(decision.choice.id).toBe('none')
  expect(decision.status).toBe('not_applicable')
  expect(decision.because[0].text).not.toMatch(/sell|paying|payment/i)
})

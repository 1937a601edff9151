import { describe, expect, it } from 'vitest'
import { type AnswersPatch, buildAnswers, SAAS_INPUT } from '#tests/support/answers.ts'
import { decideChecked, reason, ruleIds } from '#tests/support/area-rules.ts'
import { api } from './api.ts'

const saasAnswers = (patch?: AnswersPatch) => buildAnswers(patch, SAAS_INPUT)

describe('api', () => {
  const rows: { fact: string; patch: AnswersPatch; choice: string; rule: string; mentions: string[] }[] = [
    {
      fact: 'a mobile client needs a versioned API with additive changes (seed 001, APIs are contracts)',
      patch: { product: { clients: ['web', 'mobile'] } },
      choice: 'versioned_rest',
      rule: 'api.external_clients_need_versioning',
      mentions: ['your mobile app', '/v1', 'mobile builds stay installed'],
    },
    {
      fact: 'a public API is versioned (seed 001, version your public API)',
      patch: { product: { clients: ['public_api'] } },
      choice: 'versioned_rest',
      rule: 'api.external_clients_need_versioning',
      mentions: ['public API users', 'add fields'],
    },
    {
      fact: 'partner integrations are versioned (seed 001, partners thank you)',
      patch: { product: { clients: ['web', 'partner_integrations'] } },
      choice: 'versioned_rest',
      rule: 'api.external_clients_need_versioning',
      mentions: ['partner integrations'],
    },
    {
      fact: 'only the own web front end: internal endpoints that change with it (seed 002, focused endpoints)',
      patch: { product: { clients: ['web'] } },
      choice: 'internal_endpoints',
      rule: 'api.web_only_internal_endpoints',
      mentions: ['Only your own web app'],
    },
  ]

  for (const { fact, patch, choice, rule, mentions } of rows)
    it(fact, () => {
      const decision = decideChecked(api, saasAnswers(patch))
      expect(decision.choice.id).toBe(choice)
      expect(decision.status).toBe('adopt')
      expect(ruleIds(decision)).toEqual([rule, 'api.paginate_every_list'])
      expect(reason(decision, rule).inputs).toEqual(['product.clients'])
      for (const m of mentions) expect(reason(decision, rule).text).toContain(m)
      expect(decision.alternatives.map((a) => a.id)).toContain(
        choice === 'versioned_rest' ? 'internal_endpoints' : 'versioned_rest',
      )
      expect(decision.guide).toBe('tenants-and-apis')
    })

  it.each([
    { clients: ['web'] as const, users: 40_000 },
    { clients: ['mobile'] as const, users: 8_000 },
  ])('paginates every list either way, for $users users (seed 003, pagination everywhere)', ({ clients, users }) => {
    const decision = decideChecked(
      api,
      saasAnswers({
        product: { clients: [...clients] },
        load: { activeUsersAtLaunch: 10, activeUsersIn12Months: users },
      }),
    )
    const paginate = reason(decision, 'api.paginate_every_list')
    expect(paginate.inputs).toEqual(['load.activeUsersIn12Months'])
    expect(paginate.text).toContain(users.toLocaleString('en-US'))
    expect(api.triggers).toEqual([])
  })
})

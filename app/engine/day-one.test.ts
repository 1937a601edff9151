import { describe, expect, it } from 'vitest'
import { type AnswersPatch, buildAnswers, withReads } from '#tests/support/answers.ts'
import { makeDecision, makeDecisions } from '#tests/support/decisions.ts'
import { type Answers, IDENTITY_MODELS, PAYMENT_MODELS, PRODUCT_SHAPES } from './answers.ts'
import { type DayOneItem, DayOneItemSchema } from './brief.ts'
import {
  auditLog,
  CORE_ENTITIES,
  dataModel,
  idempotency,
  identityModel,
  observability,
  pagination,
  planDayOne,
  tenantId,
  versionedApi,
} from './day-one.ts'

function item(items: readonly DayOneItem[], id: string): DayOneItem {
  const found = items.find((i) => i.id === id)
  if (!found) throw new Error(`no day-one item ${id}; got ${items.map((i) => i.id).join(', ')}`)
  return found
}

const text = (i: DayOneItem) => i.actions.join('\n')
const ids = (patch: AnswersPatch) => planDayOne(buildAnswers(patch), makeDecisions()).map((i) => i.id)

describe('planDayOne: what is never deferred', () => {
  it.each([
    ['data_model', 'the data model is one of the four things to get right first (seed 000, day one)'],
    ['identity_model', 'the auth identity model is one of the four (seed 000, day one)'],
    ['idempotency', 'idempotency on critical mutations is one of the four (seed 000, day one)'],
    ['observability', 'observability from the first commit is one of the four (seed 000, day one; seed 001)'],
    ['pagination', 'pagination belongs on every list, always (seed 003, read scalability)'],
  ])('always plans %s: %s', (id) => {
    for (const shape of PRODUCT_SHAPES) expect(ids({ product: { shape } })).toContain(id)
  })

  it('leaves out what the answers do not call for: no tenant id, API versioning or audit log for a personal web app (seed 000, defer what is not needed)', () => {
    expect(ids({})).toEqual(['data_model', 'identity_model', 'idempotency', 'observability', 'pagination'])
  })

  it('keeps a fixed order when every item applies', () => {
    expect(
      ids({
        product: { sellsTo: 'organizations', clients: ['web', 'mobile'] },
        data: { auditTrail: true },
      }),
    ).toEqual([
      'data_model',
      'identity_model',
      'tenant_id',
      'idempotency',
      'observability',
      'audit_log',
      'versioned_api',
      'pagination',
    ])
  })
})

describe('data_model', () => {
  const actions = text(dataModel(buildAnswers()))
  it.each([
    [/foreign key/, 'get the foreign keys right up front (seed 000, data model)'],
    [/deleted_at/, 'soft delete is a deleted_at timestamp (seed 000, data model)'],
    [/hard delete/, 'soft or hard delete is decided per entity (seed 000, data model)'],
    [/entity by entity/, 'the delete choice is made for each entity (seed 000, data model)'],
    [/backward-compatible/, 'migrations stay backward-compatible (seed 000, data model)'],
    [/transaction/, 'migrations run in transactions (seed 000, data model)'],
    [/lock a busy table/, 'migrations must not lock tables (seed 000, data model)'],
  ])('says %s: %s', (pattern) => {
    expect(actions).toMatch(pattern)
  })

  it.each(PRODUCT_SHAPES)('names the core entities of a %s', (shape) => {
    const actions = text(dataModel(buildAnswers({ product: { shape } })))
    for (const entity of CORE_ENTITIES[shape]) expect(actions).toContain(entity)
  })
})

describe('idempotency: keys on critical mutations (seed 000, idempotency)', () => {
  it.each<[string, AnswersPatch, RegExp[]]>([
    ['one-time payments', { compliance: { payments: 'one_time' } }, [/POST \/checkout/, /refund/, /webhook/]],
    ['subscriptions', { compliance: { payments: 'subscriptions' } }, [/subscription/, /invoice/, /refund/]],
    ['usage-based billing', { compliance: { payments: 'usage_based' } }, [/metered usage/]],
    [
      'marketplace payouts',
      { product: { shape: 'marketplace' }, compliance: { payments: 'marketplace_payouts' } },
      [/POST \/orders/, /payout to a seller/, /charging a buyer/],
    ],
    ['orders in a shop without payments yet', { product: { shape: 'ecommerce' } }, [/POST \/orders/]],
    ['orders in a marketplace', { product: { shape: 'marketplace' } }, [/POST \/orders/]],
  ])(
    'names the mutations concretely for %s: payment mutations and order creation must be safe to retry',
    (_, patch, patterns) => {
      const actions = text(idempotency(buildAnswers(patch)))
      expect(actions).toMatch(/Idempotency-Key header/)
      for (const p of patterns) expect(actions).toMatch(p)
    },
  )

  it('checks the key against a table of recent operations before the write (seed 000, idempotency)', () => {
    const actions = text(idempotency(buildAnswers({ compliance: { payments: 'subscriptions' } })))
    expect(actions).toMatch(/idempotency_keys table/)
    expect(actions).toMatch(/same transaction as the write/)
  })

  it('is still planned without payments or orders, naming the retried creates (seed 000: the four are not deferrable)', () => {
    const it = idempotency(buildAnswers({ product: { shape: 'consumer' } }))
    expect(text(it)).toMatch(/sign-up, invitations/)
    expect(text(it)).not.toMatch(/webhook/)
    expect(it.because[0].text).toMatch(/Nothing here moves money/)
  })

  it.each(PAYMENT_MODELS.filter((p) => p !== 'none'))(
    'with payments (%s) the reason names the payments',
    (payments) => {
      expect(idempotency(buildAnswers({ compliance: { payments } })).because[0].text).toMatch(/payments/)
    },
  )
})

describe('observability: structured logs, RED metrics, traces and one error-rate alert (seed 000, 001, 004)', () => {
  it.each([
    [/structured JSON/, 'structured logs'],
    [/RED metrics/, 'rate, errors and duration'],
    [/OpenTelemetry/, 'traces'],
    [/one alert now: the error rate/, 'one alert when the error rate jumps (seed 001)'],
  ])('says %s: %s', (pattern) => {
    expect(text(observability(makeDecision('observability', 'grafana_stack')))).toMatch(pattern)
  })

  it.each([
    ['grafana_stack', /Grafana Cloud \(logs in Loki, metrics in Prometheus, traces in Tempo\)/],
    ['datadog', /Datadog/],
    ['honeycomb', /Honeycomb/],
  ])('names the tool of the observability decision: %s', (choice, pattern) => {
    const decisions = makeDecisions({ observability: choice })
    const planned = item(planDayOne(buildAnswers(), decisions), 'observability')
    expect(text(planned)).toMatch(pattern)
  })

  it('falls back to the decision name for a tool it has no details for', () => {
    const d = makeDecision('observability', { choice: 'new_tool', name: 'New Tool' })
    expect(text(observability(d))).toContain('Send all of it to New Tool.')
  })

  it('reads the observability decision, so its inputs are the answers behind that decision', () => {
    const d = makeDecision('observability', {
      choice: 'datadog',
      inputs: ['budget.monthlyInfraUsd', 'team.opsExperience'],
    })
    expect(observability(d).because[0].inputs).toEqual(['team.opsExperience', 'budget.monthlyInfraUsd'])
  })
})

describe('identity_model: personal, organizations, teams, several organizations (seed 000, auth identity model)', () => {
  it.each<[Answers['compliance']['identity'], RegExp[]]>([
    ['personal', [/Create users/, /user_id foreign key/]],
    ['organizations', [/memberships \(user_id, organization_id, role\)/, /unique index on memberships.user_id/]],
    ['organizations_with_teams', [/teams \(id, organization_id, name\)/, /team_memberships/]],
    ['multi_org_membership', [/unique index on the pair/, /active organization/]],
  ])('%s: names the tables and relations to create', (identity, patterns) => {
    const actions = text(identityModel(buildAnswers({ compliance: { identity } })))
    for (const p of patterns) expect(actions).toMatch(p)
  })

  it('adds SSO connections per organization when customers require enterprise SSO', () => {
    const withSso = identityModel(buildAnswers({ compliance: { identity: 'organizations', enterpriseSso: true } }))
    expect(text(withSso)).toMatch(/sso_connections/)
    const personal = identityModel(buildAnswers({ compliance: { identity: 'personal', enterpriseSso: true } }))
    expect(text(personal)).not.toMatch(/sso_connections/)
  })
})

describe('tenant_id: tenant id in the data model when selling to organizations (seed 001, tenant boundaries)', () => {
  it.each<[string, AnswersPatch, boolean]>([
    ['sells to organizations', { product: { sellsTo: 'organizations' } }, true],
    ['sells to both', { product: { sellsTo: 'both' } }, true],
    ['individuals in organizations', { compliance: { identity: 'organizations' } }, true],
    ['individuals in teams', { compliance: { identity: 'organizations_with_teams' } }, true],
    ['individuals in several organizations', { compliance: { identity: 'multi_org_membership' } }, true],
    ['individuals with personal accounts', { compliance: { identity: 'personal' } }, false],
  ])('%s → %s', (_, patch, expected) => {
    expect(ids(patch).includes('tenant_id')).toBe(expected)
  })

  it('scopes every query and takes the tenant from the session, never the request body', () => {
    const actions = text(tenantId(buildAnswers({ product: { sellsTo: 'organizations' } }))!)
    expect(actions).toMatch(/organization_id/)
    expect(actions).toMatch(/row-level security/)
    expect(actions).toMatch(/never from a request body/)
    expect(actions).toMatch(/billing/)
  })
})

describe('versioned_api: version public APIs, add fields, never change meaning (seed 001, APIs are contracts)', () => {
  it.each<[Answers['product']['clients'], boolean]>([
    [['web'], false],
    [['web', 'mobile'], true],
    [['public_api'], true],
    [['web', 'partner_integrations'], true],
  ])('clients %j → %s', (clients, expected) => {
    expect(ids({ product: { clients } }).includes('versioned_api')).toBe(expected)
  })

  it('versions from the first release and evolves by adding fields', () => {
    const actions = text(versionedApi(buildAnswers({ product: { clients: ['web', 'mobile', 'public_api'] } }))!)
    expect(actions).toMatch(/first release as v1/)
    expect(actions).toMatch(/never rename a field or change its type or meaning/)
    expect(actions).toMatch(/mobile apps and public API users/)
    expect(actions).toMatch(/old mobile builds/)
  })
})

describe('pagination and audit_log', () => {
  it('pages with a cursor on every list, not OFFSET (seed 003: pagination everywhere)', () => {
    const actions = text(pagination())
    expect(actions).toMatch(/cursor \(keyset\)/)
    expect(actions).toMatch(/avoid OFFSET/)
  })

  it('keeps an append-only audit log with immutable event payloads when an audit trail is required (seed 004, event payloads as contracts)', () => {
    expect(auditLog(buildAnswers({ data: { auditTrail: false } }))).toBeUndefined()
    const actions = text(auditLog(buildAnswers({ data: { auditTrail: true } }))!)
    expect(actions).toMatch(/append-only/)
    expect(actions).toMatch(/never update or delete/)
    expect(actions).toMatch(/published contract/)
  })
})

describe('every item explains itself', () => {
  const everything: AnswersPatch = {
    product: { shape: 'marketplace', sellsTo: 'both', clients: ['web', 'mobile', 'partner_integrations'] },
    data: { auditTrail: true },
    compliance: { identity: 'multi_org_membership', enterpriseSso: true, payments: 'marketplace_payouts' },
  }
  const builders: [string, (a: Answers) => DayOneItem | undefined][] = [
    ['data_model', dataModel],
    ['identity_model', identityModel],
    ['tenant_id', tenantId],
    ['idempotency', idempotency],
    ['audit_log', auditLog],
    ['versioned_api', versionedApi],
    ['pagination', () => pagination()],
  ]

  it.each(builders)('%s names exactly the answer paths it read', (_, build) => {
    for (const patch of [everything, {}, { product: { sellsTo: 'organizations' as const } }]) {
      const { result, reads } = withReads(buildAnswers(patch), build)
      if (result === undefined) continue
      expect(result.because.flatMap((b) => b.inputs)).toEqual(reads)
    }
  })

  it.each(IDENTITY_MODELS)('matches the Brief contract and links a guide (identity %s)', (identity) => {
    const items = planDayOne(
      buildAnswers({ ...everything, compliance: { ...everything.compliance, identity } }),
      makeDecisions(),
    )
    for (const i of items) {
      DayOneItemSchema.parse(i)
      expect(['day-one', 'observability', 'tenants-and-apis']).toContain(i.guide)
      for (const b of i.because) expect(b.rule).toBe(`day_one.${i.id}`)
    }
  })
})

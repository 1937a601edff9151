import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { type AnswersInput, AnswersSchema } from '#app/engine/answers.ts'
import { AREAS, BANDS, type Brief, BriefSchema } from '#app/engine/brief.ts'
import { CHOICE_IDS } from '#app/engine/choice-ids.ts'
import { generateBrief } from '#app/engine/generate.ts'
import { overrideSentence } from '#app/engine/overrides.ts'
import { pictureOf } from '#app/engine/picture.ts'
import { parseWithProblems } from '#app/lib/problems.ts'
import { BASE_INPUT } from '#tests/support/answers.ts'
import { PROPERTY_RUNS } from '#tests/support/arbitraries.ts'
import { answersV2Arb } from '#tests/support/arbitrary-answers.ts'
import { testCatalog } from '#tests/support/catalog.ts'

const catalog = testCatalog()

function briefFor(input: unknown): Brief {
  return generateBrief(AnswersSchema.parse(input), catalog)
}

const overrideArb = fc.constantFrom(...AREAS).chain((area) =>
  fc.record({
    area: fc.constant(area),
    choice: fc.constantFrom(...CHOICE_IDS[area]),
    reason: fc.string({ minLength: 1, maxLength: 200 }).filter((s) => s.trim().length > 0),
    by: fc.constantFrom('Ana Ruiz', 'The board', "O'Brien <b>"),
  }),
)

describe('overrides over random valid answers', () => {
  it('the brief honours the override, still parses, and removing it returns the recommendation byte for byte', () => {
    fc.assert(
      fc.property(answersV2Arb, overrideArb, (input, override) => {
        const plain = JSON.stringify(briefFor(input))
        const withOverride = briefFor({ ...input, overrides: [override] })
        expect(BriefSchema.safeParse(withOverride).error?.issues ?? []).toEqual([])
        const decision = withOverride.decisions.find((d) => d.area === override.area)
        expect(decision?.choice.id).toBe(override.choice)
        expect(decision?.override?.by).toBe(override.by.trim())
        expect(decision?.override?.recommendedBecause.length).toBeGreaterThan(0)
        const recommended = JSON.parse(plain) as Brief
        expect(decision?.override?.recommended.id).toBe(
          recommended.decisions.find((d) => d.area === override.area)?.choice.id,
        )
        expect(JSON.stringify(briefFor(input))).toBe(plain)
        expect(JSON.stringify(briefFor({ ...input, overrides: [] }))).toBe(plain)
      }),
      PROPERTY_RUNS,
    )
  }, 60_000)
})

/** The plan component an overriding choice puts in place, for the choices that buy or run one of their own. */
const COMPONENT_OF_CHOICE: Record<string, string> = {
  extract_services: 'first_service',
  dedicated_vector_db: 'vector_db',
  mongodb: 'document_db',
  object_storage: 'object_storage',
  postgres_jobs_table: 'worker',
  queue: 'worker',
  clerk: 'auth',
  better_auth: 'auth',
  stytch: 'auth',
  auth0: 'auth',
  stripe: 'payments',
  razorpay: 'payments',
  postmark: 'email',
  resend: 'email',
  amazon_ses: 'email',
  grafana_stack: 'observability',
  grafana_self_hosted: 'observability',
  datadog: 'observability',
  honeycomb: 'observability',
  websocket_service: 'realtime',
  ingestion_endpoint: 'ingestion',
  hosted_llm_api: 'llm',
}

describe('the plan follows a random override over random answers', () => {
  it('prices and draws every component, the overriding choice among them, and takes no step the person set aside', () => {
    fc.assert(
      fc.property(answersV2Arb, overrideArb, (input, override) => {
        const brief = briefFor({ ...input, overrides: [override] })
        const ids = brief.plan.components.map((c) => c.id)
        const priced = brief.costs.lineItems.map((l) => l.component)
        expect(priced.filter((id) => !ids.includes(id))).toEqual([])
        expect(ids.filter((id) => !priced.includes(id))).toEqual([])
        const picture = pictureOf(brief)
        const drawn = [...picture.regions.flatMap((r) => [...r.deploy, ...r.data]), ...picture.services]
        expect([...new Set(drawn.map((n) => n.component))].sort()).toEqual([...ids].sort())

        const decision = brief.decisions.find((d) => d.area === override.area)
        const own = COMPONENT_OF_CHOICE[override.choice]
        if (own && decision?.status !== 'defer') {
          const component = brief.plan.components.find((c) => c.id === own)
          expect(component?.area, `${override.area}: ${override.choice} is in the plan`).toBeDefined()
          const line = brief.costs.lineItems.find((l) => l.component === own)
          for (const band of BANDS) expect(line?.bands[band]).toHaveLength(12)
          // A service of its own on the host costs from month 1; a vendor billed by use may cost nothing at no use.
          if (['first_service', 'vector_db', 'document_db'].includes(own))
            expect(line?.bands.scaled[11] ?? 0, `${own} priced`).toBeGreaterThan(0)
        }

        // A fired trigger's step is in the plan, or the person's choice set it aside and a risk says so.
        for (const t of brief.triggers.filter((x) => x.firesInMonth !== null)) {
          const d = brief.decisions.find((x) => x.area === t.area)
          const taken = d?.stepsDue.some((s) => s.trigger === t.id) ?? false
          const setAside = brief.risks.some((r) => r.id === `override_sets_aside_${t.id}`)
          expect(taken !== setAside, `${t.id}: step taken ${taken}, set aside ${setAside}`).toBe(true)
          if (setAside) expect(brief.plan.components.filter((c) => c.addedBy === t.id)).toEqual([])
        }

        // Time-series data lives in the primary database, so the database follows the time-series choice.
        const database = brief.plan.components.find((c) => c.id === 'database')
        if (override.area === 'timeseries_store' && database?.catalogId !== 'small_vps') {
          expect(database?.catalogId === 'timescale_cloud', `database on ${database?.catalogId}`).toBe(
            override.choice === 'timescale',
          )
        }
        if (override.area === 'deploy_regions' && override.choice === 'single_region') {
          expect(brief.plan.regions).toHaveLength(1)
        }

        const style = brief.decisions.find((d) => d.area === 'architecture_style')
        if (override.area === 'architecture_style' && override.choice === 'modular_monolith') {
          expect(style?.choice.id).toBe('modular_monolith')
          expect(ids).not.toContain('first_service')
          expect(style?.stepsDue).toEqual([])
          expect(brief.deferred.map((d) => d.id)).not.toContain('first_service')
        }
        if (override.area === 'architecture_style' && override.choice === 'extract_services') {
          expect(brief.deferred.map((d) => d.id)).not.toContain('split_services')
          expect(brief.plan.components.find((c) => c.id === 'first_service')?.fromMonth).toBe(1)
        }
      }),
      PROPERTY_RUNS,
    )
  }, 60_000)
})

const base = (patch: Partial<AnswersInput> & object = {}) => ({ ...BASE_INPUT, ...patch }) as AnswersInput

describe('an override in one brief', () => {
  it('moves the plan and costs to the overridden vendor and keeps the recommendation under it', () => {
    const before = briefFor(base())
    const recommended = before.decisions.find((d) => d.area === 'auth')
    const choice = recommended?.choice.id === 'auth0' ? 'stytch' : 'auth0'
    const after = briefFor(
      base({ overrides: [{ area: 'auth', choice, reason: 'The team already pays for it.', by: 'Ana Ruiz' }] }),
    )
    const auth = after.decisions.find((d) => d.area === 'auth')
    expect(auth?.choice.id).toBe(choice)
    expect(auth?.override?.recommended).toEqual({ id: recommended?.choice.id, name: recommended?.choice.name })
    expect(auth?.override?.recommendedBecause).toEqual(recommended?.because)
    expect(auth?.alternatives[0]?.id).toBe(recommended?.choice.id)
    expect(overrideSentence(auth ?? ({} as never))).toBe(
      `Decided by Ana Ruiz: ${auth?.choice.name}, against the recommendation of ${recommended?.choice.name} because The team already pays for it.`,
    )
    expect(after.plan.components.find((c) => c.id === 'auth')?.catalogId).toBe(choice)
    expect(after.costs.lineItems.filter((l) => l.area === 'auth').map((l) => l.component)).toEqual(['auth'])
    expect(after.costs.lineItems.find((l) => l.area === 'auth')?.name).not.toBe(
      before.costs.lineItems.find((l) => l.area === 'auth')?.name,
    )
  })

  it('prices a dedicated vector database and MongoDB on the host when a person chooses them over Postgres', () => {
    const data = { kinds: ['relational', 'documents', 'vectors'], vectorCount: 2_000_000 }
    const plain = briefFor(base({ data } as never))
    const brief = briefFor(
      base({
        data,
        overrides: [
          { area: 'vector_store', choice: 'dedicated_vector_db', reason: 'The search team runs Qdrant.', by: 'Ana' },
          { area: 'document_store', choice: 'mongodb', reason: 'The catalogue is already in MongoDB.', by: 'Ana' },
        ],
      } as never),
    )
    for (const [id, area] of [
      ['vector_db', 'vector_store'],
      ['document_db', 'document_store'],
    ] as const) {
      const component = brief.plan.components.find((c) => c.id === id)
      expect(component).toMatchObject({ area, placement: 'data', fromMonth: 1 })
      const line = brief.costs.lineItems.find((l) => l.component === id)
      expect(line?.bands.lean[0] ?? 0).toBeGreaterThan(0)
      expect(pictureOf(brief).regions[0].data.map((n) => n.component)).toContain(id)
    }
    // The embeddings leave Postgres, so the vector store is sized by them, and the total moves.
    expect(brief.costs.bands.moderate.total12Months).not.toBe(plain.costs.bands.moderate.total12Months)
    expect(brief.deferred.map((d) => d.id)).not.toContain('dedicated_vector_db')
  })

  it('keeps one deployable when a person chooses it over a due extraction, and says what that sets aside', () => {
    const team = { ...BASE_INPUT.team, engineers: 12, engineersIn12Months: 40 }
    const plain = briefFor(base({ team } as never))
    expect(plain.decisions.find((d) => d.area === 'architecture_style')?.choice.id).toBe('extract_services')
    expect(plain.plan.components.map((c) => c.id)).toContain('first_service')
    const brief = briefFor(
      base({
        team,
        overrides: [{ area: 'architecture_style', choice: 'modular_monolith', reason: 'One pipeline.', by: 'Ana' }],
      } as never),
    )
    const style = brief.decisions.find((d) => d.area === 'architecture_style')
    expect(style?.choice.id).toBe('modular_monolith')
    expect(style?.override?.recommended.id).toBe('extract_services')
    expect(style?.stepsDue).toEqual([])
    expect(brief.plan.components.map((c) => c.id)).not.toContain('first_service')
    expect(brief.costs.lineItems.map((l) => l.component)).not.toContain('first_service')
    expect(pictureOf(brief).regions.flatMap((r) => r.deploy.map((n) => n.component))).not.toContain('first_service')
    const risk = brief.risks.find((r) => r.id === 'override_sets_aside_team_outgrows_one_service')
    expect(risk?.text).toMatch(/^Ana chose Modular monolith for .+ month \d+ \(more engineers on one service/)
  })

  it('honours an override that breaks residency and says so as a high risk, never switching back', () => {
    const input = base({
      compliance: { dataResidency: ['india'], markets: ['india'] },
      overrides: [{ area: 'auth', choice: 'clerk', reason: 'Already integrated.', by: 'Ana' }],
    })
    const brief = briefFor(input)
    expect(brief.decisions.find((d) => d.area === 'auth')?.choice.id).toBe('clerk')
    const risk = brief.risks.find((r) => r.id === 'override_breaks_residency_auth')
    expect(risk?.severity).toBe('high')
    expect(risk?.text).toContain('India')
    expect(risk?.text).toContain('Ana')
  })

  it('honours an override that breaks the BAA constraint and says so as a high risk', () => {
    const brief = briefFor(
      base({
        compliance: { regimes: ['hipaa'], markets: ['us'] },
        overrides: [{ area: 'email', choice: 'resend', reason: 'We like the API.', by: 'Ana' }],
      }),
    )
    expect(brief.decisions.find((d) => d.area === 'email')?.choice.id).toBe('resend')
    const risk = brief.risks.find((r) => r.id === 'override_breaks_baa_email')
    expect(risk?.severity).toBe('high')
    expect(risk?.text).toContain('Business Associate Agreement')
  })
})

describe('overrides as input', () => {
  it('names overrides[i].choice and the allowed ids when a choice is outside the area vocabulary', () => {
    const parsed = parseWithProblems(
      AnswersSchema,
      base({
        overrides: [
          { area: 'auth', choice: 'clerk', reason: 'ok', by: 'Ana' },
          { area: 'payments', choice: 'paypal', reason: 'ok', by: 'Ana' },
        ],
      }),
    )
    expect(parsed.success).toBe(false)
    if (parsed.success) return
    expect(parsed.problems).toEqual([
      expect.objectContaining({
        path: 'overrides[1].choice',
        message: 'expected one of none, stripe, razorpay, got "paypal"',
      }),
    ])
  })

  it('takes one override per area, and a reason of 1 to 1,000 characters', () => {
    const twice = parseWithProblems(
      AnswersSchema,
      base({
        overrides: [
          { area: 'auth', choice: 'clerk', reason: 'ok', by: 'Ana' },
          { area: 'auth', choice: 'auth0', reason: 'x'.repeat(1001), by: 'Ana' },
        ],
      }),
    )
    expect(twice.success).toBe(false)
    if (twice.success) return
    expect(twice.problems.map((p) => p.path).sort()).toEqual(['overrides[1].area', 'overrides[1].reason'])
  })
})

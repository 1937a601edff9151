import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { type AnswersInput, AnswersSchema } from '~/engine/answers'
import { AREAS, type Brief, BriefSchema } from '~/engine/brief'
import { CHOICE_IDS } from '~/engine/choice-ids'
import { generateBrief } from '~/engine/generate'
import { overrideSentence } from '~/engine/overrides'
import { parseWithProblems } from '~/lib/problems'
import { BASE_INPUT } from '../support/answers'
import { PROPERTY_RUNS } from '../support/arbitraries'
import { answersV2Arb } from '../support/arbitrary-answers'
import { testCatalog } from '../support/catalog'

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
  })
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

import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import * as ANSWER_VOCABULARY from '#app/engine/answers.ts'
import { ANSWER_PATHS, type Answers, AnswersSchema } from '#app/engine/answers.ts'
import { AREAS, BANDS, type Brief, METRIC_IDS } from '#app/engine/brief.ts'
import { componentOf, type LimitKind, limitOf, vendorFactsOf } from '#app/engine/catalog.ts'
import { baaFit, constraintsOf, residencyFit } from '#app/engine/constraints.ts'
import { generateBrief } from '#app/engine/generate.ts'
import { pictureOf } from '#app/engine/picture.ts'
import { SERVICES } from '#app/engine/plan/components.ts'
import { SPEND_OVER_BUDGET } from '#app/engine/rules/hosting.ts'
import { TRIGGER_DEFS } from '#app/engine/triggers.ts'
import { renderMarkdown } from '#app/export/markdown.ts'
import { answersV2Arb } from '#tests/support/arbitrary-answers.ts'
import { testCatalog } from '#tests/support/catalog.ts'

/**
 * The plan's invariants (DESIGN.md, "The plan") over random valid version 2
 * answers. Seeded, so a failure names a counterexample that reproduces; each
 * defect these found has its own example test beside the code it fixed.
 */

const catalog = testCatalog()
const RUNS = {
  numRuns: Number(process.env.PLAN_RUNS ?? 150),
  seed: Number(process.env.PLAN_SEED ?? 20_261_203),
} as const

function caseOf(input: unknown): { answers: Answers; brief: Brief } {
  const answers = AnswersSchema.parse(input)
  return { answers, brief: generateBrief(answers, catalog) }
}

const property = (check: (c: { answers: Answers; brief: Brief }) => void) =>
  fc.assert(
    fc.property(answersV2Arb, (input) => check(caseOf(input))),
    RUNS,
  )

/** The catalog component a decision's choice buys, when it buys one. */
function boughtFrom(choice: { id: string; vendor?: string }): string | undefined {
  const id = choice.vendor ?? choice.id
  const service = SERVICES[id]
  if (service) return service.catalogId ?? undefined
  return catalog.components.some((c) => c.id === id) ? id : undefined
}

/** The product's name as a sentence names it: "Anthropic API, Claude Haiku 4.5" is Anthropic's API. */
const shortName = (product: string) => product.split(/[ ,]/)[0]

/** Every client-facing sentence of a brief, with where it sits. */
function prose(brief: Brief): [string, string][] {
  const out: [string, string][] = [['summary', brief.summary]]
  const becauses = (where: string, list: readonly { text: string }[]) => {
    for (const [i, b] of list.entries()) out.push([`${where}.because[${i}]`, b.text])
  }
  for (const d of brief.decisions) {
    out.push([`${d.area}.title`, d.title], [`${d.area}.choice`, d.choice.name])
    becauses(d.area, d.because)
    for (const alt of d.alternatives) out.push([`${d.area}.alt`, alt.name], [`${d.area}.alt.whyNot`, alt.whyNot])
    for (const s of d.stepsDue) out.push([`${d.area}.step`, s.step])
  }
  for (const t of brief.triggers) out.push([`trigger ${t.id}.title`, t.title], [`trigger ${t.id}.action`, t.action])
  for (const item of brief.dayOne) {
    out.push(
      [`dayOne ${item.id}.title`, item.title],
      ...item.actions.map((a): [string, string] => [`dayOne ${item.id}`, a]),
    )
    becauses(`dayOne ${item.id}`, item.because)
  }
  for (const item of brief.deferred) {
    out.push([`deferred ${item.id}`, item.what])
    becauses(`deferred ${item.id}`, item.because)
  }
  for (const r of brief.risks) {
    out.push([`risk ${r.id}`, r.text], [`risk ${r.id}.mitigation`, r.mitigation])
    becauses(`risk ${r.id}`, r.because)
  }
  for (const item of brief.costs.lineItems)
    out.push([`cost ${item.id}.name`, item.name], [`cost ${item.id}`, item.basis])
  for (const b of BANDS) out.push([`bandMeaning.${b}`, brief.costs.bandMeaning[b]])
  out.push(['usage curve', brief.costs.usage.curve])
  for (const a of brief.costs.assumptions) out.push(['assumption', a])
  for (const f of brief.costs.transactionFees) out.push([`fee ${f.provider}`, f.text])
  for (const c of brief.plan.components)
    out.push(
      [`component ${c.id}`, c.product],
      [`component ${c.id}.tier`, c.tier],
      ...BANDS.map((b): [string, string] => [`component ${c.id}.${b}`, c.size[b].text]),
    )
  for (const o of brief.databaseRationale.options) {
    out.push([`db option ${o.id}`, o.verdict], ...o.scores.map((s): [string, string] => [`db option ${o.id}`, s.text]))
  }
  becauses('databaseRationale', brief.databaseRationale.because)
  for (const h of brief.handoff) out.push(['handoff', h])
  return out
}

const ANSWER_ENUMS = Object.entries(ANSWER_VOCABULARY)
  .filter(([name, v]) => /^[A-Z_0-9]+$/.test(name) && Array.isArray(v))
  .map(([, v]) => v as readonly string[])

const SCREAMING_CASE = /\b[A-Z][A-Z0-9]*_[A-Z0-9_]+\b/
const RULE_ID = /\b([a-z][a-z0-9]*(?:_[a-z0-9]+)*)\.[a-z0-9]+_[a-z0-9_]+\b/g
const SNAKE_WORD = /\b[a-z][a-z0-9]*_[a-z0-9_]+\b/g
/** Rule ids start with the area or the section that holds the rule. */
const RULE_PREFIXES = new Set<string>([
  ...AREAS,
  'risks',
  'day_one',
  'deferred',
  'brief',
  'costs',
  'plan',
  'constraints',
])

/** Names engineers type, which the brief may print as they are: Postgres extensions, settings, columns. */
const CODE_NAMES = new Set([
  'pg_cron',
  'pg_trgm',
  'run_at',
  'ef_search',
  'created_at',
  'deleted_at',
  'user_id',
  'tenant_id',
])
const PAYMENT_TALK = /\bpaying (?:users|customers)\b|\bpayments?\b|\bcheckout\b|\btransaction fees?\b|\bcard data\b/i

/**
 * Ids the engine uses inside: answer choices, areas, metrics, catalog
 * components. Day-one actions may name table columns (created_at) for the
 * engineers, but never one of these as if it were a word.
 */
const INTERNAL_IDS = new Set(
  [
    ...Object.values(ANSWER_ENUMS).flat(),
    ...AREAS,
    ...METRIC_IDS,
    ...catalog.components.map((c) => c.id),
    ...TRIGGER_DEFS.map((t) => t.id),
  ].filter((id) => id.includes('_')),
)

describe('the plan over random valid answers', () => {
  it('Inv 1: every vendor a decision adopts is a component; every component is priced in every band and drawn once', () => {
    property(({ answers, brief }) => {
      const ids = brief.plan.components.map((c) => c.id)
      const bought = new Set(brief.plan.components.map((c) => c.catalogId))
      const missing = brief.decisions
        .filter((d) => (d.status === 'adopt' || d.status === 'trial') && d.choice.id !== 'none')
        .map((d) => [d.area, boughtFrom(d.choice)] as const)
        .filter(([, id]) => id !== undefined && !bought.has(id))
      expect(missing).toEqual([])

      const priced = brief.costs.lineItems.map((l) => l.component)
      expect(priced.filter((id) => !ids.includes(id))).toEqual([])
      expect(ids.filter((id) => !priced.includes(id))).toEqual([])
      for (const l of brief.costs.lineItems) for (const b of BANDS) expect(l.bands[b]).toHaveLength(12)

      // A size that stands behind a load balancer has one in the plan, priced in that band.
      const balancer = brief.plan.components.find((c) => c.id === 'load_balancer')
      for (const b of BANDS) {
        const behind = brief.plan.components.filter((c) => / behind (a|\d+) load balancers?/.test(c.size[b].text))
        if (behind.length > 0) expect(balancer?.size[b].instances ?? 0, `${behind[0].id} in ${b}`).toBeGreaterThan(0)
      }

      const picture = pictureOf(brief)
      const drawn = [...picture.regions.flatMap((r) => [...r.deploy, ...r.data]), ...picture.services]
      expect([...new Set(drawn.map((n) => n.component))].sort()).toEqual([...ids].sort())
      const mermaid = renderMarkdown(brief, answers).match(/```mermaid\nflowchart([\s\S]*?)```/)?.[1] ?? ''
      const boxes = new Set([...mermaid.matchAll(/^\s+c_([a-z0-9_]+)[[(]/gm)].map((m) => m[1]))
      expect([...boxes].sort()).toEqual(drawn.map((n) => n.key).sort())
    })
  }, 60_000)

  it('Inv 2a: every region of the plan is priced and drawn', () => {
    property(({ brief }) => {
      const { regions, components } = brief.plan
      expect(pictureOf(brief).regions.map((r) => r.region)).toEqual(regions)
      const app = components.find((c) => c.id === 'app')
      expect(app?.regions).toEqual(regions)
      for (const b of BANDS) expect(app?.size[b].instances ?? 0).toBeGreaterThanOrEqual(regions.length)
      const appLine = brief.costs.lineItems.find((l) => l.component === 'app')
      expect(appLine?.bands.moderate[11] ?? 0).toBeGreaterThan(0)
    })
  })

  it('Inv 2b: every vendor holding user data keeps it where the residency answer allows, or the brief says plainly that it is not confirmed', () => {
    property(({ answers, brief }) => {
      // "Your own listed region" names no place a vendor's facts could confirm; the risk asks for it in writing.
      const residency = answers.compliance.dataResidency.filter((r) => r !== 'other')
      if (residency.length === 0) return
      const risk = brief.risks.find((r) => r.id === 'data_residency')?.text ?? ''
      const regionsDecision =
        brief.decisions
          .find((d) => d.area === 'deploy_regions')
          ?.because.map((b) => b.text)
          .join(' ') ?? ''
      const denial = risk.split('. ').find((sentence) => /not confirm/.test(sentence)) ?? ''
      const unsaid = brief.plan.components
        .filter((c) => c.catalogId !== null && vendorFactsOf(catalog, c.catalogId) !== undefined)
        .filter((c) => c.holds.some((h) => h !== 'none'))
        .filter((c) => residencyFit(catalog, c.catalogId as string, residency) !== 'fits')
        // Servers the team rents itself go where the deploy regions decision puts them.
        .filter((c) => c.catalogId !== 'small_vps' || !/must stay in/.test(regionsDecision))
        .filter((c) => {
          const d = brief.decisions.find((x) => x.area === c.area)
          const said = d?.because.some((b) => /residency/.test(b.rule) && b.text.includes(shortName(c.product)))
          return !said && !denial.includes(c.vendor)
        })
      expect(unsaid.map((c) => `${c.id}: ${c.vendor} in ${c.regions.join(',')}`)).toEqual([])
    })
  })

  it('Inv 3: with health data, every component holding it signs a BAA, and every other vendor that sees user data is told to keep it out', () => {
    property(({ answers, brief }) => {
      if (!constraintsOf(answers).baaRequired) return
      // The server provider the team picks is theirs to choose, and the hosting decision says it must sign.
      const hosting = brief.decisions.find((d) => d.area === 'hosting')
      for (const c of brief.plan.components.filter((x) => x.holds.includes('health'))) {
        if (c.catalogId === 'small_vps') {
          expect(hosting?.because.some((b) => /Business Associate Agreement|\bBAA\b/.test(b.text))).toBe(true)
          continue
        }
        if (c.catalogId === null) continue
        expect(['fits', 'not_applicable'], `${c.id} holds health data`).toContain(baaFit(catalog, c.catalogId))
        if (vendorFactsOf(catalog, c.catalogId)?.dpa !== 'not_applicable') expect(c.agreements).toContain('baa')
      }
      const unsaid = brief.plan.components
        .filter((c) => c.catalogId !== null && c.placement === 'service' && !c.holds.includes('health'))
        .filter((c) => c.holds.some((h) => h !== 'none'))
        .filter((c) => !['fits', 'not_applicable'].includes(baaFit(catalog, c.catalogId as string)))
        .filter((c) => {
          const d = brief.decisions.find((x) => x.area === c.area)
          return !d?.because.some((b) => /Business Associate Agreement|\bBAA\b/.test(b.text))
        })
      expect(unsaid.map((c) => `${c.id}: ${c.vendor}`)).toEqual([])
    })
  })

  it('Inv 4: a trigger that fires within the year has its step in the plan, and nothing waits on it', () => {
    property(({ brief }) => {
      const fired = brief.triggers.filter((t) => t.status === 'fired' || t.firesInMonth !== null)
      for (const t of fired) {
        expect(t.firesInMonth, `${t.id} fired without a month`).not.toBeNull()
        const d = brief.decisions.find((x) => x.area === t.area)
        expect(d?.stepsDue, `${t.id}: its decision lists the step`).toContainEqual({
          trigger: t.id,
          month: t.firesInMonth,
          step: t.action,
        })
        for (const c of brief.plan.components.filter((x) => x.addedBy === t.id)) {
          expect(c.fromMonth).toBe(t.firesInMonth)
          const item = brief.costs.lineItems.find((l) => l.component === c.id)
          expect(item?.bands.scaled[11] ?? 0, `${c.id} is priced once it joins`).toBeGreaterThan(0)
        }
      }
      const firedIds = new Set(fired.map((t) => t.id))
      expect(brief.deferred.filter((d) => firedIds.has(d.until)).map((d) => d.id)).toEqual([])
    })
  })

  it('Inv 5: the spend trigger fires in the first month the lean band costs more than the budget', () => {
    property(({ answers, brief }) => {
      const spend = brief.triggers.find((t) => t.id === SPEND_OVER_BUDGET.id)
      expect(spend).toBeDefined()
      const budgetCents = answers.budget.monthlyInfraUsd * 100
      const first = brief.costs.bands.lean.monthly.findIndex((c) => c > budgetCents)
      expect(spend?.firesInMonth ?? null).toBe(first >= 0 ? first + 1 : null)
      expect(spend?.status === 'fired').toBe(first >= 0)
    })
  })

  it('Inv 6: no component is sized beyond what its vendor sells', () => {
    const limitFor: Record<string, LimitKind> = { vCPU: 'vcpu_per_instance', CU: 'cu_per_node' }
    property(({ brief }) => {
      const over = brief.plan.components.flatMap((c) => {
        if (c.catalogId === null || !catalog.components.some((x) => x.id === c.catalogId)) return []
        const component = componentOf(catalog, c.catalogId)
        return BANDS.flatMap((b) => {
          const kind = limitFor[c.size[b].unit]
          const max = kind
            ? Math.max(
                ...component.limits.filter((l) => l.kind === kind).map((l) => l.max),
                limitOf(component, kind)?.max ?? 0,
              )
            : 0
          return kind && max > 0 && c.size[b].each > max ? [`${c.id} ${b}: ${c.size[b].text}`] : []
        })
      })
      expect(over).toEqual([])
    })
  })

  it('Inv 7: no internal identifiers in prose, and no talk of payments when nobody pays', () => {
    property(({ answers, brief }) => {
      // The client's own words are theirs to write as they like: a hit found in them is not ours.
      const named = [answers.product.name, answers.product.summary ?? '']
      const ours = (hit: string | undefined) =>
        hit !== undefined && !named.some((n) => n.includes(hit)) ? hit : undefined
      const rules = new Set(
        [...brief.decisions, ...brief.dayOne, ...brief.deferred, ...brief.risks].flatMap((x) =>
          x.because.map((b) => b.rule),
        ),
      )
      const leaks = prose(brief).flatMap(([where, t]) => {
        const code = where.startsWith('dayOne') && !where.includes('because')
        const snake = [...t.matchAll(SNAKE_WORD)]
          .map((m) => m[0])
          .find((w) => ours(w) && (INTERNAL_IDS.has(w) || (!code && !CODE_NAMES.has(w))))
        const path = ANSWER_PATHS.find((p) => ours(p) && t.includes(p))
        const rule = [...t.matchAll(RULE_ID)].find((m) => ours(m[0]) && (RULE_PREFIXES.has(m[1]) || rules.has(m[0])))
        const hit = ours(t.match(SCREAMING_CASE)?.[0]) ?? rule?.[0] ?? path ?? snake
        return hit ? [`${where}: ${hit} in "${t}"`] : []
      })
      expect(leaks).toEqual([])
      if (answers.compliance.payments === 'none') {
        // The payments decision may say that nobody pays, and a PCI DSS answer is worth a word on card numbers.
        const own = (where: string) => where.startsWith('payments.') || where.startsWith('risk pci_scope')
        const talk = prose(brief).filter(([where, t]) => !own(where) && ours(t.match(PAYMENT_TALK)?.[0]))
        expect(talk.map(([where, t]) => `${where}: ${t}`)).toEqual([])
      }
    })
  })

  it('is deterministic: generating twice gives the same bytes', () => {
    property(({ answers, brief }) => {
      expect(JSON.stringify(generateBrief(AnswersSchema.parse(structuredClone(answers)), catalog))).toBe(
        JSON.stringify(brief),
      )
    })
  })
})

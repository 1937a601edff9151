import { priceThePlan } from '#app/engine/costs/index.ts'
import { agreeWithPlan } from '#app/engine/plan/agree.ts'
import { applySteps, firesInMonth } from '#app/engine/plan/steps.ts'
import { SPEND_OVER_BUDGET } from '#app/engine/rules/hosting.ts'
import { RULES } from '#app/engine/rules/index.ts'
import type { Answers } from './answers.ts'
import { type Brief, type BriefDecision, type Costs, type Risk, SEVERITIES, type Trigger } from './brief.ts'
import type { Catalog } from './catalog.ts'
import { withRegulatedResidency } from './constraints.ts'
import { rateDatabases } from './database-rationale.ts'
import { planDayOne } from './day-one.ts'
import { listDeferred } from './deferred.ts'
import { writeExecutive } from './executive.ts'
import { writeHandoff } from './handoff.ts'
import { planInvalidations } from './invalidations.ts'
import { assumeOperations } from './operations.ts'
import { applyOverrides, overrideRisks, setAsideStepRisks } from './overrides.ts'
import { publishPlan, startPlan } from './plan.ts'
import { assessRisks } from './risks.ts'
import { summarize } from './summary.ts'
import { APPROACHING_RATIO, evaluateTriggers } from './triggers.ts'
import { ENGINE_VERSION } from './version.ts'

/**
 * The engine: parsed answers and a catalog in, a brief out. Synchronous and
 * pure; the same inputs give the same brief, byte for byte, when serialised.
 *
 * answers → decisions → plan → usage curve (triggers find their month; a
 * fired trigger's step joins the plan) → costs → every later section, all
 * read from the plan.
 */
export function generateBrief(given: Answers, catalog: Catalog): Brief {
  // Regulation that pins data to a country binds like the residency answer (RBI: India).
  const answers = withRegulatedResidency(given)
  const ruled = applyOverrides(
    answers,
    catalog,
    RULES.map((rules) => rules.decide(answers, catalog)),
  )
  const plan = startPlan(answers, ruled, catalog)
  const standing = listDeferred(answers, ruled)
  const triggerIds = new Set([...ruled.flatMap((d) => d.revisitWhen), ...standing.map((d) => d.until)])
  const judged = evaluateTriggers(triggerIds, answers).map((t) =>
    t.id === SPEND_OVER_BUDGET.id ? t : { ...t, firesInMonth: firesInMonth(t, answers, plan.usage) },
  )
  const steps = applySteps(answers, ruled, judged, plan.usage, plan.planned, catalog)
  plan.planned.push(...steps.added)
  const published = publishPlan(plan)
  const costs = priceThePlan(plan, steps.decisions)
  const triggers = judged.map((t) => (t.id === SPEND_OVER_BUDGET.id ? judgeSpend(t, costs) : t))
  const decisions = withSpendStep(agreeWithPlan(steps.decisions, plan), triggers)
  const deferred = standing.filter((d) => triggers.find((t) => t.id === d.until)?.firesInMonth == null)
  const dayOne = planDayOne(answers, decisions)
  const risks = bySeverity([
    ...overrideRisks(answers, catalog, decisions, published),
    ...setAsideStepRisks(decisions, steps.setAside),
    ...assessRisks(answers, decisions, costs, published),
    ...planInvalidations(answers, costs, triggers),
  ])
  const databaseRationale = rateDatabases(answers, decisions)
  return {
    schemaVersion: 2,
    engineVersion: ENGINE_VERSION,
    catalogVersion: catalog.version,
    title: answers.product.name,
    summary: summarize(answers, decisions, costs, risks, triggers),
    decisions,
    databaseRationale,
    plan: published,
    dayOne,
    deferred,
    risks,
    costs,
    triggers,
    handoff: writeHandoff(answers, decisions, dayOne, deferred),
    operations: assumeOperations(answers, decisions, published),
    executive: writeExecutive(answers, { decisions, databaseRationale, costs, risks, triggers, dayOne }),
  }
}

/** Highest severity first; the order within a severity is kept. */
function bySeverity(risks: readonly Risk[]): Risk[] {
  return SEVERITIES.flatMap((s) => risks.filter((r) => r.severity === s))
}

/**
 * The spend trigger, judged against the projected bands: fired from the
 * first month even the lean band costs more than the budget, approaching
 * when only moderate does or lean comes within 80% of it.
 */
export function judgeSpend(t: Trigger, costs: Costs): Trigger {
  const budgetCents = t.threshold * 100
  const lean = costs.bands.lean.monthly
  const moderate = costs.bands.moderate.monthly
  const first = lean.findIndex((c) => c > budgetCents)
  const observed = Math.round(lean[lean.length - 1]) / 100
  if (first >= 0) return { ...t, status: 'fired', observed, firesInMonth: first + 1 }
  const near = moderate.some((c) => c > budgetCents) || lean.some((c) => c >= budgetCents * APPROACHING_RATIO)
  return { ...t, status: near ? 'approaching' : 'ok', observed, firesInMonth: null }
}

function withSpendStep(decisions: readonly BriefDecision[], triggers: readonly Trigger[]): BriefDecision[] {
  const spend = triggers.find((t) => t.id === SPEND_OVER_BUDGET.id && t.firesInMonth !== null)
  if (!spend || spend.firesInMonth === null) return [...decisions]
  const month = spend.firesInMonth
  return decisions.map((d) =>
    d.area === spend.area ? { ...d, stepsDue: [...d.stepsDue, { trigger: spend.id, month, step: spend.action }] } : d,
  )
}

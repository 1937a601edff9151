import { ANSWER_PATHS, type AnswerPath } from './answers.ts'
import type { Area, Decision, Plan } from './brief.ts'

/** Reading the decisions from the brief-level parts (day one, risks, handoff, summary). */

export function decisionFor(decisions: readonly Decision[], area: Area): Decision | undefined {
  return decisions.find((d) => d.area === area)
}

/** The chosen id for an area, `none` when the area is missing. */
export function choiceIdOf(decisions: readonly Decision[], area: Area): string {
  return decisionFor(decisions, area)?.choice.id ?? 'none'
}

/** The chosen name for an area, or undefined when the area does not apply. */
export function choiceNameOf(decisions: readonly Decision[], area: Area): string | undefined {
  const d = decisionFor(decisions, area)
  return d && d.choice.id !== 'none' ? d.choice.name : undefined
}

/** Areas whose choice is usually an outside company that will hold user data. */
const VENDOR_AREAS: readonly Area[] = [
  'hosting',
  'file_storage',
  'jobs',
  'auth',
  'payments',
  'email',
  'observability',
  'analytics',
]
/** Choices that run on the team's own machines, so there is no outside company to sign with. */
const RUN_BY_THE_TEAM = new Set(['none', 'self_hosted', 'better_auth', 'inline', 'postgres_jobs_table', 'oban'])

export interface Vendor {
  area: Area
  id: string
  name: string
}

export function vendorsOf(decisions: readonly Decision[]): Vendor[] {
  return VENDOR_AREAS.flatMap((area) => {
    const d = decisionFor(decisions, area)
    const id = d?.choice.vendor ?? d?.choice.id
    return d && id && !RUN_BY_THE_TEAM.has(id) ? [{ area, id, name: d.choice.name }] : []
  })
}

/** An outside company in the plan, with the areas of the components it runs. */
export interface PlanVendor {
  name: string
  areas: Area[]
  /** The plan components it runs, by id. */
  components: string[]
  /** The month it first holds data: 1, or the month a trigger's step brings it in. */
  fromMonth: number
}

/**
 * The outside companies that hold personal data in the plan, in plan order:
 * every component with a data processing agreement, grouped by company.
 */
export function planVendors(plan: Plan): PlanVendor[] {
  const out: PlanVendor[] = []
  for (const c of plan.components) {
    if (!c.agreements.includes('dpa')) continue
    const known = out.find((v) => v.name === c.vendor)
    if (!known) out.push({ name: c.vendor, areas: [c.area], components: [c.id], fromMonth: c.fromMonth })
    else {
      if (!known.areas.includes(c.area)) known.areas.push(c.area)
      known.components.push(c.id)
      known.fromMonth = Math.min(known.fromMonth, c.fromMonth)
    }
  }
  return out
}

/** Every answer path a decision's reasons read, in the order of the Answers schema. */
export function inputsOf(...decisions: (Decision | undefined)[]): AnswerPath[] {
  return pathsRead([], ...decisions)
}

/**
 * The `inputs` of a brief-level item: the answer paths it reads directly, plus
 * those behind every decision it consults (a decision is itself a reading of
 * answers), once each, in schema order.
 */
export function pathsRead(direct: readonly AnswerPath[], ...decisions: (Decision | undefined)[]): AnswerPath[] {
  const read = new Set<AnswerPath>(direct)
  for (const d of decisions) if (d) for (const b of d.because) for (const input of b.inputs) read.add(input)
  return ANSWER_PATHS.filter((p) => read.has(p))
}

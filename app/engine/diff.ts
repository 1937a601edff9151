import { z } from 'zod'
import { ANSWER_PATHS, type AnswerPath, type Answers, isEstimated, readAnswer } from './answers.ts'
import {
  AREAS,
  BANDS,
  BandTotalsSchema,
  BecauseSchema,
  type Brief,
  ChoiceSchema,
  COMPARATORS,
  DECISION_STATUSES,
  type Decision,
  METRIC_IDS,
  type Risk,
  SEVERITIES,
  TRIGGER_STATUSES,
  type Trigger,
} from './brief.ts'
import { formatNumber } from './prose.ts'
import { TRIGGER_DEFS } from './triggers.ts'

/**
 * What moved between two revisions of a brief: the answers that changed, the
 * decisions whose choice or status moved and the rules behind them, triggers
 * that fired or cleared, risks that came or went, and the cost bands month by
 * month. Pure and symmetric: diffing B against A gives the mirror of A against
 * B, and a revision diffed with itself is empty.
 */

/** One side of a comparison: a revision, or a brief alone when its answers are not at hand. */
export interface DiffSide {
  answers: Answers | null
  brief: Brief
}

/** An answer in words, e.g. `{ label: 'Monthly active users in 12 months', value: '8,000' }`. */
export type AnswerDescriber = (answers: Answers, path: AnswerPath) => { label: string; value: string }

export interface DiffOptions {
  /** How answers are put in words; pages and exports pass `describeAnswer` from the brief components. */
  describeAnswer?: AnswerDescriber
}

const change = <T extends z.ZodType>(value: T) => z.strictObject({ before: value, after: value }).nullable()

export const AnswerValueSchema = z.union([z.string(), z.number(), z.boolean(), z.array(z.string()), z.null()])
export type AnswerValue = z.infer<typeof AnswerValueSchema>

export const AnswerChangeSchema = z.strictObject({
  path: z.enum(ANSWER_PATHS),
  label: z.string(),
  before: AnswerValueSchema,
  after: AnswerValueSchema,
  beforeText: z.string(),
  afterText: z.string(),
  /** "Monthly active users in 12 months: 8,000 → 25,000" */
  text: z.string(),
})
export type AnswerChange = z.infer<typeof AnswerChangeSchema>

export const DECISION_CHANGES = ['choice', 'status'] as const

const DecisionSideSchema = z.strictObject({
  choice: ChoiceSchema,
  status: z.enum(DECISION_STATUSES),
  because: z.array(BecauseSchema),
})

export const DecisionChangeSchema = z.strictObject({
  area: z.enum(AREAS),
  title: z.string(),
  changed: z.array(z.enum(DECISION_CHANGES)),
  /** The decision before and after, each with the rules that decided it; null on the side that lacks the area. */
  before: DecisionSideSchema.nullable(),
  after: DecisionSideSchema.nullable(),
})
export type DecisionChange = z.infer<typeof DecisionChangeSchema>

/**
 * fired and cleared cross the line of `fired`; approaching and eased move
 * between ok and approaching; added and removed name triggers only one side
 * has (unless they fired there, which counts as fired or cleared).
 */
export const TRIGGER_CHANGES = ['fired', 'cleared', 'approaching', 'eased', 'added', 'removed'] as const
export type TriggerChangeKind = (typeof TRIGGER_CHANGES)[number]
const TRIGGER_CHANGE_MIRROR: Record<TriggerChangeKind, TriggerChangeKind> = {
  fired: 'cleared',
  cleared: 'fired',
  approaching: 'eased',
  eased: 'approaching',
  added: 'removed',
  removed: 'added',
}

const TriggerSideSchema = z.strictObject({
  status: z.enum(TRIGGER_STATUSES),
  observed: z.number().nullable(),
  comparator: z.enum(COMPARATORS),
  threshold: z.number(),
  unit: z.string(),
})

export const TriggerChangeSchema = z.strictObject({
  id: z.string(),
  area: z.enum(AREAS),
  title: z.string(),
  metric: z.enum(METRIC_IDS),
  change: z.enum(TRIGGER_CHANGES),
  before: TriggerSideSchema.nullable(),
  after: TriggerSideSchema.nullable(),
  action: z.string(),
  guide: z.string(),
})
export type TriggerChange = z.infer<typeof TriggerChangeSchema>

export const RISK_CHANGES = ['added', 'removed', 'severity'] as const
const RiskSideSchema = z.strictObject({ severity: z.enum(SEVERITIES), text: z.string(), mitigation: z.string() })

export const RiskChangeSchema = z.strictObject({
  id: z.string(),
  change: z.enum(RISK_CHANGES),
  before: RiskSideSchema.nullable(),
  after: RiskSideSchema.nullable(),
})
export type RiskChange = z.infer<typeof RiskChangeSchema>

const cents = z.number().int()

export const CostBandDeltaSchema = z.strictObject({
  band: z.enum(BANDS),
  before: BandTotalsSchema,
  after: BandTotalsSchema,
  /** after − before for each of the twelve months, integer cents. */
  monthly: z.array(cents).length(12),
  total12Months: cents,
})
export type CostBandDelta = z.infer<typeof CostBandDeltaSchema>

const RevisionLabelSchema = z.strictObject({ title: z.string(), engineVersion: z.string(), catalogVersion: z.string() })

export const BriefDiffSchema = z.strictObject({
  from: RevisionLabelSchema,
  to: RevisionLabelSchema,
  title: change(z.string()),
  versions: z.strictObject({
    engine: change(z.string()),
    catalog: change(z.string()),
    pricesAsOf: change(z.string()),
  }),
  /** False when either side came without its answers (a brief file alone): then `answers` is empty, not "unchanged". */
  answersCompared: z.boolean(),
  answers: z.array(AnswerChangeSchema),
  decisions: z.array(DecisionChangeSchema),
  triggers: z.array(TriggerChangeSchema),
  risks: z.array(RiskChangeSchema),
  costs: z.array(CostBandDeltaSchema),
})
export type BriefDiff = z.infer<typeof BriefDiffSchema>

/** Nothing moved: no version, title, answer, decision, trigger, risk or cost change. */
export function isEmpty(diff: BriefDiff): boolean {
  return (
    diff.title === null &&
    diff.versions.engine === null &&
    diff.versions.catalog === null &&
    diff.versions.pricesAsOf === null &&
    diff.answers.length === 0 &&
    diff.decisions.length === 0 &&
    diff.triggers.length === 0 &&
    diff.risks.length === 0 &&
    diff.costs.length === 0
  )
}

export function diffBriefs(from: DiffSide, to: DiffSide, options: DiffOptions = {}): BriefDiff {
  const describe = options.describeAnswer ?? plainAnswer
  const a = from.brief
  const b = to.brief
  return {
    from: label(a),
    to: label(b),
    title: changed(a.title, b.title),
    versions: {
      engine: changed(a.engineVersion, b.engineVersion),
      catalog: changed(a.catalogVersion, b.catalogVersion),
      pricesAsOf: changed(a.costs.pricesAsOf, b.costs.pricesAsOf),
    },
    answersCompared: from.answers !== null && to.answers !== null,
    answers: from.answers && to.answers ? diffAnswers(from.answers, to.answers, describe) : [],
    decisions: diffDecisions(a.decisions, b.decisions),
    triggers: diffTriggers(a.triggers, b.triggers),
    risks: diffRisks(a.risks, b.risks),
    costs: diffCosts(a, b),
  }
}

function label(brief: Brief) {
  return { title: brief.title, engineVersion: brief.engineVersion, catalogVersion: brief.catalogVersion }
}

function changed<T>(before: T, after: T): { before: T; after: T } | null {
  return before === after ? null : { before, after }
}

function answerValue(answers: Answers, path: AnswerPath): AnswerValue {
  const value = readAnswer(answers, path)
  if (value === undefined || value === null) return null
  if (Array.isArray(value)) return value.map(String)
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value
  return String(value)
}

function sameValue(x: AnswerValue, y: AnswerValue): boolean {
  if (Array.isArray(x) && Array.isArray(y)) return x.length === y.length && x.every((v, i) => v === y[i])
  return x === y
}

function diffAnswers(before: Answers, after: Answers, describe: AnswerDescriber): AnswerChange[] {
  const out: AnswerChange[] = []
  for (const path of ANSWER_PATHS) {
    // A figure neither side gave moves only with the figures it is estimated from, which are listed themselves.
    if (estimatedInBoth(before, after, path)) continue
    const x = answerValue(before, path)
    const y = answerValue(after, path)
    if (sameValue(x, y)) continue
    const was = describe(before, path)
    const now = describe(after, path)
    out.push({
      path,
      label: now.label,
      before: x,
      after: y,
      beforeText: was.value,
      afterText: now.value,
      text: `${now.label}: ${was.value} → ${now.value}`,
    })
  }
  return out
}

function estimatedInBoth(before: Answers, after: Answers, path: AnswerPath): boolean {
  if (path !== 'load.peakRequestsPerSecond' && path !== 'load.dataVolumeGbIn12Months') return false
  return isEstimated(before, path) && isEstimated(after, path)
}

/** Words without the page vocabulary: the path as the label, figures with thousands separators. */
export function plainAnswer(answers: Answers, path: AnswerPath): { label: string; value: string } {
  const value = answerValue(answers, path)
  const words =
    value === null
      ? 'not given'
      : Array.isArray(value)
        ? value.join(', ') || 'none'
        : typeof value === 'number'
          ? formatNumber(value)
          : typeof value === 'boolean'
            ? value
              ? 'yes'
              : 'no'
            : value
  return { label: path, value: words }
}

/** The first entry per key, so a malformed list with repeats cannot make the diff depend on which side is which. */
function byKey<T>(items: readonly T[], key: (item: T) => string): Map<string, T> {
  const map = new Map<string, T>()
  for (const item of items) if (!map.has(key(item))) map.set(key(item), item)
  return map
}

function decisionSide(d: Decision | undefined) {
  return d ? { choice: { ...d.choice }, status: d.status, because: d.because.map((x) => ({ ...x })) } : null
}

function diffDecisions(before: readonly Decision[], after: readonly Decision[]): DecisionChange[] {
  const was = byKey(before, (d) => d.area)
  const now = byKey(after, (d) => d.area)
  const out: DecisionChange[] = []
  for (const area of AREAS) {
    const x = was.get(area)
    const y = now.get(area)
    if (!x && !y) continue
    const kinds: DecisionChange['changed'] = []
    if (!x || !y || x.choice.id !== y.choice.id || x.choice.vendor !== y.choice.vendor) kinds.push('choice')
    if (!x || !y || x.status !== y.status) kinds.push('status')
    if (kinds.length === 0) continue
    out.push({
      area,
      title: (y ?? x)?.title ?? area,
      changed: kinds,
      before: decisionSide(x),
      after: decisionSide(y),
    })
  }
  return out
}

const TRIGGER_ORDER = new Map(TRIGGER_DEFS.map((t, i) => [t.id, i]))

function triggerRank(id: string): number {
  return TRIGGER_ORDER.get(id) ?? TRIGGER_DEFS.length
}

function compareIds(x: string, y: string): number {
  return x < y ? -1 : x > y ? 1 : 0
}

export function triggerChangeKind(
  before: Trigger['status'] | null,
  after: Trigger['status'] | null,
): TriggerChangeKind | null {
  if (before === after) return null
  if ((before === 'fired') !== (after === 'fired')) return after === 'fired' ? 'fired' : 'cleared'
  if (before === null) return 'added'
  if (after === null) return 'removed'
  return after === 'approaching' ? 'approaching' : 'eased'
}

/** The change seen from the other side: fired ↔ cleared, approaching ↔ eased, added ↔ removed. */
export function mirrorTriggerChange(kind: TriggerChangeKind): TriggerChangeKind {
  return TRIGGER_CHANGE_MIRROR[kind]
}

function triggerSide(t: Trigger | undefined) {
  return t
    ? { status: t.status, observed: t.observed, comparator: t.comparator, threshold: t.threshold, unit: t.unit }
    : null
}

function diffTriggers(before: readonly Trigger[], after: readonly Trigger[]): TriggerChange[] {
  const was = byKey(before, (t) => t.id)
  const now = byKey(after, (t) => t.id)
  const ids = [...new Set([...was.keys(), ...now.keys()])].sort(
    (x, y) => triggerRank(x) - triggerRank(y) || compareIds(x, y),
  )
  const out: TriggerChange[] = []
  for (const id of ids) {
    const x = was.get(id)
    const y = now.get(id)
    const kind = triggerChangeKind(x?.status ?? null, y?.status ?? null)
    const t = y ?? x
    if (!kind || !t) continue
    out.push({
      id,
      area: t.area,
      title: t.title,
      metric: t.metric,
      change: kind,
      before: triggerSide(x),
      after: triggerSide(y),
      action: t.action,
      guide: t.guide,
    })
  }
  return out
}

function riskSide(r: Risk | undefined) {
  return r ? { severity: r.severity, text: r.text, mitigation: r.mitigation } : null
}

function diffRisks(before: readonly Risk[], after: readonly Risk[]): RiskChange[] {
  const was = byKey(before, (r) => r.id)
  const now = byKey(after, (r) => r.id)
  const ids = [...new Set([...was.keys(), ...now.keys()])].sort(compareIds)
  const out: RiskChange[] = []
  for (const id of ids) {
    const x = was.get(id)
    const y = now.get(id)
    const kind = !x ? 'added' : !y ? 'removed' : x.severity !== y.severity ? 'severity' : null
    if (kind) out.push({ id, change: kind, before: riskSide(x), after: riskSide(y) })
  }
  return out
}

function diffCosts(from: Brief, to: Brief): CostBandDelta[] {
  const out: CostBandDelta[] = []
  for (const band of BANDS) {
    const x = from.costs.bands[band]
    const y = to.costs.bands[band]
    const monthly = y.monthly.map((cents, m) => cents - (x.monthly[m] ?? 0))
    const total12Months = y.total12Months - x.total12Months
    if (total12Months === 0 && monthly.every((d) => d === 0)) continue
    out.push({
      band,
      before: { monthly: [...x.monthly], total12Months: x.total12Months },
      after: { monthly: [...y.monthly], total12Months: y.total12Months },
      monthly,
      total12Months,
    })
  }
  return out
}

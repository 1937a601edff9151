import { z } from 'zod'
import { type AnswerPath, type Answers, type AnswersInput, DATA_KINDS, FIGURE_LIMITS, readAnswer } from './answers.ts'
import {
  AREAS,
  type Brief,
  COMPARATORS,
  type Condition,
  METRIC_IDS,
  METRICS,
  type Metric,
  TRIGGER_STATUSES,
  type Trigger,
} from './brief.ts'
import { formatNumber, plural } from './prose.ts'
import { holds, type Readings, readingsFromAnswers, triggerStatus } from './triggers.ts'

/**
 * Signals: figures a team measures after launch and checks in against a
 * brief. Each figure has one canonical unit (the unit of its engine metric)
 * and may be written in a convertible one; parsing turns every figure into the
 * canonical unit, so the rest of the engine only ever sees `ms`, `GB`, `%`.
 */

interface FigureSpec {
  metric: Metric
  /** Accepted units and how to reach the canonical one: multiply, then divide. The canonical unit is the first. */
  units: Readonly<Record<string, readonly [multiply: number, divide: number]>>
  /** Counts of things: users, engineers, jobs, vectors, regions. */
  whole?: boolean
  /** Highest value in the canonical unit: a percentage's 100, or the bound the questionnaire puts on the same figure. */
  max?: number
}

/** A day in milliseconds: the most a latency figure can be and still be a latency. */
const DAY_MS = 86_400_000

/** Every figure is bounded, as the questionnaire bounds the same figure, so a typo cannot become a chart of Infinity. */
export const SIGNAL_FIGURES = {
  activeUsers: { metric: 'active_users', units: { users: [1, 1] }, whole: true, max: FIGURE_LIMITS.activeUsers },
  peakRequestsPerSecond: {
    metric: 'peak_rps',
    units: { 'requests/s': [1, 1], 'requests/min': [1, 60] },
    max: FIGURE_LIMITS.peakRequestsPerSecond,
  },
  p95LatencyMs: { metric: 'p95_latency_ms', units: { ms: [1, 1], s: [1000, 1] }, max: DAY_MS },
  dbCpuPercent: { metric: 'db_cpu_percent', units: { '%': [1, 1], ratio: [100, 1] }, max: 100 },
  dbSizeGb: {
    metric: 'db_size_gb',
    units: { GB: [1, 1], MB: [1, 1000], TB: [1000, 1] },
    max: FIGURE_LIMITS.dataVolumeGb,
  },
  longestJobSeconds: {
    metric: 'longest_job_seconds',
    units: { s: [1, 1], ms: [1, 1000], min: [60, 1], h: [3600, 1] },
    max: FIGURE_LIMITS.longestTaskSeconds,
  },
  queueDepth: { metric: 'queue_depth', units: { jobs: [1, 1] }, whole: true, max: FIGURE_LIMITS.vectorCount },
  errorRatePercent: { metric: 'error_rate_percent', units: { '%': [1, 1], ratio: [100, 1] }, max: 100 },
  engineers: { metric: 'engineers', units: { engineers: [1, 1] }, whole: true, max: 10_000 },
  monthlyInfraUsd: {
    metric: 'monthly_infra_usd',
    units: { 'USD/month': [1, 1], USD: [1, 1], cents: [1, 100] },
    max: FIGURE_LIMITS.monthlyInfraUsd,
  },
  vectorCount: { metric: 'vector_count', units: { vectors: [1, 1] }, whole: true, max: FIGURE_LIMITS.vectorCount },
  vectorQueryP95Ms: { metric: 'vector_query_p95_ms', units: { ms: [1, 1], s: [1000, 1] }, max: DAY_MS },
  timeseriesEventsPerSecond: {
    metric: 'timeseries_events_per_second',
    units: { 'events/s': [1, 1], 'events/min': [1, 60] },
    max: FIGURE_LIMITS.timeseriesEventsPerSecond,
  },
  regionsRequired: { metric: 'regions_required', units: { regions: [1, 1] }, whole: true, max: 1_000 },
} as const satisfies Record<string, FigureSpec>

export type SignalField = keyof typeof SIGNAL_FIGURES
export const SIGNAL_FIELDS = Object.keys(SIGNAL_FIGURES) as SignalField[]

/** The canonical unit of a figure: the unit its engine metric is measured in. */
export function canonicalUnit(field: SignalField): string {
  return METRICS[SIGNAL_FIGURES[field].metric].unit
}

export function unitsOf(field: SignalField): string[] {
  return Object.keys(SIGNAL_FIGURES[field].units)
}

/** A figure as written: a bare number in the canonical unit, or a value with its unit. */
export type FigureInput = number | { value: number; unit: string }
export type SignalsInput = { measuredAt: string } & { [K in SignalField]?: FigureInput | null }
/** A parsed check-in: every figure present is in its canonical unit. */
export type Signals = { measuredAt: string } & { [K in SignalField]?: number }

type IssueSink = z.core.$RefinementCtx<unknown>

function figure(field: SignalField) {
  const spec: FigureSpec = SIGNAL_FIGURES[field]
  const units = Object.keys(spec.units)
  const canonical = units[0]
  return z
    .custom<FigureInput | null>()
    .transform((input: unknown, ctx): number | undefined => {
      if (input === null || input === undefined) return undefined
      let value: unknown = input
      let unit: string = canonical
      let at: PropertyKey[] = []
      if (typeof input === 'object' && !Array.isArray(input)) {
        const fields = input as Record<string, unknown>
        const extra = Object.keys(fields).filter((k) => k !== 'value' && k !== 'unit')
        if (extra.length > 0) ctx.addIssue({ code: 'unrecognized_keys', keys: extra, path: [], input: fields })
        value = fields.value
        at = ['value']
        if (typeof fields.unit !== 'string' || !units.includes(fields.unit)) {
          ctx.addIssue({ code: 'custom', path: ['unit'], message: oneOf(units), input: fields.unit })
          return z.NEVER
        }
        unit = fields.unit
        if (extra.length > 0) return z.NEVER
      } else if (typeof input !== 'number') {
        ctx.addIssue({
          code: 'custom',
          path: [],
          message: `a number in ${canonical}${units.length > 1 ? `, or { value, unit } with unit ${oneOf(units)}` : ''}`,
          input,
        })
        return z.NEVER
      }
      return convert(spec, unit, value, at, ctx)
    })
    .optional()
}

/** Limits read as people write them: 10,000,000,000 and 2,777.78, never 1e10. */
const LIMIT_FORMAT = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 })

function convert(spec: FigureSpec, unit: string, value: unknown, at: PropertyKey[], ctx: IssueSink) {
  const [multiply, divide] = spec.units[unit]
  const max = spec.max === undefined ? undefined : (spec.max * divide) / multiply
  const expected = `${spec.whole ? 'a whole number' : 'a number'} ${max === undefined ? 'of at least 0' : `from 0 to ${LIMIT_FORMAT.format(max)}`}${unit ? ` (${unit})` : ''}`
  const fine =
    typeof value === 'number' &&
    Number.isFinite(value) &&
    value >= 0 &&
    (max === undefined || value <= max) &&
    (!spec.whole || Number.isInteger(value))
  if (!fine) {
    ctx.addIssue({ code: 'custom', path: at, message: expected, input: value })
    return z.NEVER
  }
  if (multiply === 1 && divide === 1) return value
  // Twelve significant digits drop the binary noise of a conversion (0.07 × 100) without touching real precision.
  return Number(((value * multiply) / divide).toPrecision(12))
}

function oneOf(units: readonly string[]): string {
  return units.length === 1 ? units[0] : `one of ${units.join(', ')}`
}

/** A real calendar day, checked by arithmetic so the engine needs no clock or Date. */
function calendarDay(text: string): boolean {
  // The pattern check reports a malformed date; this one only judges well-formed ones.
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return true
  const [y, m, d] = text.split('-').map(Number)
  if (m < 1 || m > 12 || d < 1) return false
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]
  return d <= days
}

const figures = Object.fromEntries(SIGNAL_FIELDS.map((f) => [f, figure(f)])) as {
  [K in SignalField]: ReturnType<typeof figure>
}

export const SignalsSchema = z
  .strictObject({
    measuredAt: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD')
      .refine(calendarDay, 'a calendar date as YYYY-MM-DD')
      .describe('The day the figures were measured, YYYY-MM-DD.'),
    ...figures,
  })
  .transform((raw, ctx): Signals => {
    const out: Signals = { measuredAt: raw.measuredAt }
    for (const field of SIGNAL_FIELDS) {
      const value = raw[field]
      if (value !== undefined) out[field] = value
    }
    // An unknown field is most likely a misspelt figure: that problem alone says what to fix.
    if (Object.keys(out).length === 1 && ctx.issues.length === 0) {
      ctx.addIssue({
        code: 'custom',
        path: [],
        message: `at least one figure besides measuredAt (${SIGNAL_FIELDS.join(', ')})`,
        input: raw,
      })
      return z.NEVER
    }
    return out
  })

/** The check-in as engine readings, keyed by metric. */
export function signalReadings(signals: Signals): Readings {
  const readings: Readings = {}
  for (const field of SIGNAL_FIELDS) {
    const value = signals[field]
    if (value !== undefined) readings[SIGNAL_FIGURES[field].metric] = value
  }
  return readings
}

/** Which check-in figure feeds a metric. */
export const METRIC_SIGNAL_FIELDS = Object.fromEntries(
  SIGNAL_FIELDS.map((f) => [SIGNAL_FIGURES[f].metric, f]),
) as Record<Metric, SignalField>

export const NOT_MEASURED = 'not measured in this check-in'

const ConditionResultSchema = z.strictObject({
  metric: z.enum(METRIC_IDS),
  comparator: z.enum(COMPARATORS),
  threshold: z.number(),
  unit: z.string(),
  observed: z.number().nullable(),
  /** null when the check-in did not measure it. */
  holds: z.boolean().nullable(),
})

export const TriggerEvaluationSchema = z.strictObject({
  id: z.string(),
  area: z.enum(AREAS),
  title: z.string(),
  metric: z.enum(METRIC_IDS),
  comparator: z.enum(COMPARATORS),
  threshold: z.number(),
  unit: z.string(),
  alsoRequires: z.array(ConditionResultSchema),
  status: z.enum(TRIGGER_STATUSES),
  /** The status the brief gave it from the answers' 12-month figures. */
  briefStatus: z.enum(TRIGGER_STATUSES),
  /** check_in: judged on the measured figure; brief: the check-in lacks it, so the brief's status stands. */
  source: z.enum(['check_in', 'brief']),
  /** The measured figure in `unit`, or null when the check-in did not measure it. */
  observed: z.number().nullable(),
  measuredAt: z.string(),
  /** The answers' 12-month figure for the metric, for comparison; null when only measurement can give it. */
  forecast: z.number().nullable(),
  note: z.string().nullable(),
  action: z.string(),
  guide: z.string(),
  guidePath: z.string(),
})
export type TriggerEvaluation = z.infer<typeof TriggerEvaluationSchema>

/**
 * Every trigger of the brief judged against a check-in, in the brief's order.
 * Thresholds are the brief's own, so a revision is held to what it promised
 * even after the engine's rules move on. A trigger whose metric the check-in
 * lacks keeps the brief's status, with `observed: null` and a note.
 */
export function evaluateSignals(brief: Brief, answers: Answers | null, signals: Signals): TriggerEvaluation[] {
  const readings = signalReadings(signals)
  const forecasts = answers ? readingsFromAnswers(answers) : null
  return brief.triggers.map((t) => evaluateOne(t, readings, forecasts, signals.measuredAt))
}

function evaluateOne(
  t: Trigger,
  readings: Readings,
  forecasts: Readings | null,
  measuredAt: string,
): TriggerEvaluation {
  const main: Condition = { metric: t.metric, comparator: t.comparator, threshold: t.threshold, unit: t.unit }
  const observed = readings[t.metric]
  const alsoRequires = t.alsoRequires.map((c) => {
    const v = readings[c.metric]
    return { ...c, observed: v ?? null, holds: v === undefined ? null : holds(v, c.comparator, c.threshold) }
  })
  const measured = observed !== undefined
  const status = measured ? triggerStatus(main, t.alsoRequires, readings) : t.status
  let note: string | null = measured ? null : NOT_MEASURED
  if (measured && holds(observed, t.comparator, t.threshold)) {
    const missing = alsoRequires.filter((c) => c.holds === null)
    if (missing.length > 0) {
      note = `${missing.map((c) => `${METRICS[c.metric].label} ${c.comparator} ${figureText(c.threshold, c.unit)}`).join(' and ')} must also hold before this fires: ${NOT_MEASURED}`
    }
  }
  return {
    id: t.id,
    area: t.area,
    title: t.title,
    metric: t.metric,
    comparator: t.comparator,
    threshold: t.threshold,
    unit: t.unit,
    alsoRequires,
    status,
    briefStatus: t.status,
    source: measured ? 'check_in' : 'brief',
    observed: measured ? observed : null,
    measuredAt,
    forecast: forecasts ? (forecasts[t.metric] ?? t.observed) : t.observed,
    note,
    action: t.action,
    guide: t.guide,
    guidePath: `/guides/${t.guide}`,
  }
}

/** "70%", "500 ms", "$400/month", "16 engineers". */
export function figureText(value: number, unit: string): string {
  if (unit === '%') return `${formatNumber(value)}%`
  if (unit === 'USD/month') return `$${formatNumber(value)}/month`
  return `${formatNumber(value)} ${unit}`
}

export interface AnswersUpdate {
  path: AnswerPath
  before: number | string[]
  after: number | string[]
}

/** Answers prefilled from a check-in, to review before they become a new revision. */
export interface AnswersDraft {
  answers: AnswersInput
  updated: AnswersUpdate[]
  /** What was adjusted or left alone, and why, in words. */
  notes: string[]
}

type DraftFigurePath =
  | 'team.engineersIn12Months'
  | 'load.activeUsersIn12Months'
  | 'load.peakRequestsPerSecond'
  | 'load.dataVolumeGbIn12Months'
  | 'load.longestTaskSeconds'
  | 'data.vectorCount'
  | 'data.timeseriesEventsPerSecond'

const MEASURED_ONLY: readonly SignalField[] = [
  'p95LatencyMs',
  'dbCpuPercent',
  'queueDepth',
  'errorRatePercent',
  'vectorQueryP95Ms',
]

/**
 * "Update the answers from these figures": the answers with each 12-month
 * figure the check-in measured put in its place. Measured figures that no
 * answer holds (latency, CPU, error rate, queue depth) are only noted.
 */
export function signalsToAnswers(answers: Answers, signals: Signals): AnswersDraft {
  const draft = {
    version: 2 as const,
    product: { ...answers.product, clients: [...answers.product.clients] },
    team: { ...answers.team, languages: [...answers.team.languages] },
    load: { ...answers.load },
    data: { ...answers.data, kinds: [...answers.data.kinds], sensitive: [...answers.data.sensitive] },
    compliance: {
      ...answers.compliance,
      regimes: [...answers.compliance.regimes],
      dataResidency: [...answers.compliance.dataResidency],
      markets: [...answers.compliance.markets],
    },
    budget: { ...answers.budget },
  } satisfies AnswersInput
  const updated: AnswersUpdate[] = []
  const notes: string[] = []
  const set = (path: DraftFigurePath, value: number) => {
    const [section, key] = path.split('.') as ['team' | 'load' | 'data', string]
    const group = draft[section] as Record<string, unknown>
    // An estimated figure is not in the copied answers (it was never typed), but it is what the brief used.
    const before = (group[key] ?? readAnswer(answers, path)) as number
    if (before === value) return
    group[key] = value
    updated.push({ path, before, after: value })
  }
  const addKind = (kind: 'vectors' | 'timeseries', why: string) => {
    if (draft.data.kinds.includes(kind)) return
    const before = [...draft.data.kinds]
    draft.data.kinds = DATA_KINDS.filter((k) => k === kind || before.includes(k))
    updated.push({ path: 'data.kinds', before, after: [...draft.data.kinds] })
    notes.push(why)
  }

  if (signals.activeUsers !== undefined) {
    const launch = answers.load.activeUsersAtLaunch
    const value = Math.max(signals.activeUsers, launch)
    if (value !== signals.activeUsers) {
      notes.push(
        `The check-in counts ${formatNumber(signals.activeUsers)} monthly active users, fewer than the ${formatNumber(launch)} expected at launch; the 12-month figure stays at the launch figure.`,
      )
    } else if (value < answers.load.activeUsersIn12Months) {
      notes.push(
        `Monthly active users in 12 months goes down from ${formatNumber(answers.load.activeUsersIn12Months)} to the ${formatNumber(value)} measured; raise it again if you still expect that growth.`,
      )
    }
    set('load.activeUsersIn12Months', value)
  }
  if (signals.engineers !== undefined) {
    if (signals.engineers < 1) notes.push('A team needs at least one engineer: engineers in 12 months stays at 1.')
    set('team.engineersIn12Months', Math.max(1, signals.engineers))
  }
  if (signals.peakRequestsPerSecond !== undefined) set('load.peakRequestsPerSecond', signals.peakRequestsPerSecond)
  if (signals.dbSizeGb !== undefined) set('load.dataVolumeGbIn12Months', signals.dbSizeGb)
  if (signals.longestJobSeconds !== undefined) set('load.longestTaskSeconds', signals.longestJobSeconds)
  if (signals.vectorCount !== undefined) {
    set('data.vectorCount', signals.vectorCount)
    if (signals.vectorCount > 0) {
      addKind('vectors', 'The check-in counts stored embeddings, so vectors is added to the kinds of data.')
    }
  }
  if (signals.timeseriesEventsPerSecond !== undefined) {
    set('data.timeseriesEventsPerSecond', signals.timeseriesEventsPerSecond)
    if (signals.timeseriesEventsPerSecond > 0) {
      addKind('timeseries', 'The check-in measures time-series events, so time series is added to the kinds of data.')
    }
  }
  if (signals.regionsRequired !== undefined) {
    notes.push(
      `The check-in says data must stay in ${plural(signals.regionsRequired, 'region')}, but a count cannot say which: the data residency answer is left as it is for you to choose the regions.`,
    )
  }
  if (signals.monthlyInfraUsd !== undefined) {
    notes.push(
      `Monthly spend of ${figureText(signals.monthlyInfraUsd, 'USD/month')} is a measurement, not a budget: the budget answer is left as it is.`,
    )
  }
  const kept = MEASURED_ONLY.filter((f) => signals[f] !== undefined)
  if (kept.length > 0) {
    notes.push(
      `No answer holds ${kept.map((f) => lowerFirst(METRICS[SIGNAL_FIGURES[f].metric].label)).join(', ')}; those figures count only in the check-in.`,
    )
  }
  return { answers: draft, updated, notes }
}

/** "Database CPU" → "database CPU": a capital that starts an acronym stays. */
function lowerFirst(text: string): string {
  return text.replace(/^[A-Z](?![A-Z])/, (c) => c.toLowerCase())
}

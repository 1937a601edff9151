import { RULES } from '#app/engine/rules/index.ts'
import type { TriggerDef } from '#app/engine/rules/types.ts'
import type { AnswerPath, Answers } from './answers.ts'
import { type Comparator, type Condition, METRICS, type Metric, type Trigger } from './brief.ts'

/** A trigger counts as approaching once a reading is at 80% of its threshold. */
export const APPROACHING_RATIO = 0.8

export type Readings = Partial<Record<Metric, number>>

/** Which answer gives the 12-month figure of a metric. Latency, CPU, error rate and queue depth only measurement can give. */
export const METRIC_ANSWER_PATHS: Partial<Record<Metric, AnswerPath>> = {
  active_users: 'load.activeUsersIn12Months',
  peak_rps: 'load.peakRequestsPerSecond',
  db_size_gb: 'load.dataVolumeGbIn12Months',
  longest_job_seconds: 'load.longestTaskSeconds',
  engineers: 'team.engineersIn12Months',
  vector_count: 'data.vectorCount',
  timeseries_events_per_second: 'data.timeseriesEventsPerSecond',
  regions_required: 'compliance.dataResidency',
}

/** The readings the answers predict for month 12. */
export function readingsFromAnswers(a: Answers): Readings {
  return {
    active_users: a.load.activeUsersIn12Months,
    peak_rps: a.load.peakRequestsPerSecond,
    db_size_gb: a.load.dataVolumeGbIn12Months,
    longest_job_seconds: a.load.longestTaskSeconds,
    engineers: a.team.engineersIn12Months,
    vector_count: a.data.vectorCount,
    timeseries_events_per_second: a.data.timeseriesEventsPerSecond,
    regions_required: a.compliance.dataResidency.length,
  }
}

export const TRIGGER_DEFS: readonly TriggerDef[] = RULES.flatMap((r) => r.triggers)
const BY_ID = new Map(TRIGGER_DEFS.map((t) => [t.id, t]))

export function triggerDef(id: string): TriggerDef {
  const def = BY_ID.get(id)
  if (!def) throw new Error(`unknown trigger id "${id}"`)
  return def
}

export function holds(value: number, comparator: Comparator, threshold: number): boolean {
  switch (comparator) {
    case '>=':
      return value >= threshold
    case '>':
      return value > threshold
    case '<=':
      return value <= threshold
    case '<':
      return value < threshold
  }
}

/** Within 80% of the threshold, measured towards it from the safe side. */
export function nears(value: number, comparator: Comparator, threshold: number): boolean {
  return comparator === '>=' || comparator === '>'
    ? value >= threshold * APPROACHING_RATIO
    : value <= threshold / APPROACHING_RATIO
}

export type TriggerStatus = Trigger['status']

/**
 * ok, approaching or fired. A trigger with further conditions fires only when
 * every one of them is measured and holds; until then the best it can be is
 * approaching, because the answers cannot show database pressure or latency.
 */
export function triggerStatus(main: Condition, alsoRequires: readonly Condition[], readings: Readings): TriggerStatus {
  const value = readings[main.metric]
  if (value === undefined) return 'ok'
  if (holds(value, main.comparator, main.threshold)) {
    const allHold = alsoRequires.every((c) => {
      const v = readings[c.metric]
      return v !== undefined && holds(v, c.comparator, c.threshold)
    })
    return allHold ? 'fired' : 'approaching'
  }
  return nears(value, main.comparator, main.threshold) ? 'approaching' : 'ok'
}

export function evaluateTrigger(def: TriggerDef, answers: Answers, readings: Readings): Trigger {
  const threshold = typeof def.threshold === 'function' ? def.threshold(answers) : def.threshold
  const unit = METRICS[def.metric].unit
  const main: Condition = { metric: def.metric, comparator: def.comparator, threshold, unit }
  const alsoRequires = (def.alsoRequires ?? []).map((c) => ({ ...c, unit: METRICS[c.metric].unit }))
  const observed = readings[def.metric]
  return {
    id: def.id,
    area: def.area,
    title: def.title,
    metric: def.metric,
    comparator: def.comparator,
    threshold,
    unit,
    alsoRequires,
    action: def.action,
    status: triggerStatus(main, alsoRequires, readings),
    observed: observed ?? null,
    observedFrom: observed === undefined ? null : (METRIC_ANSWER_PATHS[def.metric] ?? null),
    firesInMonth: null,
    guide: def.guide,
  }
}

/** The triggers a brief refers to, in registry order, judged against the answers' 12-month figures. */
export function evaluateTriggers(ids: ReadonlySet<string>, answers: Answers): Trigger[] {
  const readings = readingsFromAnswers(answers)
  for (const id of ids) triggerDef(id)
  return TRIGGER_DEFS.filter((t) => ids.has(t.id)).map((t) => evaluateTrigger(t, answers, readings))
}

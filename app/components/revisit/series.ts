import type { Comparator, Metric } from '#app/engine/brief.ts'
import type { SignalField } from '#app/engine/signals.ts'

/** A measured figure over time, as the signals page charts it. */

export interface Threshold {
  /** The trigger that holds the figure to this line. */
  title: string
  comparator: Comparator
  value: number
}

export interface MetricSeries {
  field: SignalField
  metric: Metric
  /** The canonical unit of the figure. */
  unit: string
  /** [measuredAt, value], oldest first. */
  points: [string, number][]
  thresholds: Threshold[]
}

import type { Comparator, Metric } from '~/engine/brief'
import type { SignalField } from '~/engine/signals'

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

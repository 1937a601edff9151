import type { Metric } from '#app/engine/brief.ts'
import type { SignalField } from '#app/engine/signals.ts'

/**
 * The figures of a check-in in words, for the form, the table and the charts.
 * Only types come from the engine (its modules build zod schemas the browser
 * does not need); the Record type keeps this list complete as figures are added.
 */

export interface SignalFieldView {
  metric: Metric
  label: string
  /** The canonical unit the engine stores, exactly as the API accepts it. */
  unit: string
  /** The unit as a reader sees it beside an input or in a table heading. */
  unitText: string
  hint: string
  whole: boolean
}

export const SIGNAL_FIELD_VIEWS: Record<SignalField, SignalFieldView> = {
  activeUsers: {
    metric: 'active_users',
    label: 'Monthly active users',
    unit: 'users',
    unitText: 'users',
    hint: 'People who used the product in the last 30 days.',
    whole: true,
  },
  peakRequestsPerSecond: {
    metric: 'peak_rps',
    label: 'Peak requests per second',
    unit: 'requests/s',
    unitText: 'requests/s',
    hint: 'The busiest minute of the period, divided by 60.',
    whole: false,
  },
  p95LatencyMs: {
    metric: 'p95_latency_ms',
    label: 'p95 latency',
    unit: 'ms',
    unitText: 'ms',
    hint: 'Of the slowest important page or endpoint, after right-sizing.',
    whole: false,
  },
  dbCpuPercent: {
    metric: 'db_cpu_percent',
    label: 'Database CPU, sustained',
    unit: '%',
    unitText: '%',
    hint: 'Typical CPU over busy hours, not a short spike. 0 to 100.',
    whole: false,
  },
  dbSizeGb: {
    metric: 'db_size_gb',
    label: 'Database size',
    unit: 'GB',
    unitText: 'GB',
    hint: 'Data and indexes on disk.',
    whole: false,
  },
  longestJobSeconds: {
    metric: 'longest_job_seconds',
    label: 'Longest background job',
    unit: 's',
    unitText: 'seconds',
    hint: 'The longest single unit of work a request or event starts.',
    whole: false,
  },
  queueDepth: {
    metric: 'queue_depth',
    label: 'Jobs waiting',
    unit: 'jobs',
    unitText: 'jobs',
    hint: 'The backlog at its worst in the period.',
    whole: true,
  },
  errorRatePercent: {
    metric: 'error_rate_percent',
    label: 'Error rate',
    unit: '%',
    unitText: '%',
    hint: 'Share of requests that failed. 0 to 100.',
    whole: false,
  },
  engineers: {
    metric: 'engineers',
    label: 'Engineers',
    unit: 'engineers',
    unitText: 'engineers',
    hint: 'People who ship code to this product today.',
    whole: true,
  },
  monthlyInfraUsd: {
    metric: 'monthly_infra_usd',
    label: 'Monthly infrastructure spend',
    unit: 'USD/month',
    unitText: 'US$ a month',
    hint: 'The last full month’s bill, in whole dollars or with cents.',
    whole: false,
  },
  vectorCount: {
    metric: 'vector_count',
    label: 'Stored embeddings',
    unit: 'vectors',
    unitText: 'vectors',
    hint: 'How many vectors the search index holds.',
    whole: true,
  },
  vectorQueryP95Ms: {
    metric: 'vector_query_p95_ms',
    label: 'Vector query p95 latency',
    unit: 'ms',
    unitText: 'ms',
    hint: 'Similarity queries under normal load.',
    whole: false,
  },
  timeseriesEventsPerSecond: {
    metric: 'timeseries_events_per_second',
    label: 'Time-series events per second',
    unit: 'events/s',
    unitText: 'events/s',
    hint: 'Readings or events written, at the busy hour.',
    whole: false,
  },
  regionsRequired: {
    metric: 'regions_required',
    label: 'Regions data must stay in',
    unit: 'regions',
    unitText: 'regions',
    hint: 'Count the places contracts or law now require data to stay.',
    whole: true,
  },
}

/** Every figure, in the order the engine lists them. */
export const SIGNAL_FIELD_ORDER = Object.keys(SIGNAL_FIELD_VIEWS) as SignalField[]

/** The figure that feeds a metric. */
export const FIELD_OF_METRIC = Object.fromEntries(
  SIGNAL_FIELD_ORDER.map((field) => [SIGNAL_FIELD_VIEWS[field].metric, field]),
) as Record<Metric, SignalField>

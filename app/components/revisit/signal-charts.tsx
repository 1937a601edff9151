import { lazy } from 'react'
import { ChartFrame } from '#app/components/chart-frame.tsx'
import { ClientOnly } from '#app/components/client-only.tsx'
import { describeThreshold, formatMeasure } from '#app/vocabulary/answer-labels.ts'
import { formatDay } from './format-day.ts'
import type { MetricSeries } from './series.ts'
import { SIGNAL_FIELD_VIEWS } from './signal-fields.ts'

const SignalChart = lazy(() => import('./signal-chart.client.tsx'))

/** A chart per figure that has readings, each with a caption that says what the chart shows in words. */
export function SignalCharts({ series }: { series: readonly MetricSeries[] }) {
  return (
    <ul className="signal-charts">
      {series.map((s) => (
        <li key={s.field}>
          <SignalChartFigure series={s} />
        </li>
      ))}
    </ul>
  )
}

function SignalChartFigure({ series }: { series: MetricSeries }) {
  const view = SIGNAL_FIELD_VIEWS[series.field]
  const captionId = `chart-${series.field}-caption`
  const first = series.points[0]
  const last = series.points[series.points.length - 1]
  return (
    <figure className="chart signal-chart">
      <h3 className="signal-chart__title">
        {view.label} <span className="signal-chart__unit">({view.unitText})</span>
      </h3>
      <ClientOnly>
        {() => (
          <ChartFrame
            className="chart__frame signal-chart__frame"
            testId={`signal-chart-${series.field}`}
            labelledBy={captionId}
          >
            {() => <SignalChart series={series} />}
          </ChartFrame>
        )}
      </ClientOnly>
      <figcaption id={captionId}>
        {series.points.length === 1
          ? `One reading, on ${formatDay(first[0])}: ${formatMeasure(first[1], series.unit)}.`
          : `${series.points.length} readings from ${formatDay(first[0])} to ${formatDay(last[0])}; the latest ${formatMeasure(last[1], series.unit)}.`}{' '}
        {series.thresholds.length === 0
          ? 'No trigger of this brief watches it.'
          : series.thresholds
              .map((t) => `Dashed line: “${t.title}” at ${describeThreshold(t.comparator, t.value, series.unit)}.`)
              .join(' ')}
      </figcaption>
    </figure>
  )
}

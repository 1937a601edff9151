import { CartesianGrid, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts'
import { formatMeasure } from '#app/vocabulary/answer-labels.ts'
import { formatNumber } from '#app/vocabulary/format.ts'
import { dayTime, formatDay, formatShortDay } from './format-day.ts'
import type { MetricSeries } from './series.ts'

const LINE = '#1f55a8'
const THRESHOLD = '#a52a1e'
/** Past this many points the dots hide the line instead of marking readings. */
const DOTS_MAX = 60
const DAY_MS = 24 * 60 * 60 * 1000
const COMPARATOR_SIGNS = { '>=': '≥', '>': '>', '<=': '≤', '<': '<' } as const

/** One measured figure over time, with each trigger threshold drawn across. Browser only: loaded lazily. */
export default function SignalChart({ series }: { series: MetricSeries }) {
  const data = series.points.map(([day, value]) => ({ t: dayTime(day), v: value }))
  const single = data.length === 1 || data.every((d) => d.t === data[0]?.t)
  return (
    <ResponsiveContainer width="100%" height="100%">
      <LineChart data={data} margin={{ top: 20, right: 16, bottom: 4, left: 4 }}>
        <CartesianGrid stroke="var(--rule)" strokeDasharray="2 4" vertical={false} />
        <XAxis
          dataKey="t"
          type="number"
          scale="time"
          domain={single ? [data[0].t - 7 * DAY_MS, data[0].t + 7 * DAY_MS] : ['dataMin', 'dataMax']}
          tickFormatter={(t: number) => formatShortDay(t)}
          tickLine={false}
          stroke="var(--muted)"
          tick={{ fontSize: 12 }}
          minTickGap={24}
        />
        <YAxis
          tickFormatter={(v: number) => compact(v)}
          width={52}
          tickLine={false}
          stroke="var(--muted)"
          tick={{ fontSize: 12 }}
          domain={[0, 'auto']}
        />
        <Tooltip
          formatter={(value: number) => [formatMeasure(value, series.unit), 'Measured']}
          labelFormatter={(t: number) => formatDay(new Date(t).toISOString())}
        />
        {series.thresholds.map((th) => (
          <ReferenceLine
            key={`${th.title}-${th.value}`}
            y={th.value}
            stroke={THRESHOLD}
            strokeDasharray="6 4"
            strokeWidth={1.5}
            ifOverflow="extendDomain"
            label={{
              value: `${COMPARATOR_SIGNS[th.comparator]} ${compact(th.value)}`,
              position: 'insideTopRight',
              fill: THRESHOLD,
              fontSize: 12,
            }}
          />
        ))}
        <Line
          type="linear"
          dataKey="v"
          stroke={LINE}
          strokeWidth={2.5}
          dot={data.length <= DOTS_MAX ? { r: 3 } : false}
          isAnimationActive={false}
        />
      </LineChart>
    </ResponsiveContainer>
  )
}

function compact(value: number): string {
  if (Math.abs(value) < 10_000) return formatNumber(value)
  return new Intl.NumberFormat('en-US', { notation: 'compact', maximumFractionDigits: 1 }).format(value)
}

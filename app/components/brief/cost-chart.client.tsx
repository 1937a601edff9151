import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts'
import type { Costs } from '#app/engine/brief.ts'
import { BANDS } from '#app/vocabulary/answer-labels.ts'
import { formatUsd, formatUsdCompact } from '#app/vocabulary/format.ts'
import { BAND_STYLE } from './cost-bands-style.ts'

/** The three cost bands over twelve months. Browser only: loaded lazily by the cost section. */
export default function CostChart({ costs }: { costs: Pick<Costs, 'bands'> }) {
  const data = costs.bands.lean.monthly.map((_, i) => ({
    month: i + 1,
    lean: costs.bands.lean.monthly[i] / 100,
    moderate: costs.bands.moderate.monthly[i] / 100,
    scaled: costs.bands.scaled.monthly[i] / 100,
  }))
  return (
    <ResponsiveContainer width="100%" height="100%">
      <LineChart data={data} margin={{ top: 16, right: 16, bottom: 4, left: 4 }}>
        <CartesianGrid stroke="var(--rule)" strokeDasharray="2 4" vertical={false} />
        <XAxis dataKey="month" tickLine={false} stroke="var(--muted)" tick={{ fontSize: 12 }} />
        <YAxis
          tickFormatter={(v: number) => formatUsdCompact(v)}
          width={56}
          tickLine={false}
          stroke="var(--muted)"
          tick={{ fontSize: 12 }}
        />
        <Tooltip
          formatter={(value: number, name: string) => [
            formatUsd(Math.round(value * 100)),
            BAND_STYLE[name as keyof typeof BAND_STYLE]?.label ?? name,
          ]}
          labelFormatter={(month: number) => `Month ${month}`}
        />
        <Legend
          wrapperStyle={{ fontSize: 13 }}
          formatter={(name: string) => BAND_STYLE[name as keyof typeof BAND_STYLE]?.label ?? name}
        />
        {BANDS.map((band) => (
          <Line
            key={band}
            type="monotone"
            dataKey={band}
            name={band}
            stroke={BAND_STYLE[band].color}
            strokeWidth={2.5}
            strokeDasharray={BAND_STYLE[band].dash}
            dot={{ r: 2.5, strokeDasharray: 'none' }}
            isAnimationActive={false}
          />
        ))}
      </LineChart>
    </ResponsiveContainer>
  )
}

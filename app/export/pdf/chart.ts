import type { CanvasElement, Column, Content } from 'pdfmake/interfaces'
import { BANDS, type Band, type Brief } from '#app/engine/brief.ts'
import { formatCents } from '#app/export/markdown.ts'
import { BAND_COLOURS, INK_SOFT, MUTED, RULE, RULE_STRONG } from './theme.ts'

/**
 * The twelve-month cost bands as a line chart drawn with vector lines, so it
 * stays sharp at any zoom and prints like the text around it. The canvas has
 * no text of its own: axis labels are text nodes laid over it.
 */

export const BAND_NAMES: Record<Band, string> = { lean: 'Lean', moderate: 'Moderate', scaled: 'Scaled' }

const HEIGHT = 200
const PLOT = { left: 54, right: 10, top: 16, bottom: 34 }
const LABEL_SIZE = 7.5

export function costChart(brief: Brief, width: number): Content {
  const bands = brief.costs.bands
  const months = bands.lean.monthly.length
  const highest = Math.max(0, ...BANDS.flatMap((b) => bands[b].monthly))
  const { step, top } = axisScale(highest)
  const plotWidth = width - PLOT.left - PLOT.right
  const plotHeight = HEIGHT - PLOT.top - PLOT.bottom
  const x = (m: number) => PLOT.left + (months <= 1 ? plotWidth / 2 : (m * plotWidth) / (months - 1))
  const y = (cents: number) => PLOT.top + plotHeight - (cents / top) * plotHeight
  const baseline = PLOT.top + plotHeight

  const canvas: CanvasElement[] = []
  const labels: Content[] = []
  for (let tick = 0; tick <= top; tick += step) {
    const ty = y(tick)
    canvas.push({
      type: 'line',
      x1: PLOT.left,
      y1: ty,
      x2: width - PLOT.right,
      y2: ty,
      lineWidth: 0.5,
      lineColor: RULE,
    })
    labels.push(placed(0, ty - LABEL_SIZE / 2 - 0.5, PLOT.left - 6, axisDollars(tick), 'right'))
  }
  for (let m = 0; m < months; m++) {
    canvas.push({
      type: 'line',
      x1: x(m),
      y1: baseline,
      x2: x(m),
      y2: baseline + 3,
      lineWidth: 0.7,
      lineColor: RULE_STRONG,
    })
    labels.push(placed(x(m) - 12, baseline + 5, 24, String(m + 1), 'center'))
  }
  canvas.push(
    { type: 'line', x1: PLOT.left, y1: PLOT.top - 4, x2: PLOT.left, y2: baseline, lineWidth: 0.8, lineColor: INK_SOFT },
    {
      type: 'line',
      x1: PLOT.left,
      y1: baseline,
      x2: width - PLOT.right,
      y2: baseline,
      lineWidth: 0.8,
      lineColor: INK_SOFT,
    },
  )
  for (const band of BANDS) {
    const points = bands[band].monthly.map((cents, m) => ({ x: x(m), y: y(cents) }))
    canvas.push({ type: 'polyline', points, lineWidth: 1.8, lineColor: BAND_COLOURS[band], lineCap: 'round' })
    for (const p of points) {
      canvas.push({ type: 'ellipse', x: p.x, y: p.y, r1: 1.9, r2: 1.9, color: BAND_COLOURS[band] })
    }
  }
  // Reserves the full height for the month labels, which lie below the last vector.
  canvas.push({ type: 'line', x1: 0, y1: HEIGHT, x2: 1, y2: HEIGHT, lineWidth: 0, lineColor: '#ffffff' })
  labels.push(
    placed(0, 0, PLOT.left + 120, 'US dollars a month', 'left'),
    placed(PLOT.left, HEIGHT - LABEL_SIZE - 4, plotWidth, 'Month', 'center'),
  )

  return {
    stack: [
      ...labels,
      { canvas },
      {
        columns: [
          { width: 'auto', text: '12-month totals', fontSize: 8, color: MUTED, margin: [0, 0.5, 6, 0] },
          ...BANDS.map(
            (band): Column => ({
              width: '*',
              columns: [
                {
                  width: 16,
                  canvas: [
                    { type: 'line', x1: 0, y1: 5.5, x2: 12, y2: 5.5, lineWidth: 2.4, lineColor: BAND_COLOURS[band] },
                  ],
                },
                {
                  width: '*',
                  text: [{ text: `${BAND_NAMES[band]}: `, bold: true }, formatCents(bands[band].total12Months)],
                  fontSize: 8.5,
                },
              ],
            }),
          ),
        ],
        columnGap: 8,
        margin: [PLOT.left, 4, 0, 0],
      },
    ],
    unbreakable: true,
    margin: [0, 4, 0, 6],
  }
}

/** A label laid over the canvas at (x, y) from the chart's top left, in a box `width` wide. */
function placed(x: number, y: number, width: number, text: string, alignment: 'left' | 'right' | 'center'): Content {
  return {
    relativePosition: { x, y },
    columns: [{ width, text, alignment, fontSize: LABEL_SIZE, color: MUTED, lineHeight: 1 }],
  }
}

/** A round step giving four to six gridlines, and the axis top it reaches. */
export function axisScale(highestCents: number): { step: number; top: number } {
  if (highestCents <= 0) return { step: 1000, top: 4000 }
  const rough = highestCents / 4
  const magnitude = 10 ** Math.floor(Math.log10(rough))
  const step = [1, 2, 2.5, 5, 10].map((m) => m * magnitude).find((s) => s >= rough) ?? 10 * magnitude
  // Whole-dollar steps only: a $0.25 gridline helps no one.
  const wholeStep = Math.max(100, Math.round(step / 100) * 100)
  return { step: wholeStep, top: Math.ceil(highestCents / wholeStep) * wholeStep }
}

function axisDollars(cents: number): string {
  const dollars = cents / 100
  if (dollars >= 10_000) return `$${formatThousands(dollars / 1000)}k`
  return formatCents(cents)
}

function formatThousands(k: number): string {
  return Number.isInteger(k) ? String(k) : k.toFixed(1)
}

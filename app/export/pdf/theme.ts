import type { Content, CustomTableLayout, StyleDictionary, TableCell } from 'pdfmake/interfaces'
import type { Decision, Risk, Trigger } from '#app/engine/brief.ts'
import { oneLine } from '#app/export/escape.ts'
import { printable } from './fonts.ts'

/**
 * Colours, type and the few building blocks every section uses. The palette
 * is the web page's, so a printed brief and the page look like one product.
 */

export const INK = '#1c2230'
export const INK_SOFT = '#3a4254'
export const MUTED = '#5d6678'
export const RULE = '#e2e5eb'
export const RULE_STRONG = '#c9ced8'
export const TINT = '#f1f4f9'
export const ACCENT = '#1f55a8'
export const ACCENT_SOFT = '#e8effa'

export const BAND_COLOURS = { lean: '#2e7d32', moderate: '#f9a825', scaled: '#c62828' } as const

const BADGES = {
  adopt: ['#1f6b47', '#e6f4ec'],
  defer: ['#8a5200', '#fdf1dc'],
  avoid: ['#5d6678', '#eef0f3'],
  trial: ['#1d5c8a', '#e4f0fa'],
  not_applicable: ['#5d6678', '#eef0f3'],
  ok: ['#1f6b47', '#e6f4ec'],
  approaching: ['#8a5200', '#fdf1dc'],
  fired: ['#a52a1e', '#fbe7e4'],
  high: ['#a52a1e', '#fbe7e4'],
  medium: ['#8a5200', '#fdf1dc'],
  low: ['#3a4254', '#eef0f3'],
} as const satisfies Record<Decision['status'] | Trigger['status'] | Risk['severity'], readonly [string, string]>

export const STYLES: StyleDictionary = {
  h1: { fontSize: 19, bold: true, color: INK, margin: [0, 0, 0, 2] },
  h2: { fontSize: 12.5, bold: true, color: INK, margin: [0, 14, 0, 3] },
  h3: { fontSize: 10.5, bold: true, color: INK, margin: [0, 10, 0, 3] },
  label: { fontSize: 8, bold: true, color: MUTED, characterSpacing: 0.4, margin: [0, 6, 0, 2] },
  small: { fontSize: 7.5, color: MUTED },
  lede: { fontSize: 11, color: INK_SOFT, italics: true },
  /** A paragraph that introduces a table. */
  leadIn: { margin: [0, 0, 0, 4] },
  th: { fontSize: 8, bold: true, color: INK_SOFT },
  td: { fontSize: 8.5 },
  link: { color: ACCENT },
  // pdfmake lays the contents out as a table with padded rows: kept small so 30-odd entries fit one Letter page.
  toc: { fontSize: 10, lineHeight: 1.1, color: INK },
  tocSub: { fontSize: 8.5, lineHeight: 1.05, color: INK_SOFT },
}

/**
 * One line of typed text, safe to lay out: no controls, no line breaks, runs
 * of characters the embedded font cannot draw shown as one replacement
 * character, and `fallback` for nothing at all.
 */
export function clean(text: string | undefined, fallback = ''): string {
  const s = printable(oneLine(text ?? ''))
  return s === '' ? fallback : s
}

/** A word on a tinted ground: decision statuses, trigger statuses, risk severities. */
export function badge(kind: keyof typeof BADGES, label: string): Content {
  const [color, background] = BADGES[kind]
  return { text: `\u00a0${label}\u00a0`, color, background, bold: true, fontSize: 8 }
}

/** Section heading: listed in the contents and the bookmarks, with a rule under it. */
export function sectionHeading(id: string, title: string, pageBreak = false): Content {
  return {
    margin: [0, pageBreak ? 0 : 22, 0, 0],
    stack: [
      { text: title, style: 'h1', id, tocItem: true, tocStyle: 'toc', tocMargin: [0, 3, 0, 0], outline: true },
      {
        canvas: [{ type: 'line', x1: 0, y1: 0, x2: 60, y2: 0, lineWidth: 2, lineColor: ACCENT }],
        margin: [0, 2, 0, 10],
      },
    ],
    unbreakable: true,
    pageBreak: pageBreak ? 'before' : undefined,
  }
}

/**
 * A heading kept on the page of what follows it. pdfmake has no keep-with-next
 * and a table cannot sit inside an unbreakable block (it would never break), so
 * a heading before a table keeps its lead-in sentence instead: the heading may
 * end a page with its introduction, never alone.
 */
export function keepTogether(...items: Content[]): Content {
  return { stack: items, unbreakable: true }
}

// Spacing comes from top margins only: pdfmake starts a new page for a bottom margin that does not fit, which
// before a section that breaks to its own page leaves a blank one.
export function bullets(items: readonly Content[], margin: [number, number, number, number] = [0, 0, 0, 0]): Content {
  return { ul: [...items], margin, markerColor: MUTED }
}

const CELL_PADDING = 5

const tableLayout: CustomTableLayout = {
  hLineWidth: (i, node) => (i === 0 || i === node.table.body.length ? 0 : i === 1 ? 0.9 : 0.5),
  vLineWidth: () => 0,
  hLineColor: (i) => (i === 1 ? RULE_STRONG : RULE),
  fillColor: (row) => (row === 0 ? TINT : null),
  paddingLeft: (i) => (i === 0 ? 4 : CELL_PADDING),
  paddingRight: () => CELL_PADDING,
  paddingTop: () => 3.5,
  paddingBottom: () => 3.5,
}

export interface TableColumn {
  title: string
  width: number | '*' | 'auto' | `${number}%`
  align?: 'left' | 'right'
}

/**
 * A table that breaks between rows, never inside one, and repeats its header
 * row on every page it reaches; the header never ends a page without a row.
 */
export function table(
  columns: readonly TableColumn[],
  rows: readonly TableCell[][],
  options: { fill?: (row: number) => string | null } = {},
): Content {
  const head: TableCell[] = columns.map((c) => ({ text: c.title, style: 'th', alignment: c.align ?? 'left' }))
  const body = rows.map((row) =>
    row.map((cell, i): TableCell => {
      const align = columns[i]?.align
      if (typeof cell === 'string') return { text: cell, style: 'td', alignment: align ?? 'left' }
      // `{}` holds the place of a spanned cell and must stay empty.
      if (align && typeof cell === 'object' && cell !== null && !Array.isArray(cell) && Object.keys(cell).length > 0) {
        return { alignment: align, ...cell } as TableCell
      }
      return cell
    }),
  )
  const fill = options.fill
  return {
    table: {
      headerRows: 1,
      keepWithHeaderRows: 1,
      dontBreakRows: true,
      widths: columns.map((c) => c.width),
      body: [head, ...body],
    },
    layout: fill ? { ...tableLayout, fillColor: (row) => (row === 0 ? TINT : fill(row - 1)) } : tableLayout,
    margin: [0, 4, 0, 0],
  }
}

/**
 * One record as one row of a `table`, so it never splits across a page: a
 * nested table puts `cells` under the outer columns and `note` under all of
 * them at full width. Its paddings mirror the outer layout's, so the cells
 * line up under the outer header.
 */
export function rowWithNote(columns: readonly TableColumn[], cells: readonly Content[], note: Content): TableCell[] {
  const last = columns.length - 1
  const inner: Content = {
    table: {
      widths: columns.map((c) => c.width),
      body: [
        cells.map((cell, i): TableCell => {
          const align = columns[i]?.align ?? 'left'
          return typeof cell === 'string'
            ? { text: cell, alignment: align }
            : ({ alignment: align, ...(cell as object) } as TableCell)
        }),
        [{ stack: [note], colSpan: columns.length }, ...columns.slice(1).map(() => ({}))],
      ],
    },
    layout: {
      hLineWidth: () => 0,
      vLineWidth: () => 0,
      paddingLeft: (i) => (i === 0 ? 0 : CELL_PADDING),
      paddingRight: (i) => (i === last ? 0 : CELL_PADDING),
      paddingTop: (i) => (i === 0 ? 0 : 2),
      paddingBottom: () => 0,
    },
    style: 'td',
  }
  return [{ ...(inner as object), colSpan: columns.length } as TableCell, ...columns.slice(1).map(() => ({}))]
}

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
]

/** `2026-11-21` → `21 November 2026`, without a clock or a locale database. */
export function longDate(date: string): string {
  const [y, m, d] = date.split('-').map(Number)
  return `${d} ${MONTHS[m - 1]} ${y}`
}

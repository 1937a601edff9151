import { createRequire } from 'node:module'
import type { Content, TDocumentDefinitions, TFontDictionary } from 'pdfmake/interfaces'
import type { Answers } from '#app/engine/answers.ts'
import type { Brief } from '#app/engine/brief.ts'
import { fontFiles } from '#app/export/pdf/fonts.ts'
import { body, guideLinker } from '#app/export/pdf/sections.ts'
import { installShapingCache } from '#app/export/pdf/shaping-cache.ts'
import { ACCENT, clean, INK, INK_SOFT, longDate, MUTED, RULE, STYLES } from '#app/export/pdf/theme.ts'
import { oneLine } from './escape.ts'
import type { NoteInput } from './notes.ts'

/**
 * The brief as a PDF a consultant can hand to a client: a cover, contents
 * with page numbers, a running header and page numbers, then every section
 * of the Markdown export in the same order. Laid out by pdfmake, pure
 * JavaScript, with Roboto (from the pdfmake package) embedded as subsets,
 * so the text can be selected and searched and nothing else needs installing.
 *
 * No clock inside: the date on the cover and in the metadata comes in with
 * the options, so the same inputs give the same bytes.
 */

export const PAGE_SIZES = ['A4', 'LETTER'] as const
export type PageSize = (typeof PAGE_SIZES)[number]

export interface PdfOptions {
  pageSize?: PageSize
  /** The brief's date, `YYYY-MM-DD`: on the cover, in the footer and as the document's creation date. */
  date: string
  revision?: number
  preparedBy?: string
  client?: string
  /** Address guide links start with, e.g. `https://stackbrief.example`; without it a guide is named, not linked. */
  guideBaseUrl?: string
  /** A consultant's notes on sections of this revision, printed as typed. */
  notes?: readonly NoteInput[]
}

const PAGE_POINTS: Record<PageSize, { width: number; height: number }> = {
  A4: { width: 595.28, height: 841.89 },
  LETTER: { width: 612, height: 792 },
}
const MARGIN = { side: 56, top: 66, bottom: 60 }
const PRODUCER = 'stackbrief PDF export'
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/

export async function renderPdf(brief: Brief, answers: Answers, options: PdfOptions): Promise<Uint8Array> {
  const pdfmake = loadPdfmake()
  // Set right before createPdf, which reads them synchronously: pdfmake keeps them on a shared instance.
  pdfmake.setFonts(fontDictionary())
  pdfmake.setUrlAccessPolicy(() => false)
  pdfmake.setLocalAccessPolicy((path) => fontPaths().includes(path))
  return pdfmake.createPdf(documentDefinition(brief, answers, options)).getBuffer()
}

/** The pdfmake document for a brief: a fresh object each time, since pdfmake writes into what it is given. */
function documentDefinition(brief: Brief, answers: Answers, options: PdfOptions): TDocumentDefinitions {
  const pageSize = options.pageSize ?? 'A4'
  const created = parseDate(options.date)
  const page = PAGE_POINTS[pageSize]
  const width = page.width - 2 * MARGIN.side
  const title = clean(brief.title, 'Untitled product')
  const cover: Cover = {
    title,
    date: longDate(options.date),
    revision: options.revision,
    preparedBy: clean(options.preparedBy),
    client: clean(options.client),
  }
  const footerLeft = [
    cover.date,
    cover.revision === undefined ? '' : `Revision ${cover.revision}`,
    cover.client ? `Prepared for ${cover.client}` : '',
  ]
    .filter(Boolean)
    .join(' · ')

  return {
    pageSize,
    pageMargins: [MARGIN.side, MARGIN.top, MARGIN.side, MARGIN.bottom],
    language: 'en',
    displayTitle: true,
    // Metadata strings are UTF-16 in the file, so they keep what the font cannot draw.
    info: {
      title: `${oneLine(brief.title) || 'Untitled product'}: Architecture Decision Brief`,
      author: oneLine(options.preparedBy ?? '') || 'stackbrief',
      subject: 'Architecture Decision Brief',
      keywords: 'architecture decision brief, stack, cost bands, migration triggers',
      creator: 'stackbrief',
      producer: PRODUCER,
      creationDate: created,
      modDate: created,
    },
    defaultStyle: { font: 'Roboto', fontSize: 9.5, lineHeight: 1.22, color: INK },
    styles: STYLES,
    background: (n, size) =>
      n === 1 ? { canvas: [{ type: 'rect', x: 0, y: 0, w: 16, h: size.height, color: ACCENT }] } : null,
    header: (n) =>
      n === 1
        ? null
        : {
            stack: [
              {
                columns: [
                  { text: shorten(title, 70), bold: true, width: '*' },
                  { text: 'Architecture Decision Brief', width: 'auto' },
                ],
                fontSize: 8,
                color: MUTED,
              },
              { canvas: [{ type: 'line', x1: 0, y1: 4, x2: width, y2: 4, lineWidth: 0.5, lineColor: RULE }] },
            ],
            margin: [MARGIN.side, 30, MARGIN.side, 0],
          },
    footer: (n, count) =>
      n === 1
        ? null
        : {
            columns: [
              { text: footerLeft, width: '*' },
              { text: `Page ${n} of ${count}`, width: 'auto' },
            ],
            fontSize: 8,
            color: MUTED,
            margin: [MARGIN.side, 26, MARGIN.side, 0],
          },
    content: [
      coverPage(brief, answers, cover),
      {
        toc: {
          title: { text: 'Contents', style: 'h1', margin: [0, 0, 0, 12] },
          numberStyle: { color: MUTED },
        },
        pageBreak: 'before',
      },
      ...body({ brief, answers, width, guide: guideLinker(options.guideBaseUrl), notes: options.notes ?? [] }),
    ],
  }
}

interface Cover {
  title: string
  date: string
  revision?: number
  /** Empty when not given. */
  preparedBy: string
  client: string
}

function coverPage(brief: Brief, answers: Answers, { title, date, revision, preparedBy, client }: Cover): Content {
  const details: [string, string][] = []
  if (client) details.push(['Prepared for', client])
  if (preparedBy) details.push(['Prepared by', preparedBy])
  details.push(['Date', date])
  if (revision !== undefined) details.push(['Revision', String(revision)])
  details.push(['Prices as of', clean(brief.costs.pricesAsOf)])
  details.push(['Engine and catalog', `${clean(brief.engineVersion)} · ${clean(brief.catalogVersion)}`])
  return {
    stack: [
      {
        text: 'ARCHITECTURE DECISION BRIEF',
        fontSize: 9.5,
        bold: true,
        color: ACCENT,
        characterSpacing: 1.6,
        margin: [0, 0, 0, 12],
      },
      { text: title, fontSize: 30, bold: true, lineHeight: 1.1, color: INK, margin: [0, 0, 0, 12] },
      answers.product.summary
        ? { text: clean(answers.product.summary), style: 'lede', fontSize: 13, margin: [0, 0, 0, 24] }
        : { text: '', margin: [0, 0, 0, 12] },
      {
        table: {
          widths: [110, '*'],
          body: details.map(([label, value]) => [
            { text: label, color: MUTED, fontSize: 9 },
            { text: value, fontSize: 10.5, color: INK_SOFT, bold: label === 'Prepared for' },
          ]),
        },
        layout: {
          hLineWidth: (i, node) => (i === 0 || i === node.table.body.length ? 0 : 0.5),
          vLineWidth: () => 0,
          hLineColor: () => RULE,
          paddingLeft: () => 0,
          paddingTop: () => 6,
          paddingBottom: () => 6,
        },
      },
      {
        text: 'The recommended stack with the reason for every choice, a database rationale, twelve-month cost bands, risks, what to defer, and the measurable triggers that say when to revisit.',
        fontSize: 9,
        color: MUTED,
        margin: [0, 28, 60, 0],
      },
    ],
    margin: [0, 110, 0, 0],
  }
}

function parseDate(date: string): Date {
  const m = DATE.exec(date)
  const parsed = m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : null
  if (!m || !parsed || parsed.getUTCDate() !== Number(m[3]) || parsed.getUTCMonth() !== Number(m[2]) - 1) {
    throw new RangeError(`renderPdf: options.date: expected a date as YYYY-MM-DD, got ${JSON.stringify(date)}`)
  }
  return parsed
}

function shorten(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`
}

type Pdfmake = typeof import('pdfmake')

let pdfmakeModule: Pdfmake | undefined

/** Loaded on first use: pdfmake and its PDF writer add a noticeable start-up cost to processes that never print. */
function loadPdfmake(): Pdfmake {
  if (!pdfmakeModule) {
    pdfmakeModule = createRequire(import.meta.url)('pdfmake') as Pdfmake
    installShapingCache(fontFiles().normal)
  }
  return pdfmakeModule
}

function fontPaths(): string[] {
  return Object.values(fontFiles())
}

/** A fresh dictionary each time: pdfmake rewrites the entries it is given. */
function fontDictionary(): TFontDictionary {
  return { Roboto: { ...fontFiles() } }
}

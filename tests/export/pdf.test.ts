import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { loadCatalog } from '#app/catalog.server.ts'
import { type Answers, AnswersSchema } from '#app/engine/answers.ts'
import { BANDS, type Brief } from '#app/engine/brief.ts'
import { generateBrief } from '#app/engine/generate.ts'
import { formatCents } from '#app/export/markdown.ts'
import { fontFiles, MISSING_GLYPHS, printable } from '#app/export/pdf/fonts.ts'
import { installShapingCache } from '#app/export/pdf/shaping-cache.ts'
import { type PdfOptions, renderPdf } from '#app/export/pdf.ts'

/**
 * The PDF export read back the way a client's viewer reads it: text through
 * poppler's pdftotext, page sizes through pdfinfo, fonts through pdffonts.
 */

const EXAMPLES_DIR = join(process.cwd(), 'content', 'examples')
const EXAMPLE_NAMES = [
  'ai-research-assistant',
  'b2b-saas',
  'clinic-portal',
  'india-marketplace',
  'internal-dashboard',
  'iot-telemetry',
]
const catalog = loadCatalog()

function example(name: string, productName?: string): { brief: Brief; answers: Answers } {
  const raw = parse(readFileSync(join(EXAMPLES_DIR, `${name}.yaml`), 'utf8')) as { product: Record<string, unknown> }
  const answers = AnswersSchema.parse(
    productName === undefined ? raw : { ...raw, product: { ...raw.product, name: productName } },
  )
  return { brief: generateBrief(answers, catalog), answers }
}

const SECTION_HEADINGS = [
  'Executive brief',
  'Decisions',
  'Decisions in detail',
  'Database rationale',
  'Cost bands',
  'Line items',
  'Assumptions',
  'Transaction fees',
  'Operational assumptions',
  'Architecture',
  'Migration triggers',
  'Day one',
  'Deferred',
  'Risks',
  'What would make this plan wrong',
  'Handoff',
  'Appendix: answers',
  'Appendix: rules and the answers they read',
]

const OPTIONS: PdfOptions = {
  date: '2026-11-21',
  revision: 3,
  preparedBy: 'Northwind Advisory',
  client: 'Shiftwise Ltd',
  guideBaseUrl: 'https://stackbrief.example/',
}

const dir = mkdtempSync(join(tmpdir(), 'stackbrief-pdf-'))
let n = 0

/** Writes the PDF where poppler can read it and returns the path. */
function saved(pdf: Uint8Array): string {
  const file = join(dir, `${++n}.pdf`)
  writeFileSync(file, pdf)
  return file
}

function poppler(tool: string, ...args: string[]): string {
  return execFileSync(`/usr/bin/${tool}`, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })
}

/** The text of one page (or all), whitespace runs made one space so wrapped lines read as one. */
function text(file: string, page?: number): string {
  const range = page === undefined ? [] : ['-f', String(page), '-l', String(page)]
  return poppler('pdftotext', '-layout', ...range, file, '-').replace(/\s+/g, ' ')
}

function info(file: string): Record<string, string> {
  return Object.fromEntries(
    poppler('pdfinfo', file)
      .split('\n')
      .map((line) => /^([^:]+):\s*(.*)$/.exec(line))
      .filter((m): m is RegExpExecArray => m !== null)
      .map((m) => [m[1], m[2]]),
  )
}

const squash = (s: string) => s.replace(/\s+/g, ' ').trim()

afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('renderPdf on the b2b-saas example', () => {
  const { brief, answers } = example('b2b-saas')
  let file: string
  let all: string
  let pages: number

  let first: Uint8Array

  beforeAll(async () => {
    // The first render in this file: every word is shaped afresh, as pdfkit alone would.
    first = await renderPdf(brief, answers, OPTIONS)
    file = saved(first)
    all = text(file)
    pages = Number(info(file).Pages)
  }, 60_000)

  it('writes the same bytes again once shaped words are cached across renders', async () => {
    expect(installShapingCache(fontFiles().normal)).toBe(true)
    const again = await renderPdf(brief, answers, OPTIONS)
    expect(Buffer.from(again).equals(Buffer.from(first))).toBe(true)
  }, 60_000)

  it('is a PDF of more than one page', () => {
    expect(readFileSync(file).subarray(0, 5).toString('latin1')).toBe('%PDF-')
    expect(pages).toBeGreaterThan(1)
  })

  it.each(SECTION_HEADINGS)('has the section "%s"', (heading) => {
    expect(all).toContain(heading)
  })

  it('keeps the Markdown export’s section order', () => {
    const lines = poppler('pdftotext', '-layout', '-f', '3', file, '-')
      .split('\n')
      .map((l) => l.trim())
    let from = 0
    for (const heading of SECTION_HEADINGS) {
      const at = lines.indexOf(heading, from)
      expect(at, `${heading} after line ${from}`).toBeGreaterThanOrEqual(from)
      from = at + 1
    }
  })

  it('ends with the rules appendix: the rules of each decision and the answers they read', () => {
    const appendix = all.slice(all.lastIndexOf('Appendix: rules and the answers they read'))
    for (const d of brief.decisions) for (const b of d.because) expect(appendix).toContain(b.rule)
    expect(appendix).toContain('compliance.dataResidency')
  })

  it('names every decision area with its choice', () => {
    for (const d of brief.decisions) expect(all).toContain(squash(`${d.title}: ${d.choice.name}`))
  })

  it('prints every 12-month cost total as formatted', () => {
    for (const band of BANDS) expect(all).toContain(formatCents(brief.costs.bands[band].total12Months))
  })

  it('has a cover with the product, date, revision, prepared-by and client, and no page number', () => {
    const cover = text(file, 1)
    for (const s of [
      'ARCHITECTURE DECISION BRIEF',
      'Shiftwise',
      '21 November 2026',
      'Revision 3',
      'Northwind Advisory',
      'Shiftwise Ltd',
    ]) {
      expect(cover).toContain(s)
    }
    expect(cover).not.toMatch(/Page \d+ of/)
  })

  it('lists the sections in a contents page with the pages they start on', () => {
    // The contents run onto a second page.
    const contents = `${text(file, 2)} ${text(file, 3)}`
    expect(contents).toContain('Contents')
    for (const heading of ['Executive brief', 'Cost bands', 'Appendix: answers']) {
      const match = new RegExp(`${heading} (\\d+) `).exec(contents)
      expect(match, heading).not.toBeNull()
      expect(text(file, Number(match?.[1]))).toContain(heading)
    }
  })

  it('runs the header and the page number on every page after the cover', () => {
    for (let page = 2; page <= pages; page++) {
      const t = text(file, page)
      expect(t, `page ${page}`).toContain('Shiftwise Architecture Decision Brief')
      expect(t, `page ${page}`).toContain(`Page ${page} of ${pages}`)
    }
  })

  it('repeats the header row of a table that runs onto another page', () => {
    const appendixStarts = Number(/Appendix: answers (\d+) /.exec(`${text(file, 2)} ${text(file, 3)}`)?.[1])
    for (const page of [appendixStarts, appendixStarts + 1]) {
      expect(text(file, page)).toMatch(/ Answer +Value /)
    }
  })

  it('embeds every font it uses, none of them a standard PDF font', () => {
    const rows = poppler('pdffonts', file).split('\n').slice(2).filter(Boolean)
    expect(rows.length).toBeGreaterThan(0)
    for (const row of rows) {
      expect(row).toMatch(/Roboto/)
      const [emb, sub] = row.trim().split(/\s+/).slice(-5, -3)
      expect([emb, sub], row).toEqual(['yes', 'yes'])
    }
  })

  it('draws the cost chart with vectors, not an image', () => {
    expect(poppler('pdfimages', '-list', file).split('\n').slice(2).filter(Boolean)).toEqual([])
  })

  it('links the guides under the given base URL', () => {
    const bytes = readFileSync(file).toString('latin1')
    expect(bytes).toContain('/URI (https://stackbrief.example/guides/default-stack)')
    expect(bytes).toContain('/URI (https://stackbrief.example/guides/migration-triggers)')
  })

  it('carries the title, author, date and stackbrief as creator and producer in its metadata', () => {
    const meta = info(file)
    expect(meta.Title).toBe('Shiftwise: Architecture Decision Brief')
    expect(meta.Author).toBe('Northwind Advisory')
    expect(meta.Creator).toBe('stackbrief')
    expect(meta.Producer).toBe('stackbrief PDF export')
    expect(meta.CreationDate).toMatch(/Nov 21 00:00:00 2026 UTC/)
    expect(meta.ModDate).toBe(meta.CreationDate)
  })
})

describe('renderPdf options', () => {
  const { brief, answers } = example('internal-dashboard')

  it.each([
    ['A4', '595.28 x 841.89 pts (A4)'],
    ['LETTER', '612 x 792 pts (letter)'],
  ] as const)(
    'prints on %s paper',
    async (pageSize, expected) => {
      const file = saved(await renderPdf(brief, answers, { date: '2026-01-05', pageSize }))
      expect(info(file)['Page size']).toBe(expected)
    },
    60_000,
  )

  it('gives byte-identical files for the same inputs: no clock, no random ids', async () => {
    const [a, b] = [await renderPdf(brief, answers, OPTIONS), await renderPdf(brief, answers, OPTIONS)]
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true)
  }, 60_000)

  it('names the guides without links when no base URL is known, and leaves optional cover lines out', async () => {
    const file = saved(await renderPdf(brief, answers, { date: '2026-01-05' }))
    expect(readFileSync(file).toString('latin1')).not.toContain('/URI (/guides/')
    const cover = text(file, 1)
    expect(cover).toContain('5 January 2026')
    expect(cover).not.toContain('Prepared for')
    expect(cover).not.toContain('Revision')
  }, 60_000)

  it.each(['2026-13-01', '2026-02-30', '21/11/2026', ''])('refuses the date %j', async (date) => {
    await expect(renderPdf(brief, answers, { date })).rejects.toThrow(/options\.date: expected a date as YYYY-MM-DD/)
  })
})

describe('hostile product names', () => {
  it.each([
    ['quotes and a colon', 'Acme "Rota": the \'best\' one', 'Acme "Rota": the \'best\' one'],
    ['newlines', 'Line one\nLine two\r\nLine three', 'Line one Line two Line three'],
    ['a Markdown rule', '--- Shift ---', '--- Shift ---'],
    ['HTML', '<script>alert(1)</script> & <b>Co</b>', '<script>alert(1)</script> & <b>Co</b>'],
    ['emoji', 'Rocket 🚀 Rota 👩‍💻', `Rocket ${MISSING_GLYPHS} Rota ${MISSING_GLYPHS}`],
    ['right-to-left text', 'שיפט Shift مرحبا', `${MISSING_GLYPHS} Shift ${MISSING_GLYPHS}`],
    ['bidirectional overrides', 'Evil\u202eRota\u202c Ltd', 'EvilRota Ltd'],
  ])(
    'renders a name with %s',
    async (_case, name, shown) => {
      const { brief, answers } = example('internal-dashboard', name)
      const file = saved(await renderPdf(brief, answers, { date: '2026-01-05', client: name, preparedBy: name }))
      expect(Number(info(file).Pages)).toBeGreaterThan(1)
      expect(text(file, 1)).toContain(shown)
      expect(text(file, 3)).toContain(shown)
    },
    60_000,
  )
})

describe('the embedded font', () => {
  it.each(EXAMPLE_NAMES)('has a glyph for every character of the %s brief', (name) => {
    const { brief } = example(name)
    const strings = JSON.stringify(brief)
    expect(printable(strings)).toBe(strings)
  })

  it('turns each run of characters it cannot draw into one replacement character', () => {
    expect(printable('a🚀🚀b')).toBe(`a${MISSING_GLYPHS}b`)
    expect(printable('Ünïcødé Ελλάδα Москва')).toBe('Ünïcødé Ελλάδα Москва')
  })
})

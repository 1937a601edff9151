import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { unzipSync } from 'fflate'
import { afterAll, describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { type AnswersInput, AnswersSchema } from '#app/engine/answers.ts'
import { generateBrief } from '#app/engine/generate.ts'
import { zipRecords } from '#app/export/adr/zip.ts'
import { exportAdrs } from '#app/export/adr.ts'
import { renderMarkdown } from '#app/export/markdown.ts'
import { renderPdf } from '#app/export/pdf.ts'
import { buildRadar, parseCsv, radarCsv } from '#app/export/radar.ts'
import { testCatalog } from '#tests/support/catalog.ts'

/**
 * A consultant's override in every export: the person's choice, the reason,
 * and the recommendation it set aside all appear, in Markdown, the PDF's
 * text, the ADR zip and the radar CSV.
 */

const catalog = testCatalog()
const raw = parse(readFileSync(join(process.cwd(), 'content', 'examples', 'b2b-saas.yaml'), 'utf8')) as AnswersInput
const plain = generateBrief(AnswersSchema.parse(raw), catalog)
const recommended = plain.decisions.find((d) => d.area === 'auth')?.choice
const choice = recommended?.id === 'auth0' ? 'stytch' : 'auth0'
const REASON = 'The client already pays for an enterprise plan of it'
const answers = AnswersSchema.parse({
  ...raw,
  version: 2,
  overrides: [{ area: 'auth', choice, reason: REASON, by: 'Dana Reyes' }],
})
const brief = generateBrief(answers, catalog)
const chosen = brief.decisions.find((d) => d.area === 'auth')?.choice
const squash = (s: string) => s.replace(/\s+/g, ' ')

const dir = mkdtempSync(join(tmpdir(), 'stackbrief-override-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('an overridden decision in every export', () => {
  it('is overridden from the recommendation', () => {
    expect(recommended?.id).toBeDefined()
    expect(chosen?.id).toBe(choice)
    expect(chosen?.name).not.toBe(recommended?.name)
  })

  it('Markdown gives the person, the choice, the reason, and the recommendation with its reasons', () => {
    const text = renderMarkdown(brief, answers)
    expect(text).toContain(
      `**Decided by Dana Reyes: ${chosen?.name}, against the recommendation of ${recommended?.name} because ${REASON}.**`,
    )
    expect(text).toContain(`Why the engine recommended ${recommended?.name}`)
    const recommendedReason = plain.decisions.find((d) => d.area === 'auth')?.because[0]?.text ?? ''
    expect(text).toContain(recommendedReason.slice(0, 40))
  })

  it('the PDF text gives the same', async () => {
    const file = join(dir, 'brief.pdf')
    writeFileSync(file, await renderPdf(brief, answers, { date: '2026-11-21', revision: 2 }))
    const text = squash(execFileSync('/usr/bin/pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }))
    expect(text).toContain('Decided by Dana Reyes')
    expect(text).toContain(`against the recommendation of ${recommended?.name}`)
    expect(text).toContain(REASON.split(' ').slice(-3).join(' '))
    expect(text).toContain(`WHY THE ENGINE RECOMMENDED ${recommended?.name.toUpperCase()}`)
  })

  it('the executive brief marks the overridden row with whose word it is, in the JSON, Markdown and PDF', async () => {
    const row = brief.executive?.stack.find((s) => s.area === 'auth')
    expect(row?.decidedBy).toBe('Dana Reyes')
    expect(row?.reason).toContain(REASON.slice(0, 30))
    expect(row?.reason).toContain(`the engine recommended ${recommended?.name}`)
    const others = brief.executive?.stack.filter((s) => s.area !== 'auth') ?? []
    expect(others.every((s) => s.decidedBy === undefined)).toBe(true)

    const markdown = renderMarkdown(brief, answers)
    const executive = markdown.slice(
      markdown.indexOf('## Executive brief'),
      markdown.indexOf('\n## ', markdown.indexOf('## Executive brief') + 1),
    )
    expect(executive).toContain(`| ${chosen?.name} (decided by Dana Reyes) |`)

    const file = join(dir, 'executive.pdf')
    writeFileSync(file, await renderPdf(brief, answers, { date: '2026-11-21', revision: 2 }))
    const text = squash(execFileSync('/usr/bin/pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }))
    const firstPage = text.slice(text.indexOf('Executive brief'), text.indexOf('Month-12 cost'))
    expect(firstPage).toContain('Decided by Dana Reyes')
  })

  it('the ADR zip records the person as decider and the recommendation as a considered option', () => {
    const out = exportAdrs(brief, answers, { date: '2026-11-21', reviewBy: '2027-02-19', briefId: 'b1', revision: 2 })
    const unzipped = unzipSync(zipRecords(out.files, { date: '2026-11-21' }))
    const record = Object.entries(unzipped)
      .map(([, bytes]) => new TextDecoder().decode(bytes))
      .find((text) => /stackbrief-area: "?auth"?\n/.test(text))
    expect(record).toBeDefined()
    expect(record).toMatch(/decision-makers:\n {2}- "?Dana Reyes"?/)
    const options = record?.split('## Considered Options')[1]?.split('## Decision Outcome')[0] ?? ''
    expect(options).toContain(chosen?.name)
    expect(options).toContain(recommended?.name)
    expect(record).toContain(`against the recommendation of "${recommended?.name}"`)
    expect(record).toContain(REASON.slice(1))
    expect(record).toContain('set aside by Dana Reyes')
  })

  it('the radar CSV says who decided, the reason and the recommendation', () => {
    const rows = parseCsv(radarCsv(buildRadar(brief)))
    const row = rows.find((r) => r[0] === chosen?.name)
    expect(row?.[1]).toBe('Adopt')
    expect(row?.[4]).toContain('Decided by Dana Reyes')
    expect(row?.[4]).toContain(REASON)
    expect(row?.[4]).toContain(`against the recommendation of ${recommended?.name}`)
  })
})

import { readdirSync, readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { AnswersSchema } from '#app/engine/answers.ts'
import type { Brief, LineItem } from '#app/engine/brief.ts'
import { generateBrief } from '#app/engine/generate.ts'
import { testCatalog } from '#tests/support/catalog.ts'

/**
 * Briefs a consultant read whole, one test per defect they struck out in the
 * costs, written from the case: what the client was told and what a
 * correct brief says instead.
 */

const catalog = testCatalog()
const HARD = new URL('../fixtures/hard-cases/', import.meta.url)
const EXAMPLES = new URL('../../content/examples/', import.meta.url)
const answersFrom = (dir: URL, file: string) => AnswersSchema.parse(parse(readFileSync(new URL(file, dir), 'utf8')))
const briefOf = (file: string): Brief => generateBrief(answersFrom(HARD, file), catalog)
const lineOf = (brief: Brief, id: string): LineItem => {
  const item = brief.costs.lineItems.find((l) => l.id === id)
  if (!item) throw new Error(`no ${id} line in ${brief.title}`)
  return item
}
const dollars = (cents: number) => cents / 100

describe('a $20 hobby project (one engineer, 50 to 500 users)', () => {
  const brief = briefOf('hobby-20-dollars.yaml')
  const database = lineOf(brief, 'database')

  it('prices Neon at its current Launch rate of $0.106 a CU-hour, with no monthly minimum', () => {
    expect(database.basis).toMatch(/\$0\.106 per CU-hour/)
    expect(database.basis).not.toMatch(/at least \$5/)
  })

  it('lets the lean database scale to zero: the free plan while 50 users barely wake it, well under always-on later', () => {
    expect(database.bands.lean[0]).toBe(0)
    // Always on, the smallest compute alone would be 0.25 CU × 730 h × $0.106 = $19.35 a month.
    expect(dollars(database.bands.lean[11])).toBeLessThan(19.35)
    expect(database.basis).toMatch(/scale to zero/)
  })

  it('bills the lean app as Railway does, on the memory held and the CPU used, not a full replica all month', () => {
    expect(dollars(lineOf(brief, 'app').bands.lean[11])).toBeLessThan(10)
  })

  it('keeps the lean band far below the $40.90 once quoted, and says plainly whether $20 is enough and what would be', () => {
    const lean = brief.costs.bands.lean.monthly
    expect(dollars(Math.max(...lean))).toBeLessThan(30)
    expect(dollars(lean[0])).toBeLessThanOrEqual(20)
    const risk = brief.risks.find((r) => r.id === 'budget_below_lean')
    if (Math.max(...lean) > 2000) {
      expect(risk?.text).toMatch(/^Nothing in this plan fits the budget of \$20 a month from month \d+/)
      expect(risk?.mitigation).toMatch(/^What would fit: a budget of \$[\d.]+ a month covers the lean band all year/)
      expect(risk?.mitigation).toMatch(/monthly active users stay under about [\d,]+/)
    } else expect(risk).toBeUndefined()
  })
})

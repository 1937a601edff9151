import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { loadCatalog } from '#app/catalog.server.ts'
import { AnswersSchema } from '#app/engine/answers.ts'
import { generateBrief } from '#app/engine/generate.ts'
import { renderMarkdown } from './markdown.ts'

/**
 * The first page's line over its risks counts what the sections below show:
 * a reader who counts the Risks table and the invalidation list finds the
 * same numbers.
 */

const ROOT = new URL('../../', import.meta.url).pathname
const EXAMPLES = join(ROOT, 'content/examples')
const catalog = loadCatalog()

function section(markdown: string, heading: string): string {
  const start = markdown.indexOf(`\n## ${heading}\n`)
  if (start < 0) return ''
  const next = markdown.indexOf('\n## ', start + 1)
  return markdown.slice(start, next < 0 ? undefined : next)
}

describe.each(readdirSync(EXAMPLES).filter((f) => f.endsWith('.yaml')))('%s', (file) => {
  const answers = AnswersSchema.parse(parse(readFileSync(join(EXAMPLES, file), 'utf8')))
  const brief = generateBrief(answers, catalog)
  const markdown = renderMarkdown(brief, answers)
  const first = section(markdown, 'Executive brief')
  const riskRows = section(markdown, 'Risks')
    .split('\n')
    .filter((l) => /^\| (\*\*High\*\*|medium|low|Medium|Low) \|/.test(l)).length
  const invalidations = section(markdown, 'What would make this plan wrong')
    .split('\n')
    .filter((l) => l.startsWith('- ')).length
  const listed = first.split('\n').filter((l) => /^\d+\. /.test(l)).length

  it('counts the risks it lists and the risks the sections below hold', () => {
    const lead = first.match(
      /^(?:Top (\d+) of (\d+) risks(?: \((\d+) under Risks, (\d+) under What would make this plan wrong\))?|All (\d+) risks|The one risk):$/m,
    )
    expect(lead, first).not.toBeNull()
    if (!lead) return
    if (lead[1]) {
      expect(Number(lead[1])).toBe(listed)
      expect(Number(lead[2])).toBe(riskRows + invalidations)
      if (lead[3]) {
        expect(Number(lead[3])).toBe(riskRows)
        expect(Number(lead[4])).toBe(invalidations)
      } else expect(invalidations).toBe(0)
    } else {
      const all = lead[5] ? Number(lead[5]) : 1
      expect(all).toBe(listed)
      expect(all).toBe(riskRows + invalidations)
    }
  })
})

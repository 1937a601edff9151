import { readdirSync, readFileSync } from 'node:fs'
import { parse } from 'yaml'
import { loadCatalog } from '../../app/catalog.server'
import { AnswersSchema, generateBrief } from '../../app/engine'
import { renderMarkdown } from '../../app/export/markdown'
import { fmt, median, timeRuns } from './stats'

/** Engine and Markdown render time per brief over the shipped examples. Target: engine under 200 µs per brief. */
export function benchEngine(iterations = 2000) {
  const catalog = loadCatalog()
  const dir = new URL('../../content/examples/', import.meta.url)
  const rows = readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((file) => {
      const answers = AnswersSchema.parse(parse(readFileSync(new URL(file, dir), 'utf8')))
      const brief = generateBrief(answers, catalog)
      const engineUs = median(timeRuns(() => generateBrief(answers, catalog), iterations))
      const markdownUs = median(timeRuns(() => renderMarkdown(brief, answers), iterations))
      return { example: file.replace(/\.yaml$/, ''), engineUs, markdownUs }
    })
  console.log('\nEngine and Markdown, median per brief')
  console.table(
    rows.map((r) => ({ example: r.example, 'engine median': fmt(r.engineUs), 'markdown median': fmt(r.markdownUs) })),
  )
  const engineAll = median(rows.map((r) => r.engineUs))
  const markdownAll = median(rows.map((r) => r.markdownUs))
  console.log(`engine: median of medians ${fmt(engineAll)} per brief (target < 200 µs)`)
  console.log(`markdown: median of medians ${fmt(markdownAll)} per brief`)
  return { rows, engineAll, markdownAll }
}

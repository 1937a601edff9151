import { readdirSync, readFileSync } from 'node:fs'
import { loadavg } from 'node:os'
import { parse } from 'yaml'
import { loadCatalog } from '#app/catalog.server.ts'
import { AnswersSchema, generateBrief } from '#app/engine/index.ts'
import { renderMarkdown } from '#app/export/markdown.ts'
import { cpuPerRun, fmt, median, timeRuns } from './stats.ts'

/**
 * Engine and Markdown time per brief over the shipped examples. Target: engine
 * under 200 µs per brief on one core. Wall medians grow when the machine is
 * loaded; CPU per brief (process.cpuUsage over batches) does not, so judge the
 * target by that figure.
 */
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
      const engineCpuUs = cpuPerRun(() => generateBrief(answers, catalog), iterations)
      const markdownUs = median(timeRuns(() => renderMarkdown(brief, answers), iterations))
      return { example: file.replace(/\.yaml$/, ''), engineUs, engineCpuUs, markdownUs }
    })
  const load = loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')
  console.log(`\nEngine and Markdown per brief (load average ${load})`)
  console.table(
    rows.map((r) => ({
      example: r.example,
      'engine wall median': fmt(r.engineUs),
      'engine CPU': fmt(r.engineCpuUs),
      'markdown wall median': fmt(r.markdownUs),
    })),
  )
  const engineAll = median(rows.map((r) => r.engineUs))
  const engineCpuAll = median(rows.map((r) => r.engineCpuUs))
  const markdownAll = median(rows.map((r) => r.markdownUs))
  console.log(`engine: median of medians ${fmt(engineAll)} wall, ${fmt(engineCpuAll)} CPU per brief (target < 200 µs)`)
  console.log(`markdown: median of medians ${fmt(markdownAll)} wall per brief`)
  return { rows, engineAll, engineCpuAll, markdownAll }
}

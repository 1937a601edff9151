import { readdirSync, readFileSync } from 'node:fs'
import { parse } from 'yaml'
import { loadCatalog } from '#app/catalog.server.ts'
import { type DiffSide, diffBriefs } from '#app/engine/diff.ts'
import { AnswersSchema, generateBrief } from '#app/engine/index.ts'
import { renderDiffMarkdown } from '#app/export/diff-markdown.ts'
import { describeAnswer } from '#app/vocabulary/answer-labels.ts'
import { fmt, median, timeRuns } from './stats.ts'

/**
 * Diff and diff-Markdown time per pair of shipped examples: each example
 * against itself, against itself with ten more engineers (a typical revision),
 * and against the next example (everything differs).
 */
export function benchDiff(iterations = 2000) {
  const catalog = loadCatalog()
  const dir = new URL('../../content/examples/', import.meta.url)
  const sides = readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((file) => {
      const answers = AnswersSchema.parse(parse(readFileSync(new URL(file, dir), 'utf8')))
      const grown = AnswersSchema.parse({
        ...answers,
        team: { ...answers.team, engineersIn12Months: answers.team.engineersIn12Months + 10 },
      })
      const name = file.replace(/\.yaml$/, '')
      return {
        name,
        side: { answers, brief: generateBrief(answers, catalog) } as DiffSide,
        grown: {
          name: `${name} +10 engineers`,
          side: { answers: grown, brief: generateBrief(grown, catalog) } as DiffSide,
        },
      }
    })
  const pairs = sides.flatMap(
    (a, i) =>
      [
        ['same', a, a],
        ['one answer', a, a.grown],
        ['other example', a, sides[(i + 1) % sides.length]],
      ] as const,
  )
  const rows = pairs.map(([kind, a, b]) => {
    const diff = diffBriefs(a.side, b.side, { describeAnswer })
    const diffUs = median(timeRuns(() => diffBriefs(a.side, b.side, { describeAnswer }), iterations))
    const markdownUs = median(timeRuns(() => renderDiffMarkdown(diff), iterations))
    return { kind, pair: `${a.name} → ${b.name}`, diffUs, markdownUs }
  })
  console.log('\nDiff of two revisions, median per pair')
  console.table(rows.map((r) => ({ pair: r.pair, 'diff median': fmt(r.diffUs), 'markdown median': fmt(r.markdownUs) })))
  const summary = (['same', 'one answer', 'other example'] as const).map((kind) => {
    const of = rows.filter((r) => r.kind === kind)
    const diffUs = median(of.map((r) => r.diffUs))
    const markdownUs = median(of.map((r) => r.markdownUs))
    console.log(`${kind}: diff ${fmt(diffUs)}, markdown ${fmt(markdownUs)} (median of medians)`)
    return { kind, diffUs, markdownUs }
  })
  return { rows, summary }
}

import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { loadCatalog } from '#app/catalog.server.ts'
import { type Answers, type AnswersInput, AnswersSchema } from '#app/engine/answers.ts'
import { type DiffSide, diffBriefs } from '#app/engine/diff.ts'
import { generateBrief } from '#app/engine/generate.ts'
import { describeAnswer } from '#app/vocabulary/answer-labels.ts'
import { HOSTILE_NAMES } from '#tests/support/arbitraries.ts'
import { renderDiffMarkdown } from './diff-markdown.ts'
import { md } from './escape.ts'

const catalog = loadCatalog()
const ROOT = new URL('../../', import.meta.url).pathname
const SHIFTWISE_INPUT = parse(readFileSync(`${ROOT}content/examples/b2b-saas.yaml`, 'utf8')) as AnswersInput

function revision(change: (input: AnswersInput) => void = () => {}): DiffSide & { answers: Answers } {
  const input = structuredClone(SHIFTWISE_INPUT)
  change(input)
  const answers = AnswersSchema.parse(input)
  return { answers, brief: generateBrief(answers, catalog) }
}

const BASE = revision()
const render = (from: DiffSide, to: DiffSide) => renderDiffMarkdown(diffBriefs(from, to, { describeAnswer }))

/** Unescaped pipes in a table row: what GitHub counts as cell borders. */
function cells(line: string): number {
  return (line.replace(/\\\\/g, '').match(/(?<!\\)\|/g) ?? []).length
}

function tablesKeepTheirShape(text: string) {
  const lines = text.split('\n')
  for (let i = 0; i < lines.length; i++) {
    if (!/^\| (---|---:) \|/.test(lines[i] ?? '')) continue
    const width = cells(lines[i - 1])
    for (let j = i + 1; j < lines.length && lines[j].startsWith('|'); j++) {
      expect(cells(lines[j]), lines[j]).toBe(width)
    }
  }
}

describe('renderDiffMarkdown', () => {
  it('says there are no differences when nothing moved', () => {
    expect(render(BASE, BASE)).toBe(
      `# What changed: Shiftwise\n\nEngine \`${BASE.brief.engineVersion}\` (unchanged) · catalog \`${BASE.brief.catalogVersion}\` (unchanged)\n\nNo differences.\n`,
    )
  })

  it('shows the answers, the trigger that fired with its step, the new risk and the cost change', () => {
    const text = render(
      BASE,
      revision((a) => {
        a.team.engineersIn12Months = 16
        a.load.activeUsersIn12Months = 25_000
      }),
    )
    expect(text).toContain('| Engineers in 12 months (`team.engineersIn12Months`) | 6 | 16 |')
    expect(text).toContain('| Monthly active users in 12 months (`load.activeUsersIn12Months`) | 8,000 | 25,000 |')
    expect(text).toMatch(/\| OK at 6 engineers \| Fired at 16 engineers \| \*\*Fired\*\* \|/)
    expect(text).toContain('Steps now due:\n\n- `team_outgrows_one_service`: Extract one service at a time')
    expect(text).toContain('| New | – → medium |')
    expect(text).toMatch(/\| Moderate \| \$[\d,.]+ \| \$[\d,.]+ \| \*\*\+\$[\d,.]+\*\* \|/)
    expect(text).toContain('### Change by month')
    tablesKeepTheirShape(text)
  })

  it('names the rule that decides a changed decision now, and the one before', () => {
    const text = render(
      BASE,
      revision((a) => {
        a.data = { ...a.data, kinds: [...(a.data?.kinds ?? []), 'vectors'], vectorCount: 50_000 }
      }),
    )
    expect(text).toContain('### Vector search: Not needed (not needed) → pgvector in Postgres (adopt)')
    expect(text).toMatch(/Now decided by:\n\n- `vector_store\.[a-z_]+`: /)
    expect(text).toContain('Before:\n\n- `vector_store.no_vectors`: ')
    expect(text).toContain('| Vector queries are slow under real load (`vector_latency_under_load`)')
  })

  it('says when answers were not compared', () => {
    const text = render(
      { answers: null, brief: BASE.brief },
      revision((a) => {
        a.team.engineersIn12Months = 16
      }),
    )
    expect(text).toContain(
      '## Answers\n\nNot compared: at least one side is a brief without the answers it was made from.',
    )
  })

  it.each(HOSTILE_NAMES.filter((n) => n.trim().length > 0))('escapes a product name like %j', (name) => {
    const renamed = revision((a) => {
      a.product.name = name
      a.team.engineersIn12Months = 16
    })
    const text = render(BASE, renamed)
    const [title] = text.split('\n')
    expect(title).toBe(`# What changed: Shiftwise → ${md(renamed.answers.product.name)}`)
    expect(text.split('\n').filter((l) => l.startsWith('# '))).toHaveLength(1)
    expect(text).not.toMatch(/(?<!\\)<(script|b)>/)
    tablesKeepTheirShape(text)
  })

  it('is deterministic', () => {
    const other = revision((a) => {
      a.budget.monthlyInfraUsd = 50
    })
    expect(render(BASE, other)).toBe(render(BASE, other))
  })
})

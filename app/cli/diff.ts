import { defineCommand } from './command.ts'
import { REVISION_FILE_KINDS } from './revision-file.ts'

export const diff = defineCommand({
  name: 'diff',
  summary: 'Show what changed between two revisions of a brief',
  description: [
    'Compare two revisions of a brief: the answers that changed, decisions whose choice or status moved and the rules behind them, migration triggers that fired or cleared, risks that came or went, and the cost bands month by month.',
    `A and B are each ${REVISION_FILE_KINDS}. Answers can only be compared when both sides carry them: with a brief file on either side the answers section says it was not compared.`,
    'Prints "no differences" when nothing changed (with --format json the empty diff is printed instead).',
  ].join('\n\n'),
  args: [
    {
      name: 'A',
      key: 'from',
      summary: 'the earlier revision: answers, brief or revision file; - reads standard input',
      expected: 'a path to answers, a brief or a revision (the earlier one)',
    },
    {
      name: 'B',
      key: 'to',
      summary: 'the later revision, in any of the same forms',
      expected: 'a path to answers, a brief or a revision (the later one)',
    },
  ],
  flags: [
    {
      name: 'format',
      value: 'json|md',
      summary: 'print the diff as Markdown or as JSON in the BriefDiff shape (default: md)',
    },
  ],
  options: (z) =>
    z.strictObject({
      from: z.string(),
      to: z.string(),
      format: z.enum(['json', 'md']).default('md'),
    }),
  examples: [
    'stackbrief diff answers-2026-01.yaml answers-2026-06.yaml',
    'stackbrief diff brief-v1.json brief-v2.json --format json',
  ],
  exitStatus:
    'Exit status: 0 when the diff was printed, whether or not the revisions differ; 2 on bad input, each problem on standard error as "path: expected …, got …" (paths start with the file they are in); 1 on an internal failure.',
  async run({ from, to, format }, io) {
    const { readRevisionFile, requireOneStdin } = await import('./revision-file.ts')
    requireOneStdin([
      ['A', from],
      ['B', to],
    ])
    const [a, b] = await Promise.all([readRevisionFile(from, io, label(from)), readRevisionFile(to, io, label(to))])
    const [{ diffBriefs, isEmpty }, { describeAnswer }] = await Promise.all([
      import('#app/engine/diff.ts'),
      import('#app/vocabulary/answer-labels.ts'),
    ])
    const result = diffBriefs(a, b, { describeAnswer })
    if (format === 'json') {
      io.stdout(`${JSON.stringify(result, null, 2)}\n`)
      return
    }
    if (isEmpty(result)) {
      io.stdout(result.answersCompared ? 'no differences\n' : 'no differences in the briefs (answers not compared)\n')
      return
    }
    const { renderDiffMarkdown } = await import('#app/export/diff-markdown.ts')
    io.stdout(renderDiffMarkdown(result))
  },
})

function label(file: string): string {
  return file === '-' ? 'standard input' : file
}

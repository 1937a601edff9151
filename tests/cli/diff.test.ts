import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, it } from 'vitest'
import { parse as parseYaml, stringify as toYaml } from 'yaml'
import { loadCatalog } from '#app/catalog.server.ts'
import { type AnswersInput, AnswersSchema } from '#app/engine/answers.ts'
import { BriefDiffSchema, diffBriefs } from '#app/engine/diff.ts'
import { generateBrief } from '#app/engine/generate.ts'
import { describeAnswer } from '#app/vocabulary/answer-labels.ts'
import { ROOT, stackbrief } from './helpers.ts'

const EXAMPLE = join(ROOT, 'content/examples/b2b-saas.yaml')
const EXAMPLE_DATA = parseYaml(readFileSync(EXAMPLE, 'utf8')) as AnswersInput
const DIR = mkdtempSync(join(tmpdir(), 'stackbrief-diff-'))
afterAll(() => rmSync(DIR, { recursive: true, force: true }))

function file(name: string, text: string): string {
  const path = join(DIR, name)
  writeFileSync(path, text)
  return path
}

const MORE = structuredClone(EXAMPLE_DATA)
MORE.team.engineersIn12Months = 16
const more = file('more.yaml', toYaml(MORE))
const catalog = loadCatalog()
const briefOf = (input: AnswersInput) => generateBrief(AnswersSchema.parse(input), catalog)
const briefA = file('a.brief.json', JSON.stringify(briefOf(EXAMPLE_DATA), null, 2))
const briefB = file('b.brief.json', JSON.stringify(briefOf(MORE), null, 2))

const SLOW = { timeout: 90_000 }

describe.concurrent('stackbrief diff', SLOW, () => {
  it('prints the changes between two answers files as Markdown and exits 0', async ({ expect }) => {
    const { code, stdout, stderr } = await stackbrief(['diff', EXAMPLE, more])
    expect(stderr).toBe('')
    expect(code).toBe(0)
    expect(stdout.startsWith('# What changed: Shiftwise\n')).toBe(true)
    expect(stdout).toContain('| Engineers in 12 months (`team.engineersIn12Months`) | 6 | 16 |')
    expect(stdout).toContain('**Fired**')
  })

  it('prints "no differences" for the same revision twice, and still exits 0', async ({ expect }) => {
    expect(await stackbrief(['diff', EXAMPLE, EXAMPLE])).toEqual({ code: 0, stdout: 'no differences\n', stderr: '' })
  })

  it('prints the BriefDiff as JSON with --format json, the same as the engine gives', async ({ expect }) => {
    const { code, stdout } = await stackbrief(['diff', EXAMPLE, more, '--format', 'json'])
    expect(code).toBe(0)
    const a = AnswersSchema.parse(EXAMPLE_DATA)
    const b = AnswersSchema.parse(MORE)
    const expected = diffBriefs(
      { answers: a, brief: generateBrief(a, catalog) },
      { answers: b, brief: generateBrief(b, catalog) },
      { describeAnswer },
    )
    expect(BriefDiffSchema.parse(JSON.parse(stdout))).toEqual(expected)
    expect(stdout).toBe(`${JSON.stringify(expected, null, 2)}\n`)
  })

  it('compares two brief files without answers, and says the answers were not compared', async ({ expect }) => {
    const [md, json] = await Promise.all([
      stackbrief(['diff', briefA, briefB]),
      stackbrief(['diff', briefA, briefB, '--format=json']),
    ])
    expect(md.code).toBe(0)
    expect(md.stdout).toContain('Not compared: at least one side is a brief without the answers it was made from.')
    const d = BriefDiffSchema.parse(JSON.parse(json.stdout))
    expect(d.answersCompared).toBe(false)
    expect(d.triggers.map((t) => [t.id, t.change])).toEqual([['team_outgrows_one_service', 'fired']])
    expect(await stackbrief(['diff', briefA, briefA])).toEqual({
      code: 0,
      stdout: 'no differences in the briefs (answers not compared)\n',
      stderr: '',
    })
  })

  it('takes a revision {answers, brief} with other fields beside them, and answers from standard input', async ({
    expect,
  }) => {
    const revision = file(
      'revision.json',
      JSON.stringify({ number: 2, createdAt: '2026-05-01T00:00:00Z', answers: MORE, brief: briefOf(MORE) }),
    )
    const [fromRevision, fromStdin] = await Promise.all([
      stackbrief(['diff', EXAMPLE, revision, '--format', 'json']),
      stackbrief(['diff', '-', revision, '--format', 'json'], { input: JSON.stringify(EXAMPLE_DATA) }),
    ])
    expect(fromRevision.code).toBe(0)
    const d = BriefDiffSchema.parse(JSON.parse(fromRevision.stdout))
    expect(d.answersCompared).toBe(true)
    expect(d.answers.map((a) => a.text)).toEqual(['Engineers in 12 months: 6 → 16'])
    expect(fromStdin.stdout).toBe(fromRevision.stdout)
  })

  it('documents its exit status in --help', async ({ expect }) => {
    const { code, stdout } = await stackbrief(['diff', '--help'])
    expect(code).toBe(0)
    expect(stdout.startsWith('Usage: stackbrief diff A B [--format json|md]\n')).toBe(true)
    expect(stdout).toContain(
      'Exit status: 0 when the diff was printed, whether or not the revisions differ; 2 on bad input',
    )
  })
})

describe.concurrent('stackbrief diff: bad input exits 2 with path, expected and got', SLOW, () => {
  it('names the file and the answer path', async ({ expect }) => {
    const bad = structuredClone(EXAMPLE_DATA) as unknown as { team: Record<string, unknown> }
    bad.team.engineers = 'three'
    const path = file('bad.yaml', toYaml(bad))
    const { code, stdout, stderr } = await stackbrief(['diff', EXAMPLE, path])
    expect(code).toBe(2)
    expect(stdout).toBe('')
    expect(stderr).toBe(`${path}:team.engineers: expected a number, got "three"\n`)
  })

  it('names the part of a revision that is wrong', async ({ expect }) => {
    const path = file('bad-revision.json', JSON.stringify({ answers: EXAMPLE_DATA, brief: { schemaVersion: 3 } }))
    const { code, stderr } = await stackbrief(['diff', EXAMPLE, path])
    expect(code).toBe(2)
    expect(stderr).toContain(`${path}:brief.schemaVersion: expected 2, got 3\n`)
  })

  it.for([
    [
      'a missing B',
      ['diff', EXAMPLE],
      'B: expected a path to answers, a brief or a revision (the later one), got nothing\n',
    ],
    [
      'a missing file',
      ['diff', EXAMPLE, join(DIR, 'missing.yaml')],
      `${join(DIR, 'missing.yaml')}: expected an answers, brief or revision file that exists, got no such file\n`,
    ],
    [
      'standard input twice',
      ['diff', '-', '-'],
      'B: expected a file path (standard input is read for one argument only), got "-"\n',
    ],
    ['a bad format', ['diff', EXAMPLE, more, '--format', 'pdf'], '--format: expected one of json, md, got "pdf"\n'],
  ] as const)('%s', async ([, args, first], { expect }) => {
    const { code, stderr } = await stackbrief([...args])
    expect(code).toBe(2)
    expect(stderr.startsWith(first)).toBe(true)
  })
})

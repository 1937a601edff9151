import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, it } from 'vitest'
import { parse as parseYaml, stringify as toYaml } from 'yaml'
import { loadCatalog } from '#app/catalog.server.ts'
import { AnswersSchema } from '#app/engine/answers.ts'
import { BriefSchema } from '#app/engine/brief.ts'
import { generateBrief } from '#app/engine/generate.ts'
import { renderMarkdown } from '#app/export/markdown.ts'
import { ROOT, stackbrief } from './helpers.ts'

const EXAMPLE = join(ROOT, 'content/examples/b2b-saas.yaml')
const EXAMPLE_TEXT = readFileSync(EXAMPLE, 'utf8')
const EXAMPLE_DATA = parseYaml(EXAMPLE_TEXT) as Record<string, Record<string, unknown>>
const EXAMPLE_NAMES = readdirSync(join(ROOT, 'content/examples'))
  .filter((f) => f.endsWith('.yaml'))
  .map((f) => f.replace(/\.yaml$/, ''))
  .sort()

const DIR = mkdtempSync(join(tmpdir(), 'stackbrief-cli-'))
afterAll(() => rmSync(DIR, { recursive: true, force: true }))

function file(name: string, text: string): string {
  const path = join(DIR, name)
  writeFileSync(path, text)
  return path
}

/** The b2b-saas example with one change, for the bad-input table. */
function variant(change: (data: Record<string, Record<string, unknown>>) => void): Record<string, unknown> {
  const data = structuredClone(EXAMPLE_DATA)
  change(data)
  return data
}

// Each case starts a real process; on a busy machine that takes seconds, not milliseconds.
const SLOW = { timeout: 90_000 }

const COMMAND_USAGES = {
  generate:
    'Usage: stackbrief generate FILE [--format json|md|pdf|adr|radar-csv|radar-json] [--out PATH] [--page-size a4|letter] [--prepared-by NAME] [--client NAME] [--date YYYY-MM-DD] [--base-url URL]',
  validate: 'Usage: stackbrief validate FILE',
  example: 'Usage: stackbrief example [NAME]',
}

describe.concurrent('stackbrief help and version', SLOW, () => {
  it.for([['--help'], ['-h'], []])('prints the command list for %j and exits 0', async (args, { expect }) => {
    const { code, stdout, stderr } = await stackbrief(args)
    expect(stderr).toBe('')
    expect(code).toBe(0)
    const lines = stdout.split('\n')
    expect(lines).toContain('Usage: stackbrief COMMAND [ARGUMENTS] [OPTIONS]')
    expect(lines).toContain('  generate FILE   Turn an answers file into a brief, as JSON or Markdown')
    expect(lines).toContain('  validate FILE   Check an answers file against the Answers schema (version 1 or 2)')
    expect(lines).toContain('  example [NAME]  Print a ready answers file, or list the examples')
  })

  it('prints the version', async ({ expect }) => {
    const { code, stdout } = await stackbrief(['--version'])
    expect(code).toBe(0)
    expect(stdout).toMatch(/^stackbrief \d+\.\d+\.\d+ \(engine \d+\.\d+\.\d+, Answers v1, Brief v1\)\n$/)
  })

  it.for(
    Object.entries(COMMAND_USAGES).flatMap(([name, usage]) => [
      [name, '--help', usage],
      [name, '-h', usage],
    ]),
  )('%s %s prints its usage and exits 0', async ([name, flag, usage], { expect }) => {
    const { code, stdout, stderr } = await stackbrief([name, flag])
    expect(stderr).toBe('')
    expect(code).toBe(0)
    expect(stdout.startsWith(`${usage}\n`)).toBe(true)
    expect(stdout).toContain('  -h, --help')
  })

  it('gives help even next to a bad flag', async ({ expect }) => {
    const { code, stdout } = await stackbrief(['generate', '--bogus', '--help'])
    expect(code).toBe(0)
    expect(stdout.startsWith(COMMAND_USAGES.generate)).toBe(true)
  })
})

describe.concurrent('stackbrief generate', SLOW, () => {
  it('turns YAML answers into the Brief as JSON, two-space indented with a trailing newline', async ({ expect }) => {
    const { code, stdout, stderr } = await stackbrief(['generate', EXAMPLE])
    expect(stderr).toBe('')
    expect(code).toBe(0)
    const brief = BriefSchema.parse(JSON.parse(stdout))
    expect(brief.title).toBe('Shiftwise')
    expect(stdout).toBe(`${JSON.stringify(JSON.parse(stdout), null, 2)}\n`)
  })

  it('reads JSON answers to the same brief, by extension or by content, and from standard input', async ({
    expect,
  }) => {
    const json = JSON.stringify(EXAMPLE_DATA, null, 2)
    const fromYaml = await stackbrief(['generate', EXAMPLE])
    const runs = await Promise.all([
      stackbrief(['generate', file('answers.json', json)]),
      stackbrief(['generate', file('answers-json.txt', json)]),
      stackbrief(['generate', file('answers-yaml', EXAMPLE_TEXT)]),
      stackbrief(['generate', '-'], { input: json }),
      stackbrief(['generate', '-'], { input: EXAMPLE_TEXT }),
    ])
    for (const run of runs) {
      expect(run.stderr).toBe('')
      expect(run.stdout).toBe(fromYaml.stdout)
    }
  })

  it('prints the Markdown export with --format md', async ({ expect }) => {
    const { code, stdout } = await stackbrief(['generate', EXAMPLE, '--format', 'md'])
    expect(code).toBe(0)
    const answers = AnswersSchema.parse(EXAMPLE_DATA)
    expect(stdout).toBe(renderMarkdown(generateBrief(answers, loadCatalog()), answers))
    expect(stdout.startsWith('# Architecture Decision Brief: Shiftwise\n')).toBe(true)
  })

  it('links the guides under --base-url, and names them without a link when it is not given', async ({ expect }) => {
    const [linked, named, wrong] = await Promise.all([
      stackbrief(['generate', EXAMPLE, '--format', 'md', '--base-url', 'https://briefs.example.com/']),
      stackbrief(['generate', EXAMPLE, '--format', 'md']),
      stackbrief(['generate', EXAMPLE, '--format', 'md', '--base-url', 'briefs.example.com']),
    ])
    expect(linked.code).toBe(0)
    expect(linked.stdout).toContain('Guide: [Choosing the database](https://briefs.example.com/guides/databases).')
    expect(named.stdout).toContain('Guide: Choosing the database.')
    expect(named.stdout).not.toContain('/guides/')
    expect(wrong.code).toBe(2)
    expect(wrong.stderr).toContain('--base-url')
    expect(wrong.stderr).toContain('an http or https address')
  })

  it('writes to --out, creating folders, and prints nothing on standard output', async ({ expect }) => {
    const target = join(DIR, 'nested', 'deeper', 'brief.md')
    const [written, printed] = await Promise.all([
      stackbrief(['generate', EXAMPLE, '--format=md', '--out', target]),
      stackbrief(['generate', EXAMPLE, '--format', 'md']),
    ])
    expect(written).toEqual({ code: 0, stdout: '', stderr: '' })
    expect(readFileSync(target, 'utf8')).toBe(printed.stdout)
  })

  it('resolves --out against the working folder', async ({ expect }) => {
    const cwd = join(DIR, 'work')
    mkdirSync(cwd, { recursive: true })
    const result = await stackbrief(['generate', EXAMPLE, '--out', 'out/brief.json'], { cwd })
    expect(result.code).toBe(0)
    expect(JSON.parse(readFileSync(join(cwd, 'out/brief.json'), 'utf8')).title).toBe('Shiftwise')
  })
})

describe.concurrent('stackbrief validate and example', SLOW, () => {
  it('says ok for valid answers', async ({ expect }) => {
    expect(await stackbrief(['validate', 'content/examples/b2b-saas.yaml'])).toEqual({
      code: 0,
      stdout: 'ok: content/examples/b2b-saas.yaml is valid Answers v1\n',
      stderr: '',
    })
    expect(await stackbrief(['validate', 'tests/fixtures/hard-cases/hobby-20-dollars.yaml'])).toEqual({
      code: 0,
      stdout: 'ok: tests/fixtures/hard-cases/hobby-20-dollars.yaml is valid Answers v2\n',
      stderr: '',
    })
  })

  it('validates every shipped example', async ({ expect }) => {
    const runs = await Promise.all(
      EXAMPLE_NAMES.map((name) => stackbrief(['validate', `content/examples/${name}.yaml`])),
    )
    expect(runs.map((r) => r.code)).toEqual(EXAMPLE_NAMES.map(() => 0))
  })

  it('lists the examples with their first comment line', async ({ expect }) => {
    const { code, stdout } = await stackbrief(['example'])
    expect(code).toBe(0)
    const lines = stdout.trimEnd().split('\n')
    expect(lines.map((l) => l.split(/\s+/)[0])).toEqual(EXAMPLE_NAMES)
    expect(lines).toContain(
      'b2b-saas               A three-person TypeScript team building a scheduling product for agencies.',
    )
  })

  it('prints an example exactly as shipped', async ({ expect }) => {
    expect(await stackbrief(['example', 'b2b-saas'])).toEqual({ code: 0, stdout: EXAMPLE_TEXT, stderr: '' })
  })

  it('lists the names when the example is unknown', async ({ expect }) => {
    const { code, stdout, stderr } = await stackbrief(['example', 'nope'])
    expect(code).toBe(2)
    expect(stdout).toBe('')
    expect(stderr).toBe(`NAME: expected one of ${EXAMPLE_NAMES.join(', ')}, got "nope"\n`)
  })
})

type BadCase = [label: string, args: () => string[], lines: string[]]

const BAD_INPUT: BadCase[] = [
  [
    'missing field',
    () => ['validate', file('missing.yaml', toYaml(variant((d) => delete d.product.shape)))],
    [
      'product.shape: expected one of b2b_saas, consumer, marketplace, internal_tool, api_platform, ecommerce, content_media, data_product, ai_product, iot, got nothing',
    ],
  ],
  [
    'wrong type',
    () => [
      'generate',
      file(
        'wrong-type.json',
        JSON.stringify(
          variant((d) => {
            d.team.engineers = 'three'
          }),
        ),
      ),
    ],
    ['team.engineers: expected a number, got "three"'],
  ],
  [
    'unknown key',
    () => [
      'validate',
      file(
        'unknown-key.yaml',
        toYaml(
          variant((d) => {
            d.load.peakUsers = 10
          }),
        ),
      ),
    ],
    [
      'load.peakUsers: expected one of the fields activeUsersAtLaunch, activeUsersIn12Months, peakRequestsPerSecond, readWriteProfile, dataVolumeGbIn12Months, longestTaskSeconds, scheduledWork, fanOut, needsRetries, got the unknown field "peakUsers"',
    ],
  ],
  [
    'bad enum and several problems at once',
    () => [
      'generate',
      file(
        'bad-enum.yaml',
        toYaml(
          variant((d) => {
            d.product.sellsTo = 'aliens'
            d.product.clients = ['web', 'fax']
            d.budget.monthlyInfraUsd = -5
          }),
        ),
      ),
      '--format',
      'md',
    ],
    [
      'product.sellsTo: expected one of individuals, organizations, both, got "aliens"',
      'product.clients[1]: expected one of web, mobile, public_api, partner_integrations, got "fax"',
      'budget.monthlyInfraUsd: expected a number of at least 0, got -5',
    ],
  ],
  [
    'bad YAML, with line and column',
    () => ['validate', file('bad.yaml', 'version: 1\nproduct:\n  name: "Shiftwise\n  shape: b2b_saas\n')],
    [],
  ],
  [
    'bad JSON, with line and column',
    () => ['generate', file('bad.json', '{\n  "version": 1,\n  "product": { "name": "x", }\n}\n')],
    [],
  ],
  [
    'missing file',
    () => ['generate', join(DIR, 'no-such-answers.yaml')],
    [`${join(DIR, 'no-such-answers.yaml')}: expected an answers file that exists, got no such file`],
  ],
  ['a folder', () => ['validate', DIR], [`${DIR}: expected an answers file, got a folder`]],
  ['empty file', () => ['validate', file('empty.yaml', '\n')], []],
  [
    'unknown command',
    () => ['frobnicate'],
    [
      'command: expected one of generate, validate, diff, check, adr, example, migrate, workspaces, export, import, backup, got "frobnicate"',
      'Run "stackbrief --help" for usage.',
    ],
  ],
  [
    'unknown flag',
    () => ['generate', EXAMPLE, '--colour', 'blue'],
    [
      '--colour: expected one of --format, --out, --page-size, --prepared-by, --client, --date, --base-url, --help, got an unknown flag',
    ],
  ],
  [
    'bad --format',
    () => ['generate', EXAMPLE, '--format', 'docx'],
    ['--format: expected one of json, md, pdf, adr, radar-csv, radar-json, got "docx"'],
  ],
  [
    '--format without a value',
    () => ['generate', EXAMPLE, '--format'],
    ['--format: expected a value (json|md|pdf|adr|radar-csv|radar-json), got nothing'],
  ],
  [
    'missing FILE',
    () => ['validate'],
    ['FILE: expected a path to an answers file (JSON or YAML), or - for standard input, got nothing'],
  ],
  [
    'extra argument',
    () => ['validate', EXAMPLE, 'more.yaml'],
    ['argument: expected at most 1 (FILE), got "more.yaml"'],
  ],
  ['a flag before the command', () => ['--format', 'md'], []],
]

describe.concurrent('bad input exits 2 and lists every problem as "path: expected …, got …"', SLOW, () => {
  it.for(BAD_INPUT)('%s', async ([, args, lines], { expect }) => {
    const { code, stdout, stderr } = await stackbrief(args())
    expect(code).toBe(2)
    expect(stdout).toBe('')
    const printed = stderr.trimEnd().split('\n')
    for (const line of lines) expect(printed).toContain(line)
    for (const line of printed.filter((l) => !l.startsWith('Run "stackbrief'))) {
      expect(line).toMatch(/^\S.*: expected .+, got .+$/)
    }
    expect(stderr).not.toMatch(/\n\s+at /)
  })

  it('points at the line and column of bad YAML and bad JSON', async ({ expect }) => {
    const yaml = await stackbrief(['validate', file('bad-2.yaml', 'version: 1\nproduct: [unclosed\n')])
    expect(yaml.stderr).toMatch(/bad-2\.yaml:\d+:\d+: expected valid YAML, got a syntax error \(.+\)\n/)
    const json = await stackbrief([
      'validate',
      file('bad-2.json', '{\n  "version": 1,\n  "product": { "name": "x", }\n}\n'),
    ])
    expect(json.stderr).toBe(`${join(DIR, 'bad-2.json')}:3:29: expected a field name in double quotes, got "}"\n`)
  })

  it('reports a file that cannot be written with --out', async ({ expect }) => {
    const blocker = file('blocker', 'a file, not a folder')
    const { code, stderr } = await stackbrief(['generate', EXAMPLE, '--out', join(blocker, 'brief.json')])
    expect(code).toBe(2)
    expect(stderr).toMatch(
      /^--out: expected a file path that can be written \(.+\), got a path that runs through a file\n$/,
    )
  })
})

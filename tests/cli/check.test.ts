import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, it } from 'vitest'
import { parse as parseYaml, stringify as toYaml } from 'yaml'
import { loadCatalog } from '#app/catalog.server.ts'
import { AnswersSchema } from '#app/engine/answers.ts'
import { generateBrief } from '#app/engine/generate.ts'
import { TriggerEvaluationSchema } from '#app/engine/signals.ts'
import { ROOT, stackbrief } from './helpers.ts'

const EXAMPLE = join(ROOT, 'content/examples/b2b-saas.yaml')
const ANSWERS = AnswersSchema.parse(parseYaml(readFileSync(EXAMPLE, 'utf8')))
const BRIEF = generateBrief(ANSWERS, loadCatalog())
const DIR = mkdtempSync(join(tmpdir(), 'stackbrief-check-'))
afterAll(() => rmSync(DIR, { recursive: true, force: true }))

function file(name: string, text: string): string {
  const path = join(DIR, name)
  writeFileSync(path, text)
  return path
}

const FIRED = { measuredAt: '2026-05-01', engineers: 16, p95LatencyMs: { value: 0.45, unit: 's' } }
const CALM = { measuredAt: '2026-05-01', engineers: 5, monthlyInfraUsd: { value: 12_000, unit: 'cents' } }
const firedYaml = file('fired.yaml', toYaml(FIRED))
const calmJson = file('calm.json', JSON.stringify(CALM))
const briefJson = file('brief.json', JSON.stringify(BRIEF))
const revisionJson = file('revision.json', JSON.stringify({ answers: ANSWERS, brief: BRIEF }))

const SLOW = { timeout: 90_000 }

describe.concurrent('stackbrief check', SLOW, () => {
  it('exits 3 when a trigger fired, and prints the table with the step to take', async ({ expect }) => {
    const { code, stdout, stderr } = await stackbrief(['check', firedYaml, '--brief', EXAMPLE])
    expect(stderr).toBe('')
    expect(code).toBe(3)
    const lines = stdout.split('\n')
    expect(lines[0]).toBe('Check-in of 2026-05-01 against "Shiftwise"')
    expect(lines[2]).toMatch(/^TRIGGER +METRIC +OBSERVED +THRESHOLD +STATUS +STEP$/)
    expect(lines).toContainEqual(
      expect.stringMatching(
        /^team_outgrows_one_service +engineers +16 engineers +> 15 engineers +FIRED +Extract one service at a time.*\(guide: \/guides\/migration-triggers\)$/,
      ),
    )
    expect(lines).toContainEqual(
      expect.stringMatching(
        /^hot_path_slow_after_rightsizing +p95_latency_ms +450 ms +>= 500 ms +approaching +Work through/,
      ),
    )
    expect(lines).toContainEqual(
      expect.stringMatching(/^warehouse_justified +db_size_gb +not measured +>= 100 GB +ok +–$/),
    )
    expect(stdout.endsWith('1 fired, 2 approaching, 6 ok (7 not measured, status as in the brief)\n')).toBe(true)
  })

  it('exits 0 when nothing fired, from JSON signals and a Brief JSON', async ({ expect }) => {
    const { code, stdout, stderr } = await stackbrief(['check', calmJson, '--brief', briefJson])
    expect(stderr).toBe('')
    expect(code).toBe(0)
    expect(stdout).toMatch(/^spend_over_budget +monthly_infra_usd +\$120\/month +> \$400\/month +ok +–$/m)
  })

  it('keeps exit 3 with --format json, and prints every trigger of the brief', async ({ expect }) => {
    const { code, stdout } = await stackbrief(['check', firedYaml, '--brief', revisionJson, '--format', 'json'])
    expect(code).toBe(3)
    const body = JSON.parse(stdout)
    expect(body.measuredAt).toBe('2026-05-01')
    expect(body.counts).toEqual({ fired: 1, approaching: 2, ok: 6, notMeasured: 7 })
    const triggers = body.triggers.map((t: unknown) => TriggerEvaluationSchema.parse(t))
    expect(triggers.map((t: { id: string }) => t.id)).toEqual(BRIEF.triggers.map((t) => t.id))
    expect(triggers.find((t: { id: string }) => t.id === 'hot_path_slow_after_rightsizing')).toMatchObject({
      observed: 450,
      unit: 'ms',
      status: 'approaching',
      source: 'check_in',
    })
  })

  it('reads the signals from standard input', async ({ expect }) => {
    const { code, stdout } = await stackbrief(['check', '-', '--brief', EXAMPLE], { input: toYaml(FIRED) })
    expect(code).toBe(3)
    expect(stdout).toContain('FIRED')
  })

  it('says which figures no trigger of the brief reads', async ({ expect }) => {
    const path = file('extra.yaml', toYaml({ measuredAt: '2026-05-01', engineers: 3, errorRatePercent: 0.4 }))
    const { code, stdout } = await stackbrief(['check', path, '--brief', EXAMPLE])
    expect(code).toBe(0)
    expect(stdout).toContain('\nNot used by any trigger of this brief: errorRatePercent\n')
  })

  it('documents exit status 3 in --help', async ({ expect }) => {
    const { code, stdout } = await stackbrief(['check', '--help'])
    expect(code).toBe(0)
    expect(stdout.startsWith('Usage: stackbrief check SIGNALS [--brief PATH] [--format text|json]\n')).toBe(true)
    expect(stdout).toContain('Exit status: 0 when no trigger fired; 3 when at least one fired; 2 on bad input')
  })
})

describe.concurrent('stackbrief check: bad input exits 2 with path, expected and got', SLOW, () => {
  it.for([
    [
      'an unknown unit',
      { measuredAt: '2026-05-01', p95LatencyMs: { value: 3, unit: 'min' } },
      'p95LatencyMs.unit: expected one of ms, s, got "min"\n',
    ],
    [
      'a ratio above one',
      { measuredAt: '2026-05-01', dbCpuPercent: { value: 70, unit: 'ratio' } },
      'dbCpuPercent.value: expected a number from 0 to 1 (ratio), got 70\n',
    ],
    [
      'a misspelt figure',
      { measuredAt: '2026-05-01', engineer: 3 },
      'engineer: expected one of the fields measuredAt, activeUsers, ',
    ],
    [
      'a bad date',
      { measuredAt: '2026-13-01', engineers: 3 },
      'measuredAt: expected a calendar date as YYYY-MM-DD, got "2026-13-01"\n',
    ],
    ['no figures', { measuredAt: '2026-05-01' }, '(top level): expected at least one figure besides measuredAt'],
  ] as const)('%s', async ([name, signals, first], { expect }) => {
    const path = file(`${name.replace(/\W+/g, '-')}.yaml`, toYaml(signals))
    const { code, stdout, stderr } = await stackbrief(['check', path, '--brief', EXAMPLE])
    expect(code).toBe(2)
    expect(stdout).toBe('')
    expect(stderr.startsWith(first)).toBe(true)
  })

  it.for([
    [
      'a missing --brief',
      () => ['check', firedYaml],
      '--brief: expected a path to the answers, brief or revision to check against, got nothing\n',
    ],
    [
      '--brief without a value',
      () => ['check', firedYaml, '--brief'],
      '--brief: expected a value (PATH), got nothing\n',
    ],
    [
      'a missing signals file',
      () => ['check', join(DIR, 'none.yaml'), '--brief', EXAMPLE],
      `${join(DIR, 'none.yaml')}: expected a signals file that exists, got no such file\n`,
    ],
    [
      'standard input twice',
      () => ['check', '-', '--brief', '-'],
      '--brief: expected a file path (standard input is read for one argument only), got "-"\n',
    ],
    [
      'a bad format',
      () => ['check', firedYaml, '--brief', EXAMPLE, '--format', 'md'],
      '--format: expected one of text, json, got "md"\n',
    ],
  ] as const)('%s', async ([, args, first], { expect }) => {
    const { code, stderr } = await stackbrief(args())
    expect(code).toBe(2)
    expect(stderr.startsWith(first)).toBe(true)
  })
})

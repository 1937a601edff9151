import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, it } from 'vitest'
import { parse as parseYaml, stringify as toYaml } from 'yaml'
import { parseRecords } from '#app/export/adr/parse.ts'
import { parseCsv, RADAR_COLUMNS } from '#app/export/radar.ts'
import { ROOT, stackbrief } from './helpers.ts'

const EXAMPLE = join(ROOT, 'content/examples/b2b-saas.yaml')
const EXAMPLE_DATA = parseYaml(readFileSync(EXAMPLE, 'utf8')) as Record<string, Record<string, unknown>>
const TMP = mkdtempSync(join(tmpdir(), 'stackbrief-adr-'))
afterAll(() => rmSync(TMP, { recursive: true, force: true }))

// Each case starts real processes; on a busy machine that takes seconds, not milliseconds.
const SLOW = { timeout: 120_000 }

let counter = 0
function folder(files: Record<string, string> = {}): string {
  const dir = join(TMP, `case-${++counter}`)
  mkdirSync(dir, { recursive: true })
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true })
    writeFileSync(join(dir, path), content)
  }
  return dir
}

function answersFile(change?: (d: Record<string, Record<string, unknown>>) => void): string {
  const data = structuredClone(EXAMPLE_DATA)
  change?.(data)
  const path = join(TMP, `answers-${++counter}.yaml`)
  writeFileSync(path, toYaml(data))
  return path
}

function read(dir: string) {
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.md'))
    .map((path) => ({ path, content: readFileSync(join(dir, path), 'utf8') }))
  return { names: readdirSync(dir).sort(), records: parseRecords(files) }
}

const nygard = (n: number, title: string) =>
  `# ${n}. ${title}\n\nDate: 2024-01-0${n}\n\n## Status\n\nAccepted\n\n## Context\n\nWhy.\n\n## Decision\n\nWhat.\n\n## Consequences\n\nThen.\n`
const log4brainsRecord = (title: string) =>
  `# ${title}\n\n- Status: accepted\n- Deciders: Ana\n- Date: 2024-02-01\n- Tags: ops\n\n## Context and Problem Statement\n\nWhy.\n`
const madrRecord = (title: string) =>
  `---\nstatus: accepted\ndate: 2024-03-01\n---\n\n# ${title}\n\n## Context and Problem Statement\n\nWhy.\n`

describe.concurrent('stackbrief adr --into', SLOW, () => {
  it('continues a MADR folder under docs/decisions/ and rewrites its index', async ({ expect }) => {
    const dir = folder({
      'docs/decisions/0001-use-madr.md': madrRecord('Use MADR'),
      'docs/decisions/0002-pick-a-cloud.md': madrRecord('Pick a cloud'),
      'docs/decisions/0007-later-one.md': madrRecord('A later one'),
    })
    const { code, stdout, stderr } = await stackbrief(['adr', EXAMPLE, '--into', dir, '--date', '2025-03-01'])
    expect(stderr).toBe('')
    expect(code).toBe(0)
    expect(stdout).toMatch(/^MADR records in .*docs\/decisions \(docs\/decisions\/\)\n/)
    const { names, records } = read(join(dir, 'docs/decisions'))
    expect(names.slice(0, 3)).toEqual(['0001-use-madr.md', '0002-pick-a-cloud.md', '0007-later-one.md'])
    expect(names).toContain('index.md')
    const numbers = records.map((r) => r.number)
    expect(new Set(numbers).size).toBe(numbers.length)
    const ours = records.filter((r) => r.area !== null)
    expect(ours[0].number).toBe(8)
    expect(ours.map((r) => r.number)).toEqual(ours.map((_, i) => 8 + i))
    expect(readFileSync(join(dir, 'docs/decisions/0001-use-madr.md'), 'utf8')).toBe(madrRecord('Use MADR'))
    const index = readFileSync(join(dir, 'docs/decisions/index.md'), 'utf8')
    expect(index).toContain('| 0001 | [Use MADR](0001-use-madr.md) | accepted | 2024-03-01 |')
    expect(index).toContain(`| 0008 | [${ours[0].title}](${ours[0].path}) | accepted | 2025-03-01 |`)
  })

  it('links the guides under --base-url', async ({ expect }) => {
    const dir = folder({ 'docs/decisions/0001-use-madr.md': madrRecord('Use MADR') })
    const args = ['adr', EXAMPLE, '--into', dir, '--date', '2025-03-01', '--base-url', 'https://briefs.example.com']
    const { code, stderr } = await stackbrief(args)
    expect(stderr).toBe('')
    expect(code).toBe(0)
    const { records } = read(join(dir, 'docs/decisions'))
    expect(records.find((r) => r.area !== null)?.content).toMatch(
      /^Guide: \[[^\]]+\]\(https:\/\/briefs\.example\.com\/guides\/[a-z-]+\)$/m,
    )
  })

  it('continues an adr-tools folder named by .adr-dir, in the Nygard template', async ({ expect }) => {
    const dir = folder({
      '.adr-dir': 'doc/architecture/decisions\n',
      'doc/architecture/decisions/0001-record-architecture-decisions.md': nygard(1, 'Record architecture decisions'),
      'doc/architecture/decisions/0002-use-go.md': nygard(2, 'Use Go'),
    })
    const { code, stdout } = await stackbrief(['adr', EXAMPLE, '--into', dir, '--date', '2025-03-01'])
    expect(code).toBe(0)
    expect(stdout).toContain('adr-tools records in')
    expect(stdout).toContain('(.adr-dir)')
    const { names, records } = read(join(dir, 'doc/architecture/decisions'))
    expect(names).not.toContain('index.md')
    expect(records.map((r) => r.number)).toEqual(records.map((_, i) => i + 1))
    expect(records.every((r) => r.style === 'adr-tools')).toBe(true)
    const third = records[2]
    expect(third.headings).toEqual([`# 3. ${third.title}`, '## Status', '## Context', '## Decision', '## Consequences'])
    expect(third.content).toContain('\nDate: 2025-03-01\n')
    expect(readFileSync(join(dir, 'doc/architecture/decisions/0002-use-go.md'), 'utf8')).toBe(nygard(2, 'Use Go'))
  })

  it('writes Log4brains records into the adrFolder of .log4brains.yml, named by date', async ({ expect }) => {
    const dir = folder({
      '.log4brains.yml': '---\nproject:\n  name: demo\n  adrFolder: ./architecture/adr\n',
      'architecture/adr/20240201-use-log4brains.md': log4brainsRecord('Use Log4brains'),
      'architecture/adr/template.md': '# [short title]\n',
    })
    const { code, stdout } = await stackbrief(['adr', EXAMPLE, '--into', dir, '--date', '2025-03-01'])
    expect(code).toBe(0)
    expect(stdout).toContain('Log4brains records in')
    const { names, records } = read(join(dir, 'architecture/adr'))
    expect(names).toContain('20240201-use-log4brains.md')
    expect(names).toContain('template.md')
    expect(names).not.toContain('index.md')
    const ours = records.filter((r) => r.area !== null)
    expect(ours.length).toBeGreaterThan(10)
    for (const r of ours) {
      expect(r.path).toMatch(/^20250301-[a-z0-9-]+\.md$/)
      expect(r.style).toBe('log4brains')
      expect(['accepted', 'proposed']).toContain(r.status)
    }
  })

  it('detects the convention of records in the folder itself', async ({ expect }) => {
    const dir = folder({
      '0001-record-architecture-decisions.md': nygard(1, 'Record architecture decisions'),
      '0004-use-go.md': nygard(4, 'Use Go'),
    })
    const { code, stdout } = await stackbrief(['adr', EXAMPLE, '--into', dir, '--date', '2025-03-01'])
    expect(code).toBe(0)
    expect(stdout).toContain('adr-tools records in')
    const { records } = read(dir)
    expect(records.map((r) => r.number).slice(0, 3)).toEqual([1, 4, 5])
  })

  it('starts a new MADR folder in an empty one, and docs/decisions/ in a repository without records', async ({
    expect,
  }) => {
    const empty = folder()
    const repo = folder({ 'package.json': '{}\n', 'README.md': '# Repo\n' })
    const missing = join(TMP, `missing-${++counter}`, 'decisions')
    const [a, b, c] = await Promise.all([
      stackbrief(['adr', EXAMPLE, '--into', empty, '--date', '2025-03-01']),
      stackbrief(['adr', EXAMPLE, '--into', repo, '--date', '2025-03-01']),
      stackbrief(['adr', EXAMPLE, '--into', missing, '--date', '2025-03-01']),
    ])
    expect([a.code, b.code, c.code]).toEqual([0, 0, 0])
    expect(read(empty).names[0]).toMatch(/^0001-/)
    expect(existsSync(join(repo, 'docs/decisions/index.md'))).toBe(true)
    expect(readFileSync(join(repo, 'README.md'), 'utf8')).toBe('# Repo\n')
    expect(read(missing).names).toContain('index.md')
  })

  it('supersedes a changed decision on the next run and leaves the rest alone; a third run writes nothing', async ({
    expect,
  }) => {
    const dir = folder()
    const first = await stackbrief(['adr', EXAMPLE, '--into', dir, '--date', '2025-03-01'])
    expect(first.code).toBe(0)
    const before = read(dir)
    const changed = answersFile((d) => {
      d.load.longestTaskSeconds = 120
    })
    const second = await stackbrief(['adr', changed, '--into', dir, '--date', '2025-04-01'])
    expect(second.code).toBe(0)
    expect(second.stdout).toMatch(/ {2}wrote {7}0019-background-jobs-a-job-queue-amazon-sqs\.md {2}/)
    expect(second.stdout).toMatch(/ {2}superseded {2}0009-[a-z-]+\.md {2}by 0019-/)
    expect(second.stdout).toContain('  unchanged   17 records\n')
    const after = read(dir)
    expect(after.names.length).toBe(before.names.length + 1)
    const old = after.records.find((r) => r.number === 9)
    const fresh = after.records.find((r) => r.number === 19)
    expect(old?.status).toBe('superseded by ADR-0019')
    expect(fresh?.revision).toBe(2)
    expect(fresh?.briefId).toBe(old?.briefId)
    expect(parseYaml(fresh?.content.split('---')[1] ?? '')).toMatchObject({ supersedes: 'ADR-0009' })
    for (const r of before.records.filter((x) => x.number !== 9)) {
      expect(after.records.find((x) => x.path === r.path)?.content).toBe(r.content)
    }
    const third = await stackbrief(['adr', changed, '--into', dir, '--date', '2025-05-01'])
    expect(third.stdout).toContain('nothing to write')
    expect(read(dir).names).toEqual(after.names)
  })

  it('starts numbering at --start, and refuses a --start that would collide', async ({ expect }) => {
    const dir = folder({ 'docs/decisions/0003-x.md': madrRecord('X') })
    const bad = await stackbrief(['adr', EXAMPLE, '--into', dir, '--start', '3'])
    expect(bad.code).toBe(2)
    expect(bad.stderr).toMatch(
      /^--start: expected a number above 0003, the highest record in .*docs\/decisions, got 3\n$/,
    )
    expect(read(join(dir, 'docs/decisions')).names).toEqual(['0003-x.md'])
    const good = await stackbrief(['adr', EXAMPLE, '--into', dir, '--start', '20', '--date', '2025-03-01'])
    expect(good.code).toBe(0)
    expect(read(join(dir, 'docs/decisions')).names[1]).toMatch(/^0020-/)
  })

  it('reads a Brief JSON, told apart by its schemaVersion', async ({ expect }) => {
    const brief = await stackbrief(['generate', EXAMPLE])
    const briefFile = join(TMP, `brief-${++counter}.json`)
    writeFileSync(briefFile, brief.stdout)
    const dir = folder()
    const { code } = await stackbrief(['adr', briefFile, '--into', dir, '--date', '2025-03-01'])
    expect(code).toBe(0)
    const first = read(dir).records[0]
    expect(first.content).toContain(JSON.parse(brief.stdout).summary.slice(0, 30))
    expect(first.area).toBe('repo')
  })

  it.for([
    [['--date', '2025-02-30'], '--date: expected a date as YYYY-MM-DD, got "2025-02-30"'],
    [['--start', 'ten'], '--start: expected a whole number from 1 to 9999, got "ten"'],
    [['--style', 'nygard'], '--style: expected one of madr, adr-tools, log4brains, got "nygard"'],
  ] as const)('exits 2 for %j', async ([args, message], { expect }) => {
    const { code, stderr } = await stackbrief(['adr', EXAMPLE, '--into', folder(), ...args])
    expect(code).toBe(2)
    expect(stderr.split('\n')[0]).toBe(message)
  })

  it('exits 2 without --into, and for a --style the folder contradicts', async ({ expect }) => {
    const missing = await stackbrief(['adr', EXAMPLE])
    expect(missing.code).toBe(2)
    expect(missing.stderr).toContain('--into: expected a folder to write the records into (--into DIR), got nothing')
    const dir = folder({ '.adr-dir': 'doc/adr\n' })
    const clash = await stackbrief(['adr', EXAMPLE, '--into', dir, '--style', 'madr'])
    expect(clash.code).toBe(2)
    expect(clash.stderr).toContain('--style: expected adr-tools (the convention there: .adr-dir), got "madr"')
  })

  it('exits 2 for a bad answers file, naming the field', async ({ expect }) => {
    const bad = answersFile((d) => {
      d.product.shape = 'saas'
    })
    const { code, stderr } = await stackbrief(['adr', bad, '--into', folder()])
    expect(code).toBe(2)
    expect(stderr).toMatch(/^product\.shape: expected one of b2b_saas, /)
  })

  it('shows adr in the command list and its own help', async ({ expect }) => {
    const [top, help] = await Promise.all([stackbrief(['--help']), stackbrief(['adr', '--help'])])
    expect(top.stdout).toMatch(/\n {2}adr FILE +Write decision records into a folder, continuing its numbering\n/)
    expect(help.code).toBe(0)
    expect(help.stdout.split('\n')[0]).toBe(
      'Usage: stackbrief adr FILE [--into DIR] [--date YYYY-MM-DD] [--start N] [--review-by YYYY-MM-DD] [--style madr|adr-tools|log4brains] [--base-url URL]',
    )
  })
})

describe.concurrent('stackbrief generate --format adr|radar-csv|radar-json', SLOW, () => {
  it('writes records into the --out folder', async ({ expect }) => {
    const dir = folder()
    const { code, stdout } = await stackbrief(['generate', EXAMPLE, '--format', 'adr', '--out', dir])
    expect(code).toBe(0)
    expect(stdout).toContain('MADR records in')
    expect(read(dir).records.filter((r) => r.area !== null).length).toBeGreaterThan(10)
  })

  it('needs --out for adr', async ({ expect }) => {
    const { code, stderr } = await stackbrief(['generate', EXAMPLE, '--format', 'adr'])
    expect(code).toBe(2)
    expect(stderr).toContain('--out: expected a folder for the records (required with --format adr), got nothing')
  })

  it('prints the radar as CSV and as JSON', async ({ expect }) => {
    const [csv, json] = await Promise.all([
      stackbrief(['generate', EXAMPLE, '--format', 'radar-csv']),
      stackbrief(['generate', EXAMPLE, '--format', 'radar-json']),
    ])
    expect([csv.code, json.code]).toEqual([0, 0])
    const [head, ...rows] = parseCsv(csv.stdout)
    expect(head).toEqual([...RADAR_COLUMNS])
    const entries = JSON.parse(json.stdout) as Record<string, string>[]
    expect(rows).toEqual(entries.map((e) => RADAR_COLUMNS.map((c) => e[c])))
  })
})

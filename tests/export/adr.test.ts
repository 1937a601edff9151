import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { unzipSync } from 'fflate'
import type { Heading, Html, Root, RootContent } from 'mdast'
import { fromMarkdown } from 'mdast-util-from-markdown'
import { frontmatterFromMarkdown } from 'mdast-util-frontmatter'
import { gfmFromMarkdown } from 'mdast-util-gfm'
import { toString as textOf } from 'mdast-util-to-string'
import { frontmatter } from 'micromark-extension-frontmatter'
import { gfm } from 'micromark-extension-gfm'
import { describe, expect, it } from 'vitest'
import { parseDocument, parse as parseYaml } from 'yaml'
import { loadCatalog } from '#app/catalog.server.ts'
import { type Answers, AnswersSchema } from '#app/engine/answers.ts'
import type { Brief } from '#app/engine/brief.ts'
import { generateBrief } from '#app/engine/generate.ts'
import { exportAdrHistory } from '#app/export/adr/history.ts'
import { parseRecord } from '#app/export/adr/parse.ts'
import { frontMatter, splitFrontMatter, yamlString } from '#app/export/adr/yaml.ts'
import { zipRecords } from '#app/export/adr/zip.ts'
import {
  type AdrFile,
  type AdrOptions,
  type AdrStyle,
  addDays,
  type ExistingRecord,
  exportAdrs,
  parseRecords,
  recordedDecisions,
  slugify,
} from '#app/export/adr.ts'

const ROOT = new URL('../../', import.meta.url).pathname
const EXAMPLES = join(ROOT, 'content/examples')
const GOLDEN = join(ROOT, 'tests/golden/adr')
const EXAMPLE_NAMES = readdirSync(EXAMPLES)
  .filter((f) => f.endsWith('.yaml'))
  .map((f) => f.replace(/\.yaml$/, ''))
  .sort()

const DATE = '2025-01-15'
const BASE: AdrOptions = { date: DATE, reviewBy: addDays(DATE, 90), briefId: 'b_test', revision: 1 }

function exampleData(name: string): Record<string, Record<string, unknown>> {
  return parseYaml(readFileSync(join(EXAMPLES, `${name}.yaml`), 'utf8'))
}

function answersOf(data: unknown): Answers {
  return AnswersSchema.parse(data)
}

function briefOf(answers: Answers): Brief {
  return generateBrief(answers, loadCatalog())
}

/** The b2b-saas example with one change, for a second revision. */
function variant(name: string, change: (data: Record<string, Record<string, unknown>>) => void): Answers {
  const data = structuredClone(exampleData(name))
  change(data)
  return answersOf(data)
}

const example = (name: string) => {
  const answers = answersOf(exampleData(name))
  return { answers, brief: briefOf(answers) }
}

function records(files: readonly AdrFile[]): ExistingRecord[] {
  return parseRecords(files)
}

function tree(content: string): Root {
  return fromMarkdown(content, {
    extensions: [frontmatter(['yaml']), gfm()],
    mdastExtensions: [frontmatterFromMarkdown(['yaml']), gfmFromMarkdown()],
  })
}

function walk(node: Root | RootContent, visit: (n: Root | RootContent) => void): void {
  visit(node)
  if ('children' in node) for (const child of node.children) walk(child, visit)
}

/** Headings (with their marks) and raw HTML as a Markdown parser sees them: what a reader, or a hostile string, ends up with. */
function shape(content: string): { headings: string[]; html: string[] } {
  const out = { headings: [] as string[], html: [] as string[] }
  walk(tree(content), (n) => {
    if (n.type === 'heading') out.headings.push(`${'#'.repeat((n as Heading).depth)} ${textOf(n)}`)
    if (n.type === 'html') out.html.push((n as Html).value)
  })
  return out
}

function headings(content: string): string[] {
  return shape(content).headings
}

/** The front matter as YAML would read it, failing on any YAML error or warning. */
function frontMatterOf(content: string): Record<string, unknown> {
  const split = splitFrontMatter(content)
  expect(split, 'front matter').not.toBeNull()
  const doc = parseDocument(split?.yaml ?? '', { uniqueKeys: true })
  expect(doc.errors).toEqual([])
  expect(doc.warnings).toEqual([])
  return doc.toJS() as Record<string, unknown>
}

const MADR_TOP = [
  '## Context and Problem Statement',
  '## Decision Drivers',
  '## Considered Options',
  '## Decision Outcome',
  '### Consequences',
  '### Confirmation',
  '## Pros and Cons of the Options',
]

function madrHeadings(title: string, options: readonly string[], more: readonly string[] = []): string[] {
  return [`# ${title}`, ...MADR_TOP, ...options.map((o) => `### ${o}`), '## More Information', ...more]
}

describe('MADR export of every example', () => {
  it.each(EXAMPLE_NAMES)('%s: one MADR 4.0 file per adopted or deferred decision, numbered from 0001', (name) => {
    const { answers, brief } = example(name)
    const { files, changes } = exportAdrs(brief, answers, BASE)
    const decisions = recordedDecisions(brief)
    const recordFiles = files.filter((f) => f.path !== 'index.md')

    expect(decisions.length).toBeGreaterThan(10)
    expect(recordFiles.map((f) => f.path)).toEqual(
      decisions.map((d, i) => `${String(i + 1).padStart(4, '0')}-${slugify(`${d.title}: ${d.choice.name}`)}.md`),
    )
    expect(changes.every((c) => c.kind === 'new')).toBe(true)
    for (const [i, d] of decisions.entries()) {
      const file = recordFiles[i]
      expect(file.path).toMatch(/^\d{4}-[a-z0-9]+(-[a-z0-9]+)*\.md$/)
      const fm = frontMatterOf(file.content)
      expect(fm).toEqual({
        status: d.status === 'adopt' ? 'accepted' : 'proposed',
        date: DATE,
        'review-by': '2025-04-15',
        'brief-id': 'b_test',
        'brief-revision': 1,
        'stackbrief-area': d.area,
        'stackbrief-choice': d.choice.id,
        tags: [d.area, d.status === 'adopt' ? 'accepted' : 'proposed'],
      })
      expect(headings(file.content)).toEqual(
        madrHeadings(`${d.title}: ${d.choice.name}`, [d.choice.name, ...d.alternatives.map((a) => a.name)]),
      )
      expect(file.content).toContain(`Chosen option: "${d.choice.name}", because `)
      for (const b of d.because) expect(file.content).toContain(`(\`${b.rule}\`)`)
      for (const id of d.revisitWhen) expect(file.content).toContain(`(\`${id}\`)`)
      // No base URL: the guide is named, with no link that leads nowhere outside the app.
      expect(file.content).toMatch(/^Guide: [^[\]()]+$/m)
      expect(file.content).not.toContain('/guides/')
      expect(file.content).toContain('From brief `b_test`, revision 1')
    }
  })

  it.each(EXAMPLE_NAMES)('%s: no record for an area that is not needed or avoided', (name) => {
    const { answers, brief } = example(name)
    const areas = new Set(records(exportAdrs(brief, answers, BASE).files).map((r) => r.area))
    for (const d of brief.decisions) {
      expect(areas.has(d.area), d.area).toBe(d.choice.id !== 'none' && d.status !== 'avoid')
    }
  })

  it('lists every record in index.md: number, linked title, status, date, as `adr generate toc` would', () => {
    const { answers, brief } = example('b2b-saas')
    const { files } = exportAdrs(brief, answers, BASE)
    const index = files.find((f) => f.path === 'index.md')?.content ?? ''
    const rows = index.split('\n').filter((l) => /^\| \d{4} \|/.test(l))
    const recs = records(files)
    expect(index.split('\n')).toContain('| Number | Title | Status | Date |')
    expect(rows).toEqual(
      recs.map((r) => `| ${String(r.number).padStart(4, '0')} | [${r.title}](${r.path}) | ${r.status} | ${DATE} |`),
    )
  })

  it('continues numbering from startAt and refuses a start at or below a record already there', () => {
    const { answers, brief } = example('b2b-saas')
    const paths = exportAdrs(brief, answers, { ...BASE, startAt: 42 })
      .files.map((f) => f.path)
      .filter((p) => p !== 'index.md')
    expect(paths[0]).toMatch(/^0042-/)
    const previous = [parseRecord('0007-ours.md', '# Our own record\n')]
    expect(() => exportAdrs(brief, answers, { ...BASE, previous, startAt: 7 })).toThrow(/above 0007/)
    expect(exportAdrs(brief, answers, { ...BASE, previous }).files[0].path).toMatch(/^0008-/)
  })

  it.each([
    ['date', { date: '2025-02-30' }],
    ['reviewBy', { reviewBy: '15/01/2025' }],
    ['revision', { revision: 0 }],
  ])('rejects a bad %s', (_name, change) => {
    const { answers, brief } = example('b2b-saas')
    expect(() => exportAdrs(brief, answers, { ...BASE, ...change })).toThrow(RangeError)
  })

  it('is deterministic: the same brief and options give the same bytes', () => {
    const { answers, brief } = example('iot-telemetry')
    expect(exportAdrs(brief, answers, BASE)).toEqual(exportAdrs(structuredClone(brief), answers, BASE))
  })

  it('writes context from the brief summary when only the brief is known', () => {
    const { brief } = example('b2b-saas')
    const file = exportAdrs(brief, null, BASE).files[0]
    expect(file.content).toContain(brief.summary.slice(0, 40))
    expect(headings(file.content)[1]).toBe('## Context and Problem Statement')
  })

  it('links guides to a site when given its origin', () => {
    const { answers, brief } = example('b2b-saas')
    const file = exportAdrs(brief, answers, { ...BASE, guideBaseUrl: 'https://stackbrief.example/' }).files[0]
    expect(file.content).toMatch(/\]\(https:\/\/stackbrief\.example\/guides\/[a-z-]+\)/)
  })
})

describe('superseding across revisions', () => {
  // Revision 2 answers a longest task of 120 s: background jobs move from the Postgres jobs table to a queue.
  const first = example('b2b-saas')
  const secondAnswers = variant('b2b-saas', (d) => {
    d.load.longestTaskSeconds = 120
  })
  // The example keeps data in the EU, and the hosted Redis has no confirmed EU residency: the queue is Amazon SQS.
  const second = { answers: secondAnswers, brief: briefOf(secondAnswers) }
  const jobsBefore = first.brief.decisions.find((d) => d.area === 'jobs')
  const jobsAfter = second.brief.decisions.find((d) => d.area === 'jobs')

  it('has a changed choice to supersede (fixture check)', () => {
    expect(jobsBefore?.choice.id).toBe('postgres_jobs_table')
    expect(jobsAfter?.choice.id).toBe('queue')
  })

  it('writes a new record for the changed choice only, and marks the old one superseded, links both ways', () => {
    const one = exportAdrs(first.brief, first.answers, BASE)
    const before = records(one.files)
    const two = exportAdrs(second.brief, second.answers, {
      ...BASE,
      date: '2025-02-01',
      reviewBy: addDays('2025-02-01', 90),
      revision: 2,
      previous: before,
    })
    const oldJobs = before.find((r) => r.area === 'jobs')
    const top = Math.max(...before.map((r) => r.number ?? 0))
    const newName = `${String(top + 1).padStart(4, '0')}-background-jobs-a-job-queue-amazon-sqs.md`

    // Unchanged decisions are not rewritten: the new record, the old one and the index only.
    expect(two.files.map((f) => f.path)).toEqual([oldJobs?.path, newName, 'index.md'])
    expect(two.changes.filter((c) => c.kind === 'unchanged')).toHaveLength(before.length - 1)

    const newFile = two.files.find((f) => f.path === newName)?.content ?? ''
    const oldFile = two.files.find((f) => f.path === oldJobs?.path)?.content ?? ''
    const oldLabel = `ADR-${String(oldJobs?.number).padStart(4, '0')}`
    const newLabel = `ADR-${String(top + 1).padStart(4, '0')}`

    expect(frontMatterOf(newFile)).toMatchObject({
      status: 'accepted',
      'brief-revision': 2,
      'stackbrief-choice': 'queue',
      supersedes: oldLabel,
    })
    expect(frontMatterOf(oldFile)).toMatchObject({
      status: `superseded by ${newLabel}`,
      'stackbrief-choice': 'postgres_jobs_table',
      tags: ['jobs', 'superseded'],
    })
    expect(newFile).toContain(`Supersedes [${oldLabel}](${oldJobs?.path})`)
    expect(oldFile).toContain(`Superseded by [${newLabel}](${newName})`)
    // The old record keeps its MADR shape; the link sits in More Information.
    expect(headings(oldFile)).toEqual(headings(one.files.find((f) => f.path === oldJobs?.path)?.content ?? ''))
    const oldMore = oldFile.slice(oldFile.indexOf('## More Information'))
    expect(oldMore).toContain(`Superseded by [${newLabel}]`)

    const index = two.files.find((f) => f.path === 'index.md')?.content ?? ''
    expect(index).toContain(`| superseded by ${newLabel} | ${DATE} |`)
    expect(index).toContain(`](${newName}) | accepted | 2025-02-01 |`)

    // Parsed back, the folder has one standing jobs record: the new one.
    const folder = new Map(one.files.map((f) => [f.path, f.content]))
    for (const f of two.files) folder.set(f.path, f.content)
    const after = records([...folder].map(([path, content]) => ({ path, content })))
    const standing = after.filter((r) => r.area === 'jobs' && r.statusWord !== 'superseded')
    expect(standing.map((r) => r.path)).toEqual([newName])
  })

  it('writes nothing when nothing changed', () => {
    const one = exportAdrs(first.brief, first.answers, BASE)
    const again = exportAdrs(first.brief, first.answers, { ...BASE, revision: 2, previous: records(one.files) })
    expect(again.files).toEqual([])
    expect(again.changes.every((c) => c.kind === 'unchanged')).toBe(true)
  })

  it('keeps a record written from a later revision of the same brief', () => {
    const two = exportAdrs(second.brief, second.answers, { ...BASE, revision: 5 })
    const back = exportAdrs(first.brief, first.answers, { ...BASE, revision: 4, previous: records(two.files) })
    expect(back.changes.find((c) => c.area === 'jobs')?.kind).toBe('kept')
    expect(back.files).toEqual([])
  })

  it('marks a record deprecated when its area no longer needs a decision', () => {
    const without = variant('b2b-saas', (d) => {
      d.data.kinds = (d.data.kinds as string[]).filter((k) => k !== 'search')
    })
    const one = exportAdrs(first.brief, first.answers, BASE)
    const searchRecord = records(one.files).find((r) => r.area === 'search')
    expect(searchRecord).toBeDefined()
    const two = exportAdrs(briefOf(without), without, { ...BASE, revision: 2, previous: records(one.files) })
    const rewritten = two.files.find((f) => f.path === searchRecord?.path)?.content ?? ''
    expect(frontMatterOf(rewritten)).toMatchObject({ status: 'deprecated', tags: ['search', 'deprecated'] })
    expect(rewritten).toContain('no longer records a decision here (not needed)')
  })

  it('supersedes a proposed record when the deferred choice is adopted', () => {
    const { answers, brief } = example('b2b-saas')
    const one = exportAdrs(brief, answers, BASE)
    const cache = records(one.files).find((r) => r.area === 'cache')
    expect(cache?.statusWord).toBe('proposed')
    const adopted: Brief = {
      ...brief,
      decisions: brief.decisions.map((d) => (d.area === 'cache' ? { ...d, status: 'adopt' } : d)),
    }
    const two = exportAdrs(adopted, answers, { ...BASE, revision: 2, previous: records(one.files) })
    expect(two.changes.filter((c) => c.kind !== 'unchanged').map((c) => [c.area, c.kind])).toEqual([
      ['cache', 'new'],
      ['cache', 'superseded'],
    ])
  })

  it('chains the history of several revisions, each superseding the one before', () => {
    const third = variant('b2b-saas', (d) => {
      d.load.longestTaskSeconds = 2
    })
    const files = exportAdrHistory(
      [
        { brief: second.brief, answers: second.answers, revision: 2, date: '2025-02-01' },
        { brief: first.brief, answers: first.answers, revision: 1, date: '2025-01-15' },
        { brief: briefOf(third), answers: third, revision: 3, date: '2025-03-01' },
      ],
      { briefId: 'b_test' },
    )
    const jobs = records(files).filter((r) => r.area === 'jobs')
    expect(jobs.map((r) => [r.choice, r.statusWord, r.revision])).toEqual([
      ['postgres_jobs_table', 'superseded', 1],
      ['queue', 'superseded', 2],
      ['postgres_jobs_table', 'accepted', 3],
    ])
    expect(jobs[0].status).toBe(`superseded by ADR-${String(jobs[1].number).padStart(4, '0')}`)
    expect(jobs[1].status).toBe(`superseded by ADR-${String(jobs[2].number).padStart(4, '0')}`)
    expect(frontMatterOf(jobs[2].content).supersedes).toBe(`ADR-${String(jobs[1].number).padStart(4, '0')}`)
  })
})

const HOSTILE_NAMES = [
  'Acme "Quotes" Inc',
  "O'Brien: the app",
  'Line one\nstatus: rejected\n---\n# Injected heading',
  '---',
  '# Not a heading',
  '<script>alert(1)</script>',
  '<b>Bold</b> & <img src=x onerror=alert(1)>',
  'Pipe | table | breaker',
  '*stars* _under_ `ticks` [link](http://x) ![img](http://y)',
  'key: value # comment',
  '- list item',
  '1. numbered',
  '> quote',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a literal placeholder is the hostile value.
  '{{template}} ${injection} %s',
  'Tab\there\u2028and\u0085next\u202eevil',
  'Ünïcödé 名前 🚀',
]

describe('hostile product names', () => {
  const styles: AdrStyle[] = ['madr', 'adr-tools', 'log4brains']

  it.each(HOSTILE_NAMES.flatMap((name) => styles.map((style) => [style, name] as const)))(
    '%s with the product name %j keeps valid front matter and Markdown',
    (style, name) => {
      const answers = variant('b2b-saas', (d) => {
        d.product.name = name
        d.product.summary = `${name} must prove ${name}`
      })
      const brief = briefOf(answers)
      const { files } = exportAdrs(brief, answers, { ...BASE, style, briefId: name, deciders: [name] })
      expect(files.length).toBeGreaterThan(10)
      for (const f of files.filter((x) => x.path !== 'index.md')) {
        const rec = parseRecord(f.path, f.content)
        expect(rec.style).toBe(style)
        expect(rec.briefId).toBe(name)
        expect(rec.area).not.toBeNull()
        if (style === 'madr') {
          const fm = frontMatterOf(f.content)
          expect(fm['brief-id']).toBe(name)
          expect(fm['decision-makers']).toEqual([name])
          expect(Object.keys(fm)).toEqual([
            'status',
            'date',
            'decision-makers',
            'review-by',
            'brief-id',
            'brief-revision',
            'stackbrief-area',
            'stackbrief-choice',
            'tags',
          ])
        } else {
          expect(splitFrontMatter(f.content)).toBeNull()
        }
        // The product's words never make a heading, a rule line or raw HTML.
        const { headings: hs, html } = shape(f.content)
        expect(hs.filter((h) => /Injected|Not a heading/.test(h))).toEqual([])
        expect(hs[0]).toMatch(/^# /)
        expect(html).toEqual(style === 'madr' ? [] : [expect.stringMatching(/^<!-- stackbrief-area: [a-z_]+;/)])
        const lines = f.content.split('\n')
        const rules = lines.filter((l) => /^(---|\*\*\*|___)\s*$/.test(l))
        expect(rules).toHaveLength(style === 'madr' ? 2 : 0)
      }
    },
  )

  it.each(HOSTILE_NAMES)('yamlString(%j) reads back as the same string', (value) => {
    const text = frontMatter([
      ['brief-id', value],
      ['tags', [value, 'x']],
    ])
    const split = splitFrontMatter(`${text}\n`)
    expect(parseYaml(split?.yaml ?? '')).toEqual({ 'brief-id': value, tags: [value, 'x'] })
    expect(yamlString(value)).not.toMatch(/\n/)
  })
})

describe('the three conventions', () => {
  const { answers, brief } = example('b2b-saas')
  const decisions = recordedDecisions(brief)

  it('adr-tools: Nygard template, `# N. Title`, Date line, Status/Context/Decision/Consequences, NNNN-slug.md', () => {
    const { files } = exportAdrs(brief, answers, { ...BASE, style: 'adr-tools', startAt: 3 })
    expect(files.some((f) => f.path === 'index.md')).toBe(false)
    for (const [i, f] of files.entries()) {
      const d = decisions[i]
      expect(f.path).toBe(`${String(i + 3).padStart(4, '0')}-${slugify(`${d.title}: ${d.choice.name}`)}.md`)
      expect(headings(f.content)).toEqual([
        `# ${i + 3}. ${d.title}: ${d.choice.name}`,
        '## Status',
        '## Context',
        '## Decision',
        '## Consequences',
      ])
      expect(f.content.split('\n')[2]).toBe(`Date: ${DATE}`)
      const rec = parseRecord(f.path, f.content)
      expect([rec.style, rec.number, rec.status, rec.area, rec.choice, rec.revision]).toEqual([
        'adr-tools',
        i + 3,
        d.status === 'adopt' ? 'Accepted' : 'Proposed',
        d.area,
        d.choice.id,
        1,
      ])
    }
  })

  it('Log4brains: bullet metadata under the title, YYYYMMDD-slug.md, only status words every tool reads', () => {
    const { files } = exportAdrs(brief, answers, { ...BASE, style: 'log4brains', deciders: ['Ana', 'Bo'] })
    expect(files.some((f) => f.path === 'index.md')).toBe(false)
    for (const [i, f] of files.entries()) {
      const d = decisions.find((x) => f.path === `20250115-${slugify(`${x.title}: ${x.choice.name}`)}.md`)
      expect(d, f.path).toBeDefined()
      const lines = f.content.split('\n')
      const status = d?.status === 'adopt' ? 'accepted' : 'proposed'
      expect(lines.slice(0, 7)).toEqual([
        `# ${d?.title}: ${d?.choice.name}`,
        '',
        `- Status: ${status}`,
        '- Deciders: Ana, Bo',
        `- Date: ${DATE}`,
        `- Tags: ${d?.area}, ${status}`,
        '',
      ])
      expect(headings(f.content)).toEqual(
        madrHeadings(`${d?.title}: ${d?.choice.name}`, [
          d?.choice.name ?? '',
          ...(d?.alternatives.map((a) => a.name) ?? []),
        ]),
      )
      expect(parseRecord(f.path, f.content)).toMatchObject({ style: 'log4brains', number: null, area: d?.area })
      expect(i).toBeLessThan(decisions.length)
    }
  })

  it.each([
    ['adr-tools', /^Superseded by \[\d+\. Background jobs: A job queue: Amazon SQS\]\(\d{4}-[a-z-]+\.md\)$/],
    ['log4brains', /^superseded by \[20250201-background-jobs-a-job-queue-amazon-sqs\]\(20250201-[a-z-]+\.md\)$/],
  ] as const)('%s: supersedes in its own words, links both ways', (style, oldStatus) => {
    const two = variant('b2b-saas', (d) => {
      d.load.longestTaskSeconds = 120
    })
    const one = exportAdrs(brief, answers, { ...BASE, style })
    const next = exportAdrs(briefOf(two), two, {
      ...BASE,
      style,
      date: '2025-02-01',
      revision: 2,
      previous: records(one.files),
    })
    expect(next.files).toHaveLength(2)
    const old = next.changes.find((c) => c.kind === 'superseded')
    const fresh = next.changes.find((c) => c.kind === 'new')
    if (!old || !fresh) throw new Error('expected one new and one superseded record')
    const oldRec = parseRecord(old.path, next.files.find((f) => f.path === old.path)?.content ?? '')
    const newRec = parseRecord(fresh.path, next.files.find((f) => f.path === fresh.path)?.content ?? '')
    expect(oldRec.status).toMatch(oldStatus)
    expect(oldRec.status).toContain(`(${fresh.path})`)
    expect(newRec.content).toContain(`Supersedes [`)
    expect(newRec.content).toContain(`](${old.path})`)
    expect(headings(oldRec.content)).toEqual(headings(one.files.find((f) => f.path === old.path)?.content ?? ''))
  })

  it('Log4brains: a second record with the same date and title gets its own file name', () => {
    const one = exportAdrs(brief, answers, { ...BASE, style: 'log4brains' })
    const jobs = records(one.files).find((r) => r.area === 'jobs')
    const changed: Brief = {
      ...brief,
      decisions: brief.decisions.map((d) => (d.area === 'jobs' ? { ...d, status: 'defer' } : d)),
    }
    const two = exportAdrs(changed, answers, {
      ...BASE,
      style: 'log4brains',
      revision: 2,
      previous: records(one.files),
    })
    const fresh = two.changes.find((c) => c.kind === 'new')
    expect(fresh?.path).toBe(jobs?.path.replace(/\.md$/, '-2.md'))
  })
})

describe('parsing records back', () => {
  it('reads our own MADR records: numbers, titles, statuses, dates; no area, so never rewritten', () => {
    const dir = join(ROOT, 'docs/decisions')
    const files = readdirSync(dir).map((path) => ({ path, content: readFileSync(join(dir, path), 'utf8') }))
    const recs = parseRecords(files)
    expect(recs.length).toBe(files.length)
    for (const r of recs) {
      expect(r).toMatchObject({ style: 'madr', statusWord: 'accepted', area: null, choice: null })
      expect(r.number).toBeGreaterThan(0)
      expect(r.headings[0]).toBe(`# ${r.title}`)
    }
    const { answers, brief } = example('b2b-saas')
    const out = exportAdrs(brief, answers, { ...BASE, previous: recs })
    expect(out.files.map((f) => f.path)).not.toContain(recs[0].path)
    expect(out.files[0].path).toMatch(new RegExp(`^${String(recs.length + 1).padStart(4, '0')}-`))
  })

  it.each([
    ['index.md', false, '# Index'],
    ['README.md', false, '# Readme'],
    ['template.md', false, '# T'],
    ['notes.txt', false, 'x'],
    ['notes.md', false, '# Notes\n\n## On Risks\n\n> Ask the client.\n'],
    ['0001-a.md', true, '# 1. A\n\nDate: 2024-01-01\n\n## Status\n\nAccepted\n'],
  ])('%s counts as a record: %s', (path, expected, content) => {
    expect(parseRecords([{ path, content }]).length === 1).toBe(expected)
  })

  it.each([
    ['0001-a.md', 'adr-tools', '# 1. A\n\nDate: 2024-01-01\n\n## Status\n\nAccepted\n\n## Context\n', 'Accepted', 1],
    [
      '20240101-a.md',
      'log4brains',
      '# A\n\n- Status: proposed\n- Date: 2024-01-01\n\n## Context and Problem Statement\n',
      'proposed',
      null,
    ],
    [
      '0002-b.md',
      'madr',
      '---\nstatus: accepted\ndate: 2024-01-01\n---\n\n# B\n\n## Context and Problem Statement\n',
      'accepted',
      2,
    ],
    ['0003-c.md', 'madr', '# C\n\n## Context and Problem Statement\n\nx\n', null, 3],
    ['0004-d.md', null, 'just text\n', null, 4],
  ] as const)('%s reads as %s', (path, style, content, status, number) => {
    expect(parseRecord(path, content)).toMatchObject({ style, status, number })
  })

  it('ignores headings inside fenced code', () => {
    const r = parseRecord('0001-x.md', '# X\n\n```md\n# Not\n## Status\n```\n\n## Context and Problem Statement\n')
    expect(r.headings).toEqual(['# X', '## Context and Problem Statement'])
  })
})

describe('zip of the records folder', () => {
  const { answers, brief } = example('clinic-portal')
  const { files } = exportAdrs(brief, answers, BASE)

  it('holds every file under docs/decisions/, byte for byte', () => {
    const unzipped = unzipSync(zipRecords(files, { date: DATE }))
    expect(Object.keys(unzipped).sort()).toEqual(files.map((f) => `docs/decisions/${f.path}`).sort())
    for (const f of files) expect(new TextDecoder().decode(unzipped[`docs/decisions/${f.path}`])).toBe(f.content)
  })

  it('is deterministic: same files and date, same bytes; another date, other bytes', () => {
    const a = zipRecords(files, { date: DATE })
    expect(zipRecords([...files].reverse(), { date: DATE })).toEqual(a)
    expect(zipRecords(files, { date: '2025-01-16' })).not.toEqual(a)
  })

  it('stamps every entry with the date, at noon, in the zip header', () => {
    const bytes = zipRecords(files.slice(0, 1), { date: DATE })
    const view = new DataView(bytes.buffer, bytes.byteOffset)
    expect(view.getUint32(0, true)).toBe(0x04034b50)
    const time = view.getUint16(10, true)
    const day = view.getUint16(12, true)
    expect([(day >> 9) + 1980, (day >> 5) & 15, day & 31]).toEqual([2025, 1, 15])
    expect([time >> 11, (time >> 5) & 63]).toEqual([12, 0])
  })
})

describe('golden files', () => {
  const NAME = 'b2b-saas'
  const dir = join(GOLDEN, NAME)

  it(`${NAME} matches tests/golden/adr/${NAME}/ (UPDATE_GOLDEN=1 rewrites)`, () => {
    const { answers, brief } = example(NAME)
    const { files } = exportAdrs(brief, answers, { ...BASE, briefId: 'b_golden' })
    if (process.env.UPDATE_GOLDEN === '1') {
      rmSync(dir, { recursive: true, force: true })
      mkdirSync(dir, { recursive: true })
      for (const f of files) writeFileSync(join(dir, f.path), f.content)
      return
    }
    expect(existsSync(dir), `${dir} is missing: run UPDATE_GOLDEN=1 npx vitest run tests/export`).toBe(true)
    expect(readdirSync(dir).sort()).toEqual(files.map((f) => f.path).sort())
    for (const f of files) expect(f.content, f.path).toBe(readFileSync(join(dir, f.path), 'utf8'))
  })
})

import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { basename, join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parse as parseYaml } from 'yaml'
import { loadCatalog } from '#app/catalog.server.ts'
import { ANSWER_PATHS, type Answers, AnswersSchema } from '#app/engine/answers.ts'
import { AREAS, type Area, type Brief, type BriefDecision, BriefSchema, type Decision } from '#app/engine/brief.ts'
import { generateBrief } from '#app/engine/generate.ts'
import { code, md, mermaidText } from './escape.ts'
import { formatCents, formatNumber, renderMarkdown } from './markdown.ts'

const ROOT = new URL('../../', import.meta.url).pathname
const EXAMPLES = join(ROOT, 'content/examples')
const GOLDEN = join(ROOT, 'tests/golden')

function answersFor(name: string, summary?: string): Answers {
  return AnswersSchema.parse({
    version: 1,
    product: { name, summary, shape: 'b2b_saas', sellsTo: 'organizations', clients: ['web', 'mobile'] },
    team: { engineers: 3, languages: ['typescript'] },
    load: { activeUsersAtLaunch: 300, activeUsersIn12Months: 12000, longestTaskSeconds: 45 },
    data: { kinds: ['relational', 'vectors', 'files'], vectorCount: 2_000_000 },
    compliance: { payments: 'subscriptions', markets: ['us', 'eu'] },
    budget: { monthlyInfraUsd: 400 },
  })
}

const CHOICES: Partial<Record<Area, [string, string, Decision['status']]>> = {
  hosting: ['managed_paas', 'Managed platform', 'adopt'],
  deploy_regions: ['single_region', 'Single region', 'adopt'],
  framework: ['remix', 'Remix', 'adopt'],
  architecture_style: ['modular_monolith', 'Modular monolith', 'adopt'],
  database: ['postgres', 'Postgres', 'adopt'],
  vector_store: ['pgvector', 'pgvector', 'adopt'],
  file_storage: ['object_storage', 'Object storage', 'adopt'],
  jobs: ['queue', 'Queue', 'adopt'],
  cache: ['read_through_cache', 'Read-through cache', 'defer'],
  auth: ['clerk', 'Clerk', 'adopt'],
  payments: ['stripe', 'Stripe', 'adopt'],
  email: ['postmark', 'Postmark', 'adopt'],
  observability: ['grafana_stack', 'Grafana stack', 'adopt'],
  analytics: ['product_analytics', 'Product analytics', 'adopt'],
}

/** A brief with every section filled, the product's own words woven into its sentences as the engine does. */
function richBrief(answers: Answers): Brief {
  const name = answers.product.name
  const decisions = AREAS.map((area): BriefDecision => {
    const [id, choiceName, status] = CHOICES[area] ?? ['none', 'Not needed', 'adopt']
    return {
      area,
      title: area.replace(/_/g, ' ').replace(/^./, (c) => c.toUpperCase()),
      choice: { id, name: choiceName },
      status,
      because: [
        {
          rule: `${area}.fixture`,
          inputs: ['product.name', 'load.activeUsersIn12Months'],
          text: `${name} needs this.`,
        },
      ],
      alternatives:
        area === 'vector_store'
          ? [
              {
                id: 'dedicated_vector_db',
                name: 'Dedicated vector database',
                whyNot: `Another system for ${name} to run.`,
              },
            ]
          : [],
      revisitWhen:
        area === 'database' ? ['sustained_db_pressure'] : area === 'cache' ? ['hot_path_slow_after_rightsizing'] : [],
      stepsDue: [],
      guide: area === 'database' ? 'databases' : 'default-stack',
    }
  })
  const month = (from: number, step: number) => Array.from({ length: 12 }, (_, m) => from + m * step)
  const lean = month(2_500, 250)
  const moderate = month(5_050, 1_000)
  const scaled = month(12_000, 4_000)
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0)
  const brief: Brief = {
    schemaVersion: 2,
    engineVersion: '1.0.0',
    catalogVersion: 'test-catalog',
    title: name,
    summary: `${name}: one Postgres, one deployable, a queue for long work.`,
    decisions,
    databaseRationale: {
      chosen: 'postgres',
      criteria: [
        { id: 'access_pattern_fit', name: 'Access pattern fit', question: 'Do reads and writes suit it?' },
        { id: 'query_complexity_latency', name: 'Query complexity and latency', question: 'Joins and p95?' },
        { id: 'operational_burden', name: 'Operational burden', question: 'Who runs it?' },
        { id: 'team_familiarity', name: 'Team familiarity', question: 'Has the team shipped it?' },
        { id: 'integration_fit', name: 'Integration fit', question: 'Do the libraries speak it?' },
      ],
      options: [
        {
          id: 'postgres',
          name: 'Postgres',
          scores: [
            { criterion: 'access_pattern_fit', score: 5, text: `Fits ${name}.` },
            { criterion: 'query_complexity_latency', score: 5, text: 'Joins are cheap.' },
            { criterion: 'operational_burden', score: 4, text: 'Managed offers abound.' },
            { criterion: 'team_familiarity', score: 4, text: 'Known.' },
            { criterion: 'integration_fit', score: 5, text: 'Every framework.' },
          ],
          total: 23,
          verdict: 'Chosen.',
        },
        {
          id: 'mongodb',
          name: 'MongoDB',
          scores: [{ criterion: 'access_pattern_fit', score: 3, text: 'Documents only.' }],
          total: 3,
          verdict: 'Not for relational data.',
        },
      ],
      because: [{ rule: 'database.default', inputs: ['data.kinds'], text: 'Relational by default.' }],
    },
    plan: {
      regions: ['us'],
      components: [
        {
          id: 'database',
          area: 'database',
          vendor: 'Neon',
          catalogId: 'neon',
          product: `Postgres for ${name}`,
          tier: 'Launch',
          regions: ['us'],
          holds: ['personal'],
          agreements: ['dpa'],
          fromMonth: 1,
          addedBy: null,
          placement: 'data',
          size: {
            lean: { instances: 1, each: 0.5, unit: 'CU', text: '0.5 CU primary' },
            moderate: { instances: 1, each: 1, unit: 'CU', text: '1 CU primary' },
            scaled: { instances: 2, each: 2, unit: 'CU', text: '2 CU primary, a standby' },
          },
        },
      ],
    },
    dayOne: [
      {
        id: 'tenant_ids',
        title: 'Tenant ids everywhere',
        actions: [`Add an organisation id to every ${name} table`, '# not a heading'],
        because: [{ rule: 'day_one.tenants', inputs: ['product.sellsTo'], text: 'Sells to organisations.' }],
        guide: 'day-one',
      },
    ],
    deferred: [
      {
        id: 'cache',
        what: `A cache in front of ${name}`,
        until: 'hot_path_slow_after_rightsizing',
        because: [{ rule: 'cache.defer', inputs: [], text: 'Measure first.' }],
      },
    ],
    risks: [
      {
        id: 'low_one',
        kind: 'risk',
        severity: 'low',
        text: 'Low risk.',
        mitigation: 'Watch.',
        because: [{ rule: 'r.low', inputs: [], text: 'x' }],
      },
      {
        id: 'budget',
        kind: 'invalidation',
        severity: 'high',
        text: `${name} may outgrow the budget.`,
        mitigation: 'Set alerts | review monthly.',
        because: [{ rule: 'r.budget', inputs: ['budget.monthlyInfraUsd'], text: 'x' }],
      },
    ],
    costs: {
      currency: 'USD',
      unit: 'cents',
      pricesAsOf: '2026-06',
      usage: { activeUsers: month(300, 1_000), curve: 'straight line from launch to month 12' },
      bands: {
        lean: { monthly: lean, total12Months: sum(lean) },
        moderate: { monthly: moderate, total12Months: sum(moderate) },
        scaled: { monthly: scaled, total12Months: sum(scaled) },
      },
      bandMeaning: { lean: 'Least.', moderate: 'Paid.', scaled: 'Production.' },
      lineItems: [
        {
          id: 'db',
          area: 'database',
          component: 'database',
          name: `Postgres for ${name}`,
          bands: { lean, moderate, scaled },
          basis: 'one small instance',
          sources: [{ url: 'https://neon.com/docs/introduction/plans', asOf: '2025-08', estimate: false }],
        },
      ],
      assumptions: [`${name} stores 5 GB in year one.`],
      transactionFees: [
        {
          provider: 'stripe',
          name: 'Stripe',
          per1000ProcessedCents: 3_200,
          text: '2.9% + $0.30 per charge at $100 average.',
          sources: [{ url: 'https://stripe.com/pricing', asOf: '2026-01', estimate: true }],
        },
      ],
    },
    triggers: [
      {
        id: 'sustained_db_pressure',
        area: 'database',
        title: 'Database under sustained pressure',
        metric: 'active_users',
        comparator: '>=',
        threshold: 10_000,
        unit: 'users',
        alsoRequires: [{ metric: 'db_cpu_percent', comparator: '>=', threshold: 70, unit: '%' }],
        action: `Add a read replica for ${name}.`,
        status: 'approaching',
        observed: 12_000,
        observedFrom: 'load.activeUsersIn12Months',
        firesInMonth: null,
        guide: 'migration-triggers',
      },
      {
        id: 'hot_path_slow_after_rightsizing',
        area: 'cache',
        title: 'Hot path still slow',
        metric: 'p95_latency_ms',
        comparator: '>=',
        threshold: 500,
        unit: 'ms',
        alsoRequires: [],
        firesInMonth: null,
        action: 'Add a read-through cache.',
        status: 'ok',
        observed: null,
        observedFrom: null,
        guide: 'caching',
      },
    ],
    handoff: [`Create the ${name} repository.`, '1. Not a nested list'],
  }
  return BriefSchema.parse(brief)
}

function render(name: string, summary?: string, options?: { guideBaseUrl?: string }) {
  const answers = answersFor(name, summary)
  return renderMarkdown(richBrief(answers), answers, options)
}

function section(doc: string, heading: string): string {
  const start = doc.indexOf(`\n## ${heading}\n`)
  expect(start, `section ${heading}`).toBeGreaterThan(-1)
  const end = doc.indexOf('\n## ', start + 1)
  return doc.slice(start + 1, end === -1 ? undefined : end)
}

function mermaidBlocks(doc: string): string[] {
  return [...doc.matchAll(/```mermaid\n([\s\S]*?)\n```/g)].map((m) => m[1])
}

function tableRows(block: string): string[][] {
  return block
    .split('\n')
    .filter((line) => line.startsWith('|'))
    .map((line) =>
      line
        .slice(1, -1)
        .split(/(?<!\\)\|/)
        .map((c) => c.trim()),
    )
}

describe('renderMarkdown', () => {
  const doc = render('Shiftwise', 'Agencies will pay for a shared rota.')

  it('puts the sections in the order a reader needs them', () => {
    const headings = doc.split('\n').filter((l) => l.startsWith('## '))
    expect(headings).toEqual([
      '## Decisions',
      '## Decisions in detail',
      '## Database rationale',
      '## Cost bands',
      '## Architecture',
      '## Migration triggers',
      '## Day one',
      '## Deferred',
      '## Risks',
      '## Handoff',
      '## Appendix: answers',
    ])
    expect(doc.startsWith('# Architecture Decision Brief: Shiftwise\n\n> Agencies will pay for a shared rota.\n')).toBe(
      true,
    )
    expect(doc.endsWith('|\n')).toBe(true)
    expect(doc).not.toMatch(/\n\n\n/)
  })

  it('is deterministic: same brief and answers, same bytes', () => {
    expect(render('Shiftwise', 'Agencies will pay for a shared rota.')).toBe(doc)
  })

  it('lists every decision in one table row with its first reason', () => {
    const rows = tableRows(section(doc, 'Decisions'))
    expect(rows).toHaveLength(2 + AREAS.length)
    expect(rows[0]).toEqual(['Area', 'Choice', 'Status', 'Reason'])
    expect(rows).toContainEqual(['Cache', 'Read-through cache', 'Defer', 'Shiftwise needs this.'])
  })

  it('explains each decision: rule id in code, answers read, alternatives, triggers and guide', () => {
    const details = section(doc, 'Decisions in detail')
    expect(details).toContain(
      '- `vector_store.fixture` (reads `product.name`, `load.activeUsersIn12Months`): Shiftwise needs this.',
    )
    expect(details).toContain(
      '- **Dedicated vector database** (`dedicated_vector_db`): Another system for Shiftwise to run.',
    )
    expect(details).toContain(
      '- `sustained_db_pressure`: Monthly active users >= 10,000 users and database CPU (sustained) >= 70%. Add a read replica for Shiftwise.',
    )
    expect(details).toContain('guide: Choosing the database')
  })

  it('scores every database option on the five criteria', () => {
    const rows = tableRows(section(doc, 'Database rationale'))
    expect(rows[0]).toEqual([
      'Option',
      'Access pattern fit',
      'Query complexity and latency',
      'Operational burden',
      'Team familiarity',
      'Integration fit',
      'Total',
    ])
    expect(rows[2]).toEqual(['**Postgres** (chosen)', '5/5', '5/5', '4/5', '4/5', '5/5', '23'])
    expect(rows[3]).toEqual(['MongoDB', '3/5', '–', '–', '–', '–', '3'])
    expect(section(doc, 'Database rationale')).toContain('- Operational burden, 4/5: Managed offers abound.')
  })

  it('tabulates the cost bands month by month in dollars, with totals, fees per $1,000 and a chart', () => {
    const costs = section(doc, 'Cost bands')
    const rows = tableRows(costs)
    expect(rows[0]).toEqual(['Month', 'Active users', 'Lean', 'Moderate', 'Scaled'])
    expect(rows[2]).toEqual(['1', '300', '$25', '$50.50', '$120'])
    expect(rows[13]).toEqual(['12', '11,300', '$52.50', '$160.50', '$560'])
    expect(rows[14]).toEqual(['**12 months**', '', '**$465**', '**$1,266**', '**$4,080**'])
    expect(costs).toContain('| Stripe | $32 | 2.9% + $0.30 per charge at $100 average. |')
    expect(costs).toContain('- Postgres for Shiftwise: <https://neon.com/docs/introduction/plans>, as of 2025-08')
    expect(costs).toContain('- Stripe: <https://stripe.com/pricing>, as of 2026-01 (estimate)')
    const [chart] = mermaidBlocks(costs)
    expect(chart.split('\n').filter((l) => l.trim().startsWith('line ['))).toEqual([
      '  line [25, 27.50, 30, 32.50, 35, 37.50, 40, 42.50, 45, 47.50, 50, 52.50]',
      '  line [50.50, 60.50, 70.50, 80.50, 90.50, 100.50, 110.50, 120.50, 130.50, 140.50, 150.50, 160.50]',
      '  line [120, 160, 200, 240, 280, 320, 360, 400, 440, 480, 520, 560]',
    ])
    expect(chart).toContain('xychart-beta')
    expect(chart).toContain('y-axis "US dollars a month" 0 --> 600')
  })

  it('draws the architecture from the plan: one box per component, in the deploy of its region', () => {
    const [chart] = mermaidBlocks(section(doc, 'Architecture'))
    expect(chart.split('\n')[0]).toBe('flowchart LR')
    expect(chart).toContain('subgraph region_us ["Deploy in US"]')
    expect(chart).toContain('c_database[("Database<br>Postgres for Shiftwise<br>1 CU primary")]')
    // Nothing is drawn that the plan does not hold: decisions alone make no boxes.
    expect(chart).not.toContain('area_')
    expect(chart).not.toContain('c_auth')
  })

  it('tabulates triggers with metric, comparator, threshold, unit, status and action', () => {
    const rows = tableRows(section(doc, 'Migration triggers'))
    expect(rows[0]).toEqual([
      'Trigger',
      'Metric',
      'Comparator',
      'Threshold',
      'Unit',
      'Also requires',
      '12-month figure',
      'Status',
      'Action',
    ])
    expect(rows[2]).toEqual([
      'Database under sustained pressure (`sustained_db_pressure`)',
      'Monthly active users',
      '`>=`',
      '10,000',
      'users',
      'Database CPU (sustained) >= 70%',
      '12,000',
      'Approaching',
      'Add a read replica for Shiftwise.',
    ])
    expect(rows[3][6]).toBe('measure')
  })

  it('turns day one into task boxes, handoff into numbered steps, risks by severity', () => {
    expect(section(doc, 'Day one')).toContain(
      '- [ ] Add an organisation id to every Shiftwise table\n- [ ] \\# not a heading',
    )
    expect(section(doc, 'Handoff')).toContain('1. Create the Shiftwise repository.\n2. 1\\. Not a nested list')
    const risks = tableRows(section(doc, 'Risks'))
    expect(risks.slice(2).map((r) => r[0])).toEqual(['**High**', 'low'])
    expect(risks[2][2]).toBe('Set alerts \\| review monthly.')
    expect(section(doc, 'Deferred')).toContain(
      '- **A cache in front of Shiftwise**, until p95 latency >= 500 ms (`hot_path_slow_after_rightsizing`). Measure first.',
    )
  })

  it('appends every answer in words, overrides only when there are some', () => {
    const rows = tableRows(section(doc, 'Appendix: answers'))
    expect(rows).toHaveLength(2 + ANSWER_PATHS.length - 1)
    expect(rows.map((r) => r[0])).not.toContain('`overrides`')
    expect(rows).toContainEqual(['`product.clients`', 'web, mobile'])
    expect(rows).toContainEqual(['`load.scheduledWork`', 'no'])
    expect(rows).toContainEqual(['`budget.monthlyInfraUsd`', '$400 a month'])
    expect(rows).toContainEqual(['`budget.hosting`', 'no preference'])
    expect(rows).toContainEqual(['`load.activeUsersIn12Months`', '12,000'])
  })

  it('names guides without a link by default, and links them under guideBaseUrl when given', () => {
    expect(doc).toContain('Day one')
    expect(doc).not.toContain('/guides/')
    const absolute = render('Shiftwise', undefined, { guideBaseUrl: 'https://briefs.example.com/' })
    expect(absolute).toContain('[Day one](https://briefs.example.com/guides/day-one)')
    expect(absolute).not.toContain('](/guides/')
  })
})

describe('hostile product names and summaries never break the document', () => {
  const HOSTILE = [
    ['pipes and newlines in table cells', 'A | B || C', 'first line\nsecond | line\r\n\n- not a list'],
    ['backticks and code fences', '```js `tick` ``double``', '```\n~~~\nfenced?'],
    ['HTML', '<script>alert(1)</script><img src=x onerror=alert(1)>', '<b>bold</b> &lt;entity&gt; &amp;'],
    ['markers at line starts', '# Heading', '* star\n_ under_\n[link](http://x)\n> quote\n1. one\n+ plus\n---'],
    ['Mermaid breakers', 'A"B" [x] {y} (z); #35; <br> %% end --> |pipe|', 'subgraph end; click x "http://evil"'],
    ['math and emphasis', '$x$ and $$y$$ *a* **b** ~~c~~', '\\ backslash \\* star'],
    ['control and bidi characters', 'Evil\u202eoC\u0000\u0007 Name', 'tab\there\u2028line sep'],
  ] as const

  it.each(HOSTILE)('%s', (_, name, summary) => {
    const doc = render(name, summary)
    const lines = doc.split('\n')

    // Headings: exactly the document's own, and no extra list, quote or fence starts from user text.
    expect(lines.filter((l) => l.startsWith('## ')).length).toBe(11)
    expect(lines.filter((l) => /^#(?!#)/.test(l))).toHaveLength(1)
    expect(lines.filter((l) => l.startsWith('> '))).toHaveLength(1)
    expect(lines.filter((l) => l.startsWith('```'))).toEqual(['```mermaid', '```', '```mermaid', '```'])
    expect(doc).not.toMatch(/(?<!\\)<(script|img|b)\b/i)
    // biome-ignore lint/suspicious/noControlCharactersInRegex: the hostile input carries these on purpose.
    expect(doc).not.toMatch(/[\u0000\u0007\u202e\u2028]/)

    // Every table row has as many cells as its header.
    for (const block of doc.split('\n\n').filter((b) => b.startsWith('|'))) {
      const rows = tableRows(block)
      for (const row of rows) expect(row).toHaveLength(rows[0].length)
    }

    // Mermaid: labels and titles hold no raw quote, bracket, brace, semicolon, hash, angle bracket or pipe.
    for (const chart of mermaidBlocks(doc)) {
      for (const quoted of chart.matchAll(/"([^"\n]*)"/g)) {
        if (quoted[1].startsWith('#2e7d32')) continue
        const text = quoted[1].replace(/<br>/g, '').replace(/#\d+;/g, '')
        expect(text).not.toMatch(/[[\]{}();<>|`#]/)
      }
      expect(chart.split('\n').filter((l) => l.includes('%%') && !l.startsWith('%%{init'))).toEqual([])
    }
  })

  it('keeps the name readable in plain text while escaping', () => {
    const doc = render('Shift_wise & Co: 50% off $25 <3', 'Uses snake_case ids')
    expect(doc).toContain('# Architecture Decision Brief: Shift_wise & Co: 50% off $25 <3')
    expect(doc).toContain('> Uses snake_case ids')
  })
})

describe('escaping helpers', () => {
  it.each([
    ['a | b', 'a \\| b'],
    ['`x`', '\\`x\\`'],
    ['<b>hi</b>', '\\<b>hi\\</b>'],
    ['1 < 2', '1 < 2'],
    ['# h', '\\# h'],
    ['a #1', 'a \\#1'],
    ['C#', 'C#'],
    ['- item', '\\- item'],
    ['12. item', '12\\. item'],
    ['2.9% fee', '2.9% fee'],
    ['snake_case', 'snake_case'],
    ['_em_', '\\_em\\_'],
    ['$x$', '\\$x\\$'],
    ['$25', '$25'],
    ['&amp;', '\\&amp;'],
    ['R&D', 'R&D'],
    ['line\nbreak', 'line break'],
    ['[a](b)', '\\[a\\](b)'],
  ])('md(%j) is %j', (input, expected) => {
    expect(md(input)).toBe(expected)
  })

  it.each([
    ['plain', 'plain'],
    ['say "hi"', 'say #34;hi#34;'],
    ['a;b#c', 'a#59;b#35;c'],
    ['style app fill:#f00', 'style app fill#58;#35;f00'],
    ['[x]{y}(z)<w>|v', '#91;x#93;#123;y#125;#40;z#41;#60;w#62;#124;v'],
    ['- lead', '#45; lead'],
  ])('mermaidText(%j) is %j', (input, expected) => {
    expect(mermaidText(input)).toBe(expected)
  })

  it('fences code spans around backticks', () => {
    expect(code('a`b')).toBe('``a`b``')
    expect(code('`a')).toBe('`` `a ``')
    expect(code('a|b', true)).toBe('`a\\|b`')
  })

  it.each([
    [0, '$0'],
    [1_250, '$12.50'],
    [123_400, '$1,234'],
    [100_000_005, '$1,000,000.05'],
    [-300, '-$3'],
  ])('formatCents(%d) is %s', (cents, text) => {
    expect(formatCents(cents)).toBe(text)
  })

  it('formats numbers with separators', () => {
    expect([formatNumber(10_000), formatNumber(2.5), formatNumber(1_234_567.25), formatNumber(-4_000)]).toEqual([
      '10,000',
      '2.5',
      '1,234,567.25',
      '-4,000',
    ])
  })
})

describe('golden files', () => {
  const examples = readdirSync(EXAMPLES)
    .filter((f) => f.endsWith('.yaml'))
    .sort()

  it.each(examples)('%s matches tests/golden (UPDATE_GOLDEN=1 rewrites)', (file) => {
    const answers = AnswersSchema.parse(parseYaml(readFileSync(join(EXAMPLES, file), 'utf8')))
    const actual = renderMarkdown(generateBrief(answers, loadCatalog()), answers)
    const target = join(GOLDEN, `${basename(file, '.yaml')}.md`)
    if (process.env.UPDATE_GOLDEN === '1') {
      mkdirSync(GOLDEN, { recursive: true })
      writeFileSync(target, actual)
      return
    }
    expect(existsSync(target), `${target} is missing: run UPDATE_GOLDEN=1 npx vitest run app/export`).toBe(true)
    expect(actual).toBe(readFileSync(target, 'utf8'))
  })

  it('keeps no golden file without its example', () => {
    const goldens = existsSync(GOLDEN) ? readdirSync(GOLDEN).filter((f) => f.endsWith('.md')) : []
    expect(goldens.sort()).toEqual(examples.map((f) => `${basename(f, '.yaml')}.md`))
  })
})

describe('length of the shipped examples', () => {
  const HARD_CASES = join(ROOT, 'tests/fixtures/hard-cases')
  const briefs = Object.fromEntries(
    [EXAMPLES, HARD_CASES].flatMap((dir) =>
      readdirSync(dir)
        .filter((f) => f.endsWith('.yaml'))
        .map((f) => {
          const answers = AnswersSchema.parse(parseYaml(readFileSync(join(dir, f), 'utf8')))
          return [basename(f, '.yaml'), renderMarkdown(generateBrief(answers, loadCatalog()), answers)]
        }),
    ),
  ) as Record<string, string>
  /** Words a reader reads: table pipes and rules are not words. */
  const prose = (text: string) => text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length
  const section = (doc: string, heading: string) => doc.split(/^## /m).find((s) => s.startsWith(heading)) ?? ''

  it('opens every brief with the executive brief, under about 700 words for the plain B2B SaaS case', () => {
    for (const doc of Object.values(briefs))
      expect(doc.split('\n').find((l) => l.startsWith('## '))).toBe('## Executive brief')
    expect(prose(section(briefs['b2b-saas'], 'Executive brief'))).toBeLessThanOrEqual(700)
  })

  it('writes a shorter brief for an internal tool than for a marketplace', () => {
    expect(prose(briefs['internal-dashboard'])).toBeLessThan(prose(briefs['india-marketplace']))
  })

  it('gives each trigger step once: elsewhere the trigger is named, not restated', () => {
    for (const [name, doc] of Object.entries(briefs)) {
      const table = section(doc, 'Migration triggers')
      const steps = table
        .split('\n')
        .filter((l) => l.startsWith('| ') && !l.startsWith('| Trigger'))
        .map((l) => l.split(' | ').at(-1)?.replace(/ \|$/, '') ?? '')
        .filter((step) => step.length > 40)
      for (const step of steps) expect(doc.split(step).length - 1, `${name}: ${step.slice(0, 60)}`).toBe(1)
    }
  })

  /**
   * The sentences of a brief a reader reads as prose: table cells and list
   * items split into sentences, with headings, fenced pictures and the two
   * appendices (identifiers and values, looked up rather than read) left out.
   */
  function proseSentences(doc: string): string[] {
    const body = doc
      .split(/^## /m)
      .filter((s) => !s.startsWith('Appendix'))
      .join('\n')
      .replace(/```[\s\S]*?```/g, '')
    return body
      .split('\n')
      .filter((line) => !line.startsWith('#') && !/^\|\s*-/.test(line))
      .flatMap((line) => (line.startsWith('|') ? line.split(/(?<!\\)\|/) : [line]))
      .map((cell) => cell.replace(/^\s*(- \[ \] |- |\d+\. )/, ''))
      .flatMap((cell) => cell.split(/(?<=[.!?])\s+(?=[A-Z“"*])/))
      .map((s) => s.replace(/\*\*/g, '').trim())
      .filter(Boolean)
  }
  /** Code spans are identifiers, not words a reader reads. */
  const words = (sentence: string) => prose(sentence.replace(/`[^`]*`/g, ''))

  it.each(Object.keys(briefs))('%s: says no sentence of more than eight words twice', (name) => {
    const seen = new Set<string>()
    const twice = new Set<string>()
    for (const s of proseSentences(briefs[name]).filter((s) => words(s) > 8)) {
      if (seen.has(s)) twice.add(s)
      seen.add(s)
    }
    expect([...twice]).toEqual([])
  })

  // The brief's length issue sets 4,500 words for a plain B2B SaaS brief; the shipped examples
  // are not there yet, so this ceiling holds the ground gained and is lowered as prose is cut.
  const WORD_CEILING = 8_600
  it.each(Object.keys(briefs))(`%s: stays under ${WORD_CEILING} words in full`, (name) => {
    expect(prose(briefs[name])).toBeLessThanOrEqual(WORD_CEILING)
  })
})

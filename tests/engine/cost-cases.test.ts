import { readdirSync, readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { AnswersSchema } from '#app/engine/answers.ts'
import type { Brief, LineItem } from '#app/engine/brief.ts'
import { generateBrief } from '#app/engine/generate.ts'
import { testCatalog } from '#tests/support/catalog.ts'

/**
 * Briefs a consultant read whole, one test per defect they struck out in the
 * costs, written from the case: what the client was told and what a
 * correct brief says instead.
 */

const catalog = testCatalog()
const HARD = new URL('../fixtures/hard-cases/', import.meta.url)
const COST_CASES = new URL('../fixtures/cost-cases/', import.meta.url)
const REVIEW_CASES = new URL('../fixtures/review-cases/', import.meta.url)
const EXAMPLES = new URL('../../content/examples/', import.meta.url)
const answersFrom = (dir: URL, file: string) => AnswersSchema.parse(parse(readFileSync(new URL(file, dir), 'utf8')))
const briefOf = (file: string): Brief => generateBrief(answersFrom(HARD, file), catalog)
const lineOf = (brief: Brief, id: string): LineItem => {
  const item = brief.costs.lineItems.find((l) => l.id === id)
  if (!item) throw new Error(`no ${id} line in ${brief.title}`)
  return item
}
const dollars = (cents: number) => cents / 100

describe('a $20 hobby project (one engineer, 50 to 500 users)', () => {
  const brief = briefOf('hobby-20-dollars.yaml')
  const database = lineOf(brief, 'database')

  it('prices Neon at its current Launch rate of $0.106 a CU-hour, with no monthly minimum', () => {
    expect(database.basis).toMatch(/\$0\.106 per CU-hour/)
    expect(database.basis).not.toMatch(/at least \$5/)
  })

  it('lets the lean database scale to zero: the free plan while 50 users barely wake it, well under always-on later', () => {
    expect(database.bands.lean[0]).toBe(0)
    // Always on, the smallest compute alone would be 0.25 CU × 730 h × $0.106 = $19.35 a month.
    expect(dollars(database.bands.lean[11])).toBeLessThan(19.35)
    expect(database.basis).toMatch(/scale to zero/)
  })

  it('bills the lean app as Railway does, on the memory held and the CPU used, not a full replica all month', () => {
    expect(dollars(lineOf(brief, 'app').bands.lean[11])).toBeLessThan(10)
  })

  it('keeps the lean band far below the $40.90 once quoted, and says plainly whether $20 is enough and what would be', () => {
    const lean = brief.costs.bands.lean.monthly
    expect(dollars(Math.max(...lean))).toBeLessThan(30)
    expect(dollars(lean[0])).toBeLessThanOrEqual(20)
    const risk = brief.risks.find((r) => r.id === 'budget_below_lean')
    if (Math.max(...lean) > 2000) {
      expect(risk?.text).toMatch(/^Nothing in this plan fits the budget of \$20 a month from month \d+/)
      expect(risk?.mitigation).toMatch(/^What would fit: a budget of \$[\d.]+ a month covers the lean band all year/)
      expect(risk?.mitigation).toMatch(/monthly active users stay under about [\d,]+/)
    } else expect(risk).toBeUndefined()
  })
})

describe('files stored, read from the answers (data.fileStorageGbIn12Months)', () => {
  const marketplace = answersFrom(HARD, 'marketplace-25-engineers.yaml')
  const withFiles = (gb: number | undefined) =>
    generateBrief(
      AnswersSchema.parse({ ...marketplace, data: { ...marketplace.data, fileStorageGbIn12Months: gb } }),
      catalog,
    )

  it('prices the object storage from the answered 2,000 GB, not from 50 MB per user', () => {
    const brief = withFiles(2000)
    const storage = lineOf(brief, 'object_storage')
    expect(storage.basis).toMatch(/2,000 GB stored in month 12/)
    expect(brief.costs.assumptions.join(' ')).toMatch(/to the 2,000 GB answered for month 12/)
    const component = brief.plan.components.find((c) => c.id === 'object_storage')
    expect(component?.size.moderate.each).toBe(2000)
  })

  it('a larger answer costs more, and an omitted one is stated as an estimate', () => {
    const small = lineOf(withFiles(100), 'object_storage').bands.moderate[11]
    const large = lineOf(withFiles(10_000), 'object_storage').bands.moderate[11]
    expect(large).toBeGreaterThan(small)
    const estimated = withFiles(undefined)
    expect(estimated.costs.assumptions.join(' ')).toMatch(/Files stored are estimated at about 50 MB per active user/)
  })
})

describe('Clerk past 100,000 users (reference: $0.02 a user to 100,000, then $0.018 to 1,000,000)', () => {
  const marketplace = answersFrom(HARD, 'marketplace-25-engineers.yaml')
  const brief = generateBrief(
    AnswersSchema.parse({
      ...marketplace,
      overrides: [{ area: 'auth', choice: 'clerk', reason: 'The team has run Clerk before.', by: 'CTO' }],
    }),
    catalog,
  )
  const clerk = lineOf(brief, 'auth')

  it('prices 400,000 users as $25 + 50,000 × $0.02 + 300,000 × $0.018 = $6,425 a month', () => {
    expect(clerk.name).toMatch(/Clerk/)
    expect(dollars(clerk.bands.moderate[11])).toBe(6425)
    expect(clerk.basis).toMatch(
      /\$0\.02 per monthly active user up to 100,000 and \$0\.018 per monthly active user beyond/,
    )
  })
})

describe('each database in its own vendor’s units', () => {
  it('sizes RDS as db.t4g instance classes, never in Neon compute units', () => {
    const database = briefOf('marketplace-25-engineers.yaml').plan.components.find((c) => c.id === 'database')
    expect(database?.catalogId).toBe('aws_rds_postgres')
    for (const size of Object.values(database?.size ?? {})) {
      expect(size.text).toMatch(/^db\.t4g\.(micro|small|medium|large|xlarge|2xlarge) \(\d vCPU burstable, \d+ GB\)/)
      expect(size.text).not.toMatch(/\bCU\b/)
      expect(size.unit).not.toBe('CU')
    }
  })

  it('says that Timescale’s largest node is unconfirmed rather than stating it as fact', () => {
    const telemetry = answersFrom(COST_CASES, 'telemetry-25-engineers.yaml')
    const heavy = AnswersSchema.parse({ ...telemetry, data: { ...telemetry.data, timeseriesEventsPerSecond: 300_000 } })
    const database = generateBrief(heavy, catalog).plan.components.find((c) => c.id === 'database')
    expect(database?.catalogId).toBe('timescale_cloud')
    const text = database?.size.scaled.text ?? ''
    expect(text).toMatch(/taken as 32 CPU\/128 GB, a size the sources do not confirm/)
    expect(text).not.toMatch(/largest node is 32/)
  })
})

/**
 * Every priced line follows from a decision: the decision of its area chose
 * it (adopted or on trial, the same vendor), a step the decision lists
 * brought it in from its month, and the decision's words say what the line
 * prices.
 */
function unexplainedLines(brief: Brief): string[] {
  const out: string[] = []
  const decision = (area: string) => brief.decisions.find((d) => d.area === area)
  const chosen = (area: string, ...ids: string[]) => {
    const d = decision(area)
    return (
      d !== undefined &&
      (d.status === 'adopt' || d.status === 'trial') &&
      (ids.length === 0 || ids.includes(d.choice.id))
    )
  }
  const words = (area: string) => {
    const d = decision(area)
    return d ? [d.choice.name, ...d.because.map((b) => b.text)].join(' ') : ''
  }
  for (const item of brief.costs.lineItems) {
    const c = brief.plan.components.find((x) => x.id === item.component)
    if (!c) {
      out.push(`${item.id}: no plan component`)
      continue
    }
    const host = decision('hosting')?.choice.vendor
    const ok = ((): boolean => {
      switch (c.id) {
        case 'app':
        case 'load_balancer':
          return chosen('hosting') && (host === undefined || c.catalogId === host || c.id === 'load_balancer')
        case 'worker':
          return chosen('jobs', 'postgres_jobs_table', 'queue')
        case 'queue':
          return chosen('jobs', 'queue')
        case 'ingestion':
          return chosen('ingestion', 'ingestion_endpoint')
        case 'realtime':
          return chosen('realtime', 'websocket_service')
        case 'database': {
          const db = decision('database')
          const vendorOk = db?.choice.vendor === undefined || db.choice.vendor === c.catalogId
          const timescaleOk = c.catalogId !== 'timescale_cloud' || chosen('timeseries_store', 'timescale')
          const scaledOut = Object.values(c.size).some((s) => /partitions|read replica/.test(s.text))
          const saysOneNode =
            /fits one Postgres instance|single instance absorbs|bigger instance before any sharding/.test(
              words('database'),
            )
          const saysScaleOut = /\d+ partitions|read replicas? of/.test(words('database'))
          return chosen('database') && vendorOk && timescaleOk && (!scaledOut || (saysScaleOut && !saysOneNode))
        }
        case 'vector_db':
          return chosen('vector_store', 'dedicated_vector_db')
        case 'document_db':
          return chosen('document_store', 'mongodb')
        case 'object_storage':
          return chosen('file_storage', 'object_storage')
        case 'auth':
          return chosen('auth', c.catalogId ?? '')
        case 'payments':
          return chosen('payments', c.catalogId ?? '')
        case 'email':
          return chosen('email', c.catalogId ?? '')
        case 'observability':
          return chosen('observability')
        case 'llm':
          return chosen('llm')
        case 'embeddings':
          return chosen('llm') || chosen('vector_store')
        case 'first_service':
          return chosen('architecture_style', 'extract_services')
        case 'search_engine':
          return (
            chosen('search') && /Meilisearch/.test(words('search')) && words('search').includes(`month ${c.fromMonth}`)
          )
        case 'warehouse':
          return (
            chosen('analytics') &&
            /BigQuery/.test(words('analytics')) &&
            (words('analytics').includes(`month ${c.fromMonth}`) ||
              (c.fromMonth === 1 && /from launch/.test(words('analytics'))))
          )
        default:
          return false
      }
    })()
    if (!ok) out.push(`${item.id} (${item.name}) is priced but no decision chooses it`)
  }
  // A section that names a database host names the one the plan prices.
  const database = brief.plan.components.find((c) => c.id === 'database')
  const hostWords = words('hosting')
  for (const [id, name] of [
    ['aws_rds_postgres', 'Amazon RDS'],
    ['neon', 'Neon'],
    ['timescale_cloud', 'Timescale'],
  ] as const)
    if (hostWords.includes(name) && database?.catalogId !== id)
      out.push(`hosting names ${name} while the database is ${database?.product}`)
  return out
}

describe('every priced line follows from a decision, in every example and hard case', () => {
  const cases = [
    ...readdirSync(EXAMPLES).map((f) => [f, EXAMPLES] as const),
    ...readdirSync(HARD).map((f) => [f, HARD] as const),
    ...readdirSync(COST_CASES).map((f) => [f, COST_CASES] as const),
  ].filter(([f]) => f.endsWith('.yaml'))

  it.each(cases)('%s', (file, dir) => {
    expect(unexplainedLines(generateBrief(answersFrom(dir, file), catalog))).toEqual([])
  })

  it('holds for the telemetry platform of 25 engineers at 300,000 events a second, where one node is not enough', () => {
    const telemetry = answersFrom(COST_CASES, 'telemetry-25-engineers.yaml')
    const heavy = AnswersSchema.parse({ ...telemetry, data: { ...telemetry.data, timeseriesEventsPerSecond: 300_000 } })
    expect(unexplainedLines(generateBrief(heavy, catalog))).toEqual([])
  })
})

describe('sentences true of every case', () => {
  const cases = [
    ...readdirSync(EXAMPLES).map((file) => answersFrom(EXAMPLES, file)),
    ...readdirSync(HARD).map((file) => answersFrom(HARD, file)),
    ...readdirSync(COST_CASES).map((file) => answersFrom(COST_CASES, file)),
    ...readdirSync(REVIEW_CASES).map((file) => answersFrom(REVIEW_CASES, file)),
  ].map((answers) => ({ answers, brief: generateBrief(answers, catalog) }))

  it('says no trigger watches the load figures only when none does, and otherwise names the ones that already fire', () => {
    const watched = new Set(['active_users', 'peak_rps', 'db_size_gb'])
    let named = 0
    for (const { brief } of cases) {
      const text = brief.risks.find((r) => r.id === 'load_estimate')?.text ?? ''
      const watchers = brief.triggers.filter((t) => watched.has(t.metric))
      if (watchers.length > 0) expect(text, brief.title).not.toContain('No trigger in this plan watches')
      if (text.includes('already reaches its threshold')) {
        named++
        for (const t of watchers) expect(text, brief.title).toContain(`“${t.title}”`)
      }
    }
    expect(named).toBeGreaterThan(0)
  })

  it('sizes database compute in CU only for Neon, whose unit it is', () => {
    for (const { brief } of cases) {
      const database = brief.plan.components.find((c) => c.id === 'database')
      const line = brief.costs.assumptions.find((s) => s.startsWith('Database compute is sized'))
      if (!line || !database) continue
      if (database.catalogId === 'neon') expect(line, brief.title).toContain('per CU')
      else expect(line, brief.title).not.toMatch(/\bCU\b/)
    }
  })

  it('keeps a vendor’s name capitalised where the first page says what it was chosen over', () => {
    for (const { brief } of cases) {
      for (const row of brief.executive?.stack ?? []) {
        const reason = /^Chosen over ([^:]+): (\S+)/.exec(row.reason)
        if (!reason) continue
        const [, beaten, first] = reason
        const name = first.replace(/['’]s$/, '')
        if (beaten.toLowerCase().includes(name.toLowerCase()) && name.length > 2) {
          expect(name[0], `${brief.title}: ${row.reason}`).toBe(name[0].toUpperCase())
        }
      }
    }
  })

  it('says an email sender keeps data outside the required regions only of the regions it misses', () => {
    let checked = 0
    for (const { brief } of cases) {
      const email = brief.decisions.find((d) => d.area === 'email')
      for (const alt of email?.alternatives ?? []) {
        const only = /in the US only, (?:not in|outside) (.+?), where your data must stay/.exec(alt.whyNot)
        if (!only) continue
        checked++
        expect(only[1], `${brief.title}: ${alt.whyNot}`).not.toMatch(/\bthe US\b/)
      }
    }
    expect(checked).toBeGreaterThan(0)
  })

  it('gives no reason for the budget pick that residency set aside, which would argue for a tool not chosen', () => {
    let checked = 0
    for (const { brief } of cases) {
      const reasons = brief.decisions.find((d) => d.area === 'observability')?.because ?? []
      if (!reasons.some((b) => b.rule === 'observability.residency')) continue
      checked++
      const forAnother = reasons.filter((b) => /free tier gives you|built around querying traces/.test(b.text))
      expect(forAnother, brief.title).toEqual([])
    }
    expect(checked).toBeGreaterThan(0)
  })
})

import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { loadCatalog } from '#app/catalog.server.ts'
import { estimateCosts, usageCurve } from '#app/engine/costs/index.ts'
import { type Answers, type AnswersInput, AnswersSchema } from './answers.ts'
import { AREAS, type Area, BANDS, type Costs, CostsSchema, type Decision } from './brief.ts'
import { paysMostlyInIndia } from './facts.ts'
import { generateBrief } from './generate.ts'

const catalog = loadCatalog()

const EXAMPLES = Object.fromEntries(
  Object.entries(
    import.meta.glob<string>('../../content/examples/*.yaml', { query: '?raw', import: 'default', eager: true }),
  ).map(([path, text]) => [path.replace(/^.*\/(.*)\.yaml$/, '$1'), AnswersSchema.parse(parse(text))]),
) as Record<string, Answers>

type Choices = Partial<Record<Area, string>>
/** The product a decision names for its choice, as the area rules set it (`file_storage: 'amazon_s3'`). */
type Vendors = Partial<Record<Area, string>>

/**
 * Realistic decisions for a set of answers, using the shared choice ids. The
 * area rules decide for real elsewhere; this only has to be plausible.
 */
function decisionsFor(a: Answers, overrides: Choices = {}, vendors: Vendors = {}): Decision[] {
  const kinds = a.data.kinds
  const picks: Record<Area, string> = {
    repo: 'monorepo',
    architecture_style: 'modular_monolith',
    deploy_regions: a.compliance.dataResidency.length >= 2 ? 'multi_region' : 'single_region',
    hosting: a.budget.hosting === 'no_preference' ? 'managed_paas' : a.budget.hosting,
    framework: 'remix',
    database: 'postgres',
    timeseries_store: !kinds.includes('timeseries')
      ? 'none'
      : a.data.timeseriesEventsPerSecond >= 1000
        ? 'timescale'
        : 'postgres',
    vector_store: kinds.includes('vectors') ? 'pgvector' : 'none',
    document_store: kinds.includes('documents') ? 'postgres_jsonb' : 'none',
    search: kinds.includes('search') ? 'postgres_fts' : 'none',
    file_storage: kinds.includes('files') ? 'object_storage' : 'none',
    jobs:
      a.load.longestTaskSeconds > 30 || a.load.needsRetries || a.load.fanOut
        ? 'queue'
        : a.load.scheduledWork
          ? 'postgres_jobs_table'
          : 'inline',
    cache: 'read_through_cache',
    auth: a.budget.hosting === 'self_hosted' ? 'better_auth' : a.compliance.enterpriseSso ? 'auth0' : 'clerk',
    payments: a.compliance.payments === 'none' ? 'none' : paysMostlyInIndia(a) ? 'razorpay' : 'stripe',
    email: a.budget.hosting === 'cloud_provider' ? 'amazon_ses' : 'postmark',
    observability: a.team.opsExperience === 'dedicated' ? 'datadog' : 'grafana_stack',
    analytics: 'product_analytics',
    api: a.product.clients.some((c) => c !== 'web') ? 'versioned_rest' : 'internal_endpoints',
    tenancy: a.product.sellsTo === 'individuals' ? 'user_scoped' : 'org_scoped',
    realtime: 'none',
    ingestion: 'none',
    llm: 'none',
    ...overrides,
  }
  return AREAS.map((area) => ({
    area,
    title: area,
    choice: { id: picks[area], name: picks[area], ...(vendors[area] && { vendor: vendors[area] }) },
    status: area === 'cache' ? 'defer' : 'adopt',
    because: [{ rule: `${area}.fixture`, inputs: [], text: 'Test fixture.' }],
    alternatives: [],
    revisitWhen: [],
    guide: 'cost-bands',
  }))
}

function costsFor(name: string, overrides: Choices = {}, vendors: Vendors = {}): Costs {
  const a = EXAMPLES[name]
  return estimateCosts(a, decisionsFor(a, overrides, vendors), catalog)
}

function answers(name: string, patch: (a: AnswersInput) => void): Answers {
  const input = structuredClone(EXAMPLES[name]) as AnswersInput
  patch(input)
  return AnswersSchema.parse(input)
}

const sum = (xs: readonly number[]) => xs.reduce((s, x) => s + x, 0)

function expectWellFormed(costs: Costs) {
  expect(CostsSchema.parse(costs)).toEqual(costs)
  for (let m = 0; m < 12; m++) {
    expect(costs.bands.lean.monthly[m]).toBeLessThanOrEqual(costs.bands.moderate.monthly[m])
    expect(costs.bands.moderate.monthly[m]).toBeLessThanOrEqual(costs.bands.scaled.monthly[m])
    for (const item of costs.lineItems) {
      expect(item.bands.lean[m]).toBeGreaterThanOrEqual(0)
      expect(item.bands.lean[m]).toBeLessThanOrEqual(item.bands.moderate[m])
      expect(item.bands.moderate[m]).toBeLessThanOrEqual(item.bands.scaled[m])
    }
  }
  for (const band of BANDS) {
    const totals = costs.bands[band]
    expect(totals.total12Months).toBe(sum(totals.monthly))
    expect(totals.monthly).toEqual(
      Array.from({ length: 12 }, (_, m) => sum(costs.lineItems.map((item) => item.bands[band][m]))),
    )
  }
  expect(costs.bands.lean.total12Months).toBeLessThanOrEqual(costs.bands.moderate.total12Months)
  expect(costs.bands.moderate.total12Months).toBeLessThanOrEqual(costs.bands.scaled.total12Months)
}

const components = (costs: Costs) => costs.lineItems.map((item) => item.name)
const lineIds = (costs: Costs) => costs.lineItems.map((item) => item.id)

describe('cost bands for the example answers (seed 002, 12-month feasibility lens: lean, moderate and scaled bands)', () => {
  const names = Object.keys(EXAMPLES).sort()

  it('has all six examples to price', () => {
    expect(names).toHaveLength(6)
  })

  it.each(names)('%s: bands are ordered every month, totals are the sums, the shape matches the contract', (name) => {
    expectWellFormed(costsFor(name))
  })

  it.each(names)('%s: the usage curve starts at launch users and ends at 12-month users', (name) => {
    const { usage } = costsFor(name)
    expect(usage.activeUsers[0]).toBe(EXAMPLES[name].load.activeUsersAtLaunch)
    expect(usage.activeUsers[11]).toBe(EXAMPLES[name].load.activeUsersIn12Months)
    expect(usage.curve).toMatch(/month 12|all twelve months/)
  })

  it.each(names)('%s: the same input gives byte-identical JSON', (name) => {
    expect(JSON.stringify(costsFor(name))).toBe(JSON.stringify(costsFor(name)))
  })

  it.each(names)('%s: every line item names a dated source for each price it used', (name) => {
    for (const item of costsFor(name).lineItems) {
      expect(item.sources.length, item.id).toBeGreaterThan(0)
      for (const s of item.sources) {
        expect(s.url).not.toBe('')
        expect(s.asOf).toMatch(/^\d{4}-\d{2}(-\d{2})?$/)
      }
    }
  })

  it.each(names)('%s: carries the catalog date and states its usage assumptions', (name) => {
    const costs = costsFor(name)
    expect(costs.pricesAsOf).toBe(catalog.pricesAsOf)
    const text = costs.assumptions.join('\n')
    expect(text).toContain(catalog.pricesAsOf)
    expect(text).toMatch(/list prices/)
    expect(text).toMatch(/requests a month/)
    expect(text).toMatch(/emails a month/)
  })
})

describe('line items follow the decisions', () => {
  it.each([
    ['clerk', 'Clerk'],
    ['auth0', 'Auth0'],
    ['stytch', 'Stytch'],
    ['better_auth', 'Better-Auth inside the app'],
  ])(
    'auth %s is priced as %s and no other provider: hosted auth, never rolled by hand (seed 000, auth and payments)',
    (choice, component) => {
      const costs = costsFor('b2b-saas', { auth: choice })
      const auth = costs.lineItems.filter((item) => item.area === 'auth')
      expect(auth.map((item) => item.name)).toEqual([component])
      expectWellFormed(costs)
    },
  )

  it('prices Better-Auth at nothing: open source running on the app’s own hosting (seed 000, auth and payments)', () => {
    const item = costsFor('b2b-saas', { auth: 'better_auth' }).lineItems.find((i) => i.id === 'auth')!
    expect(sum(item.bands.scaled)).toBe(0)
  })

  it('keeps Clerk on the free plan in lean while users fit, and on Pro in moderate', () => {
    const item = costsFor('clinic-portal', { auth: 'clerk' }).lineItems.find((i) => i.id === 'auth')!
    expect(item.bands.lean[11]).toBe(0)
    expect(item.bands.moderate[11]).toBe(2500)
  })

  it.each([
    ['postmark', 'Postmark'],
    ['resend', 'Resend'],
    ['amazon_ses', 'Amazon SES'],
  ])('email %s is priced as %s: hosted email (seed 000, default architecture)', (choice, component) => {
    const costs = costsFor('india-marketplace', { email: choice })
    expect(costs.lineItems.filter((i) => i.area === 'email').map((i) => i.name)).toEqual([component])
    expectWellFormed(costs)
  })

  it.each([
    ['grafana_stack', 'Grafana Cloud'],
    ['datadog', 'Datadog'],
    ['honeycomb', 'Honeycomb'],
  ])(
    'observability %s is priced as %s: Grafana free tier or a paid tool for less ops work (seed 000, observability from day one)',
    (choice, component) => {
      const costs = costsFor('ai-research-assistant', { observability: choice })
      expect(costs.lineItems.filter((i) => i.area === 'observability').map((i) => i.name)).toEqual([component])
      expectWellFormed(costs)
    },
  )

  it('Grafana Cloud costs nothing in lean while logs and traces fit the free plan (seed 000, observability)', () => {
    const item = costsFor('clinic-portal', { observability: 'grafana_stack' }).lineItems.find(
      (i) => i.id === 'observability',
    )!
    expect(sum(item.bands.lean)).toBe(0)
    expect(item.bands.moderate[0]).toBeGreaterThan(0)
  })

  it.each([
    ['managed_paas', 'remix app on Railway services', 'Neon Postgres'],
    ['cloud_provider', 'remix app on AWS EC2 instances', 'Amazon RDS for PostgreSQL'],
    ['self_hosted', 'remix app on virtual servers run by your team', 'Postgres, run by your team'],
  ])(
    'hosting %s runs the app as %s with %s: one deployable and one relational database (seed 000, default architecture)',
    (hosting, app, db) => {
      const costs = costsFor('b2b-saas', { hosting })
      const named = (id: string) => costs.lineItems.find((i) => i.id === id)?.name
      expect([named('app'), named('database')]).toEqual([app, db])
      expectWellFormed(costs)
    },
  )

  it('an undecided hosting falls back to the stated preference', () => {
    const costs = costsFor('iot-telemetry', { hosting: 'none', timeseries_store: 'postgres' })
    expect(costs.lineItems.find((i) => i.id === 'database')?.name).toBe('Amazon RDS for PostgreSQL')
  })

  it('prices Timescale as the one Postgres service for time-series at volume (seed 000, database choices)', () => {
    const costs = costsFor('iot-telemetry')
    expect(costs.lineItems.find((i) => i.id === 'database')).toMatchObject({
      area: 'timeseries_store',
      component: 'database',
      name: 'Timescale Cloud (Postgres with time-series)',
    })
    expect(costs.lineItems.find((i) => i.id === 'database')!.sources.every((s) => s.estimate)).toBe(true)
    const plain = costsFor('iot-telemetry', { timeseries_store: 'postgres' })
    expect(components(plain)).toContain('Amazon RDS for PostgreSQL')
    expect(components(plain)).not.toContain('Timescale Cloud (Postgres with time-series)')
  })

  it('gives pgvector database headroom instead of a vector database (seed 000, vector search starts in pgvector)', () => {
    const withVectors = costsFor('ai-research-assistant')
    const without = costsFor('ai-research-assistant', { vector_store: 'none' })
    const db = (c: Costs) => c.lineItems.find((i) => i.id === 'database')!
    for (const band of BANDS) expect(db(withVectors).bands[band][11]).toBeGreaterThan(db(without).bands[band][11])
    expect(db(withVectors).basis).toMatch(/pgvector/)
    // The only vector line is the embedding API: no dedicated vector database is priced.
    expect(withVectors.lineItems.filter((i) => i.area === 'vector_store').map((i) => i.id)).toEqual(['embeddings'])
  })

  it('adds an object storage line only when files are stored in object storage', () => {
    expect(lineIds(costsFor('b2b-saas'))).toContain('object_storage')
    expect(lineIds(costsFor('b2b-saas', { file_storage: 'none' }))).not.toContain('object_storage')
    expect(lineIds(costsFor('internal-dashboard'))).not.toContain('object_storage')
  })

  it('without a named bucket, object storage falls back to S3 on a cloud provider and R2 elsewhere', () => {
    expect(components(costsFor('india-marketplace'))).toContain('Amazon S3')
    expect(components(costsFor('clinic-portal'))).toContain('Cloudflare R2')
  })

  it.each([
    ['clinic-portal', 'amazon_s3', 'Amazon S3', 'aws.amazon.com/s3'],
    ['b2b-saas', 'amazon_s3', 'Amazon S3', 'aws.amazon.com/s3'],
    ['india-marketplace', 'cloudflare_r2', 'Cloudflare R2', 'developers.cloudflare.com/r2'],
    ['b2b-saas', 'cloudflare_r2', 'Cloudflare R2', 'developers.cloudflare.com/r2'],
  ])(
    '%s: a bucket named %s is priced as %s whatever the hosting (seed 000, S3 for HIPAA, a cloud account or residency; R2 otherwise)',
    (name, vendor, component, source) => {
      const costs = costsFor(name, { file_storage: 'object_storage' }, { file_storage: vendor })
      const storage = costs.lineItems.filter((i) => i.area === 'file_storage')
      expect(storage.map((i) => i.name)).toEqual([component])
      expect(storage[0].sources.every((s) => s.url.includes(source))).toBe(true)
      expectWellFormed(costs)
    },
  )

  it('prices S3 storage, requests and downloads from the catalog: 2,500 users in month 12 (seed 000, S3 egress fees)', () => {
    const item = costsFor('clinic-portal', {}, { file_storage: 'amazon_s3' }).lineItems.find(
      (i) => i.id === 'object_storage',
    )!
    // 125 GB × $0.023 + 50,000 PUTs × $0.005/1k + 250,000 GETs × $0.0004/1k + 62.5 GB × $0.09 = $8.85
    expect(item.bands.lean[11]).toBe(885)
    expect(item.bands.scaled[11]).toBe(885)
    expect(item.basis).toMatch(/\$0\.09 per GB sent out/)
  })

  it.each([
    ['inline', false],
    ['postgres_jobs_table', false],
    ['queue', true],
  ] as const)(
    'jobs %s has a queue line: %s; a jobs table adds no infrastructure (seed 000, background jobs)',
    (jobs, hasQueue) => {
      const costs = costsFor('b2b-saas', { jobs })
      expect(lineIds(costs).includes('queue')).toBe(hasQueue)
      expectWellFormed(costs)
    },
  )

  it.each([
    ['bullmq', 'Upstash Redis for BullMQ'],
    ['sidekiq', 'Upstash Redis for Sidekiq'],
    ['celery', 'Upstash Redis for Celery'],
    ['laravel', 'Upstash Redis for Laravel queues'],
  ])(
    'a %s queue is priced as %s: the library runs on Redis (seed 000, BullMQ or Sidekiq with Redis)',
    (vendor, component) => {
      const costs = costsFor('ai-research-assistant', { jobs: 'queue' }, { jobs: vendor })
      expect(costs.lineItems.filter((i) => i.id === 'queue').map((i) => i.name)).toEqual([component])
      expect(costs.lineItems.find((i) => i.id === 'queue')!.bands).toEqual(
        costsFor('ai-research-assistant', { jobs: 'queue' }).lineItems.find((i) => i.id === 'queue')!.bands,
      )
      expectWellFormed(costs)
    },
  )

  it('without a named queue product, the queue is priced as Upstash Redis, as before', () => {
    expect(components(costsFor('b2b-saas', { jobs: 'queue' }))).toContain('Upstash Redis')
  })

  it('an Oban queue adds no line: its jobs live in the Postgres already priced (seed 000, Postgres handles job queues)', () => {
    const costs = costsFor('b2b-saas', { jobs: 'queue' }, { jobs: 'oban' })
    expect(lineIds(costs)).not.toContain('queue')
    expect(costs.assumptions.join('\n')).toMatch(/Oban keeps the jobs in a table of the Postgres database/)
    const app = (c: Costs) => c.lineItems.find((i) => i.id === 'app')!
    expect(app(costs).bands).toEqual(app(costsFor('b2b-saas', { jobs: 'queue' })).bands)
    expectWellFormed(costs)
  })

  it('an SQS queue is priced as Amazon SQS per million requests, the first million free (seed 000, SQS)', () => {
    const costs = costsFor('iot-telemetry', { jobs: 'queue' }, { jobs: 'sqs' })
    const jobs = costs.lineItems.filter((i) => i.id === 'queue')
    expect(jobs.map((i) => i.name)).toEqual(['Amazon SQS'])
    expect(jobs[0].sources).toEqual([{ url: 'https://aws.amazon.com/sqs/pricing/', asOf: '2026-01', estimate: true }])
    expect(jobs[0].basis).toMatch(/1,000,000 requests a month are free/)
    expect(costs.assumptions.join('\n')).toMatch(/SQS requests each/)
    expectWellFormed(costs)
  })

  it.each([
    // 3,000 users × 20 jobs × 3 requests + idle long polls stay inside the free million.
    [3000, [0, 0, 0]],
    // 50,000 users: 3,000,000 requests + 131,400 per worker, less the free million, at $0.40 per million.
    [50_000, [85, 85, 91]],
  ])('SQS in month 12 at %i users costs %j cents (lean, moderate, scaled)', (users, expected) => {
    const a = answers('iot-telemetry', (x) => {
      x.load.activeUsersIn12Months = users
    })
    const item = estimateCosts(a, decisionsFor(a, { jobs: 'queue' }, { jobs: 'sqs' }), catalog).lineItems.find(
      (i) => i.id === 'queue',
    )!
    expect(BANDS.map((b) => item.bands[b][11])).toEqual(expected)
  })

  it('a jobs table adds a worker in moderate and scaled but costs lean nothing extra (seed 000, background jobs)', () => {
    const worker = (jobs: string) => costsFor('b2b-saas', { jobs }).lineItems.find((i) => i.id === 'worker')
    expect(worker('inline')).toBeUndefined()
    expect(sum(worker('postgres_jobs_table')!.bands.lean)).toBe(0)
    expect(worker('postgres_jobs_table')!.bands.moderate[11]).toBeGreaterThan(0)
  })

  it('prices no cache in any band: caching waits for a measured hot path (seed 000, caching)', () => {
    for (const name of Object.keys(EXAMPLES)) {
      expect(costsFor(name).lineItems.some((i) => i.area === 'cache')).toBe(false)
    }
  })

  it('leaves out an area whose decision is not adopted', () => {
    const costs = costsFor('b2b-saas', { auth: 'none', email: 'none', observability: 'none' })
    expect(lineIds(costs)).toEqual(['app', 'worker', 'database', 'object_storage', 'payments'])
  })
})

describe('the brief costs exactly what it recommends', () => {
  const BUCKETS: Record<string, string> = { amazon_s3: 'Amazon S3', cloudflare_r2: 'Cloudflare R2' }
  const QUEUES: Record<string, string | undefined> = {
    oban: undefined,
    sqs: 'Amazon SQS',
    bullmq: 'Upstash Redis for BullMQ',
    sidekiq: 'Upstash Redis for Sidekiq',
    celery: 'Upstash Redis for Celery',
    laravel: 'Upstash Redis for Laravel queues',
  }

  it.each(Object.keys(EXAMPLES).sort())(
    '%s: the bucket and the queue priced are the ones the decisions name',
    (name) => {
      const brief = generateBrief(EXAMPLES[name], catalog)
      const decision = (area: Area) => brief.decisions.find((d) => d.area === area)!
      const priced = (area: Area) =>
        brief.costs.lineItems.filter((i) => i.area === area && i.id !== 'worker').map((i) => i.name)

      const files = decision('file_storage').choice
      expect(priced('file_storage')).toEqual(files.id === 'object_storage' ? [BUCKETS[files.vendor!]] : [])
      if (files.id === 'object_storage') expect(files.vendor).toBeDefined()

      const jobs = decision('jobs').choice
      const queue = jobs.id === 'queue' ? QUEUES[jobs.vendor!] : undefined
      expect(priced('jobs')).toEqual(queue ? [queue] : [])
    },
  )
})

describe('transaction fees, per $1,000 processed and outside the bands (seed 000, auth and payments)', () => {
  it('Stripe: 2.9% + 30¢ at a $50 average charge, with an international line for markets abroad', () => {
    const fees = costsFor('b2b-saas').transactionFees
    expect(fees.map((f) => [f.provider, f.per1000ProcessedCents])).toEqual([
      ['stripe', 3500],
      ['stripe', 6000],
    ])
    expect(fees[1].text).toMatch(/1\.5%.*1%/)
  })

  it('Stripe for US-only payers has no international line', () => {
    expect(costsFor('clinic-portal').transactionFees.map((f) => f.per1000ProcessedCents)).toEqual([3500])
  })

  it('Razorpay for rupee payments: 2% plus 18% GST on the fee', () => {
    const fees = costsFor('india-marketplace').transactionFees
    expect(fees).toHaveLength(1)
    expect(fees[0]).toMatchObject({ provider: 'razorpay', per1000ProcessedCents: 2360 })
    expect(fees[0].text).toMatch(/GST/)
  })

  it('no payments, no fee lines; a Stripe line only with Stripe', () => {
    expect(costsFor('internal-dashboard').transactionFees).toEqual([])
    expect(
      costsFor('india-marketplace', { payments: 'stripe' }).transactionFees.every((f) => f.provider === 'stripe'),
    ).toBe(true)
    expect(costsFor('b2b-saas', { payments: 'razorpay' }).transactionFees.some((f) => f.provider === 'stripe')).toBe(
      false,
    )
  })

  it('keeps fees out of the bands', () => {
    const a = EXAMPLES['b2b-saas']
    const withStripe = estimateCosts(a, decisionsFor(a), catalog)
    const without = estimateCosts(a, decisionsFor(a, { payments: 'none' }), catalog)
    expect(withStripe.bands).toEqual(without.bands)
  })
})

describe('the usage curve', () => {
  it.each([
    ['grows geometrically', 300, 8000],
    ['shrinks', 5000, 1200],
    ['holds', 40, 40],
    ['starts from zero', 0, 1000],
    ['falls to zero', 600, 0],
    ['stays at zero', 0, 0],
  ])('%s from %i to %i', (_, launch, target) => {
    const curve = usageCurve(launch, target)
    expect(curve).toHaveLength(12)
    expect(curve[0]).toBe(launch)
    expect(curve[11]).toBe(target)
    for (let m = 1; m < 12; m++) {
      if (target >= launch) expect(curve[m]).toBeGreaterThanOrEqual(curve[m - 1])
      else expect(curve[m]).toBeLessThanOrEqual(curve[m - 1])
      expect(Number.isInteger(curve[m])).toBe(true)
    }
  })

  it('describes growth by its monthly rate', () => {
    expect(costsFor('b2b-saas').usage.curve).toBe(
      'Monthly active users grow geometrically from 300 at launch to 8,000 in month 12, by about 34.8% a month.',
    )
  })

  it.each([
    ['zero users throughout', 0, 0],
    ['a shrinking product', 20000, 3000],
    ['a launch from nothing', 0, 50000],
  ])('prices %s with ordered bands', (_, launch, target) => {
    const a = answers('b2b-saas', (x) => {
      x.load.activeUsersAtLaunch = launch
      x.load.activeUsersIn12Months = target
    })
    expectWellFormed(estimateCosts(a, decisionsFor(a), catalog))
  })
})

describe('ordering holds for any load and any choices', () => {
  const pick = <T>(xs: readonly T[]) => fc.constantFrom(...xs)
  it('lean <= moderate <= scaled every month and in total', () => {
    fc.assert(
      fc.property(
        fc.record({
          launch: fc.integer({ min: 0, max: 200_000 }),
          target: fc.integer({ min: 0, max: 500_000 }),
          rps: fc.double({ min: 0, max: 3000, noNaN: true }),
          gb: fc.double({ min: 0, max: 3000, noNaN: true }),
          vectors: fc.integer({ min: 0, max: 20_000_000 }),
          events: fc.double({ min: 0, max: 50_000, noNaN: true }),
          profile: pick(['read_heavy', 'balanced', 'write_heavy'] as const),
          hosting: pick(['managed_paas', 'cloud_provider', 'self_hosted']),
          timeseries: pick(['none', 'postgres', 'timescale']),
          vector: pick(['none', 'pgvector']),
          files: pick(['none', 'object_storage']),
          bucket: pick(['', 'amazon_s3', 'cloudflare_r2']),
          jobs: pick(['inline', 'postgres_jobs_table', 'queue']),
          queue: pick(['', 'oban', 'sqs', 'bullmq', 'sidekiq', 'celery', 'laravel']),
          auth: pick(['clerk', 'auth0', 'stytch', 'better_auth']),
          email: pick(['postmark', 'resend', 'amazon_ses']),
          observability: pick(['grafana_stack', 'datadog', 'honeycomb']),
        }),
        (r) => {
          const a = answers('ai-research-assistant', (x) => {
            x.load.activeUsersAtLaunch = r.launch
            x.load.activeUsersIn12Months = r.target
            x.load.peakRequestsPerSecond = r.rps
            x.load.readWriteProfile = r.profile
            x.load.dataVolumeGbIn12Months = r.gb
            x.data = { ...x.data, kinds: ['relational', 'vectors', 'timeseries', 'files'] }
            x.data.vectorCount = r.vectors
            x.data.timeseriesEventsPerSecond = r.events
          })
          const costs = estimateCosts(
            a,
            decisionsFor(
              a,
              {
                hosting: r.hosting,
                timeseries_store: r.timeseries,
                vector_store: r.vector,
                file_storage: r.files,
                jobs: r.jobs,
                auth: r.auth,
                email: r.email,
                observability: r.observability,
              },
              { file_storage: r.bucket, jobs: r.queue },
            ),
            catalog,
          )
          expectWellFormed(costs)
        },
      ),
      { numRuns: 200, seed: 20260601 },
    )
  })
})

import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { AS_OF_PATTERN, describePrice, newestAsOf, PriceSchema } from '#app/engine/catalog.ts'
import { projectRoot } from '#app/lib/project-root.server.ts'
import { loadCatalog } from './catalog.server.ts'

const CATALOG_DIR = join(projectRoot(), 'content', 'catalog')
const temps: string[] = []

afterAll(() => {
  for (const dir of temps) rmSync(dir, { recursive: true, force: true })
})

/** A copy of the real catalog in a temp dir, with one file edited or added. */
function catalogWith(file: string, edit: (text: string) => string): string {
  const dir = mkdtempSync(join(tmpdir(), 'stackbrief-catalog-'))
  temps.push(dir)
  cpSync(CATALOG_DIR, dir, { recursive: true })
  const path = join(dir, file)
  let text = ''
  try {
    text = readFileSync(path, 'utf8')
  } catch {}
  writeFileSync(path, edit(text))
  return dir
}

function loadError(dir: string): string {
  try {
    loadCatalog(dir)
  } catch (err) {
    return (err as Error).message
  }
  throw new Error(`expected ${dir} to fail to load`)
}

const prices = () =>
  loadCatalog().components.flatMap((c) =>
    c.plans.flatMap((plan) => plan.prices.map((price) => ({ at: `${c.id}.${plan.id}.${price.id}`, price }))),
  )

describe('the price catalog in content/catalog', () => {
  it('loads, with a version and the date of its newest price', () => {
    const catalog = loadCatalog()
    expect(catalog.version).toMatch(/^\d{4}\.\d{2}\.\d+$/)
    expect(catalog.pricesAsOf).toBe(newestAsOf(catalog.components))
    expect(catalog.currency).toBe('USD')
  })

  it('gives every price a source and an as-of date', () => {
    for (const { at, price } of prices()) {
      expect(price.source, at).toMatch(/\S/)
      expect(price.asOf, at).toMatch(AS_OF_PATTERN)
    }
  })

  it('marks the figures the reference list flags as unsure as estimates', () => {
    const estimate = new Map(prices().map(({ at, price }) => [at, price.estimate]))
    for (const at of [
      'render.starter.instance',
      'auth0.essentials.extra_mau',
      'stytch.pay_as_you_go.extra_mau',
      'amazon_ses.pay_as_you_go.emails',
      'honeycomb.pro.base',
      'timescale_cloud.performance.compute',
      'small_vps.vps_2gb.instance',
      'aws_ec2.t4g_small.instance',
    ]) {
      expect(estimate.get(at), at).toBe(true)
    }
    for (const at of [
      'neon.launch.compute',
      // vendors.md confirms Clerk's free plan at 50,000 monthly retained users.
      'clerk.free.mau',
      'aws_rds_postgres.single_az.db_t4g_micro',
      'stripe.standard.card_percent',
    ]) {
      expect(estimate.get(at), at).toBe(false)
    }
  })

  it('covers every hosting, auth, email, observability and payment choice that costs money', () => {
    const served = new Set(loadCatalog().components.map((c) => `${c.area}:${c.choice}`))
    for (const pair of [
      'hosting:managed_paas',
      'hosting:cloud_provider',
      'hosting:self_hosted',
      'database:postgres',
      'timeseries_store:timescale',
      'auth:clerk',
      'auth:auth0',
      'auth:stytch',
      'auth:better_auth',
      'email:postmark',
      'email:resend',
      'email:amazon_ses',
      'observability:grafana_stack',
      'observability:datadog',
      'observability:honeycomb',
      'file_storage:object_storage',
      'jobs:queue',
      'payments:stripe',
      'payments:razorpay',
    ]) {
      expect(served.has(pair), pair).toBe(true)
    }
  })

  it('has no dedicated vector database: it is deferred until pgvector measurably slows (seed 000, vector search)', () => {
    expect(loadCatalog().components.some((c) => c.area === 'vector_store')).toBe(false)
  })

  it('returns the same parsed object for the same folder', () => {
    expect(loadCatalog(CATALOG_DIR)).toBe(loadCatalog())
  })
})

describe('a broken catalog stops startup with the file, the field, what was expected and what was found', () => {
  it.each([
    [
      'a fractional cent amount',
      'auth.yaml',
      (t: string) => t.replace('cents: 2500', 'cents: 25.5'),
      ['auth.yaml', 'components[0].plans[1].prices[0].cents', 'expected an integer', 'got 25.5'],
    ],
    [
      'an unknown unit',
      'email.yaml',
      (t: string) => t.replace('unit: email', 'unit: emails'),
      ['email.yaml', 'components[0].plans[0].prices[0].unit', 'expected one of "month"', 'got "emails"'],
    ],
    [
      'a missing source',
      'queues.yaml',
      (t: string) => t.replace(/\n\s+source: https:\/\/upstash.com\/docs\/redis\/overall\/pricing/, ''),
      ['queues.yaml', 'components[0].plans[0].prices[0].source', 'expected a string', 'got nothing'],
    ],
    [
      'a badly written date',
      'payments.yaml',
      (t: string) => t.replace('asOf: 2026-01', 'asOf: January 2026'),
      [
        'payments.yaml',
        'components[0].plans[0].prices[0].asOf',
        'expected a date as YYYY-MM or YYYY-MM-DD',
        'got "January 2026"',
      ],
    ],
    [
      'a misspelt field',
      'hosting.yaml',
      (t: string) => t.replace('choice: managed_paas', 'choise: managed_paas'),
      ['hosting.yaml', 'components[0].choise', 'expected only the documented fields', 'got unknown field "choise"'],
    ],
    [
      'an unknown area',
      'storage.yaml',
      (t: string) => t.replace('area: file_storage', 'area: files'),
      ['storage.yaml', 'components[0].area', 'expected one of', 'got "files"'],
    ],
    [
      'both cents and a percentage',
      'payments.yaml',
      (t: string) => t.replace('basisPoints: 290', 'basisPoints: 290\n            cents: 30'),
      ['payments.yaml', 'components[0].plans[0].prices[0]', 'expected exactly one of cents or basisPoints'],
    ],
    [
      'a YAML syntax error',
      'auth.yaml',
      (t: string) => t.replace('name: Clerk', 'name: [Clerk'),
      ['auth.yaml', 'line ', 'expected valid YAML', 'got '],
    ],
    [
      'a stale pricesAsOf',
      'index.yaml',
      (t: string) => t.replace(/pricesAsOf: .*/, 'pricesAsOf: 2025-01'),
      ['index.yaml', 'pricesAsOf', 'expected the newest asOf of any price, "2026-12"', 'got "2025-01"'],
    ],
    [
      'a component id used in two files',
      'zz-extra.yaml',
      () =>
        'components:\n  - id: stripe\n    name: Stripe again\n    area: payments\n    choice: stripe\n    url: https://stripe.com\n    plans:\n      - id: standard\n        name: Standard\n        prices:\n          - { id: fee, cents: 30, unit: charge, source: https://stripe.com/pricing, asOf: 2026-01 }\n',
      ['zz-extra.yaml', 'components[0].id', 'expected a component id not used before', 'got "stripe"'],
    ],
    ['an empty file', 'zz-empty.yaml', () => '', ['zz-empty.yaml', 'components', 'expected a list', 'got nothing']],
  ])('%s', (_, file, edit, parts) => {
    const message = loadError(catalogWith(file, edit))
    expect(message).toMatch(/^The price catalog in .* is invalid:/)
    for (const part of parts) expect(message).toContain(part)
  })

  it('names a missing index file', () => {
    const dir = catalogWith('index.yaml', (t) => t)
    rmSync(join(dir, 'index.yaml'))
    expect(loadError(dir)).toContain('expected the catalog index (version, pricesAsOf, currency), got no such file')
  })

  it('names a missing folder', () => {
    expect(loadError(join(tmpdir(), 'stackbrief-no-such-catalog'))).toContain('expected a catalog folder')
  })
})

describe('prices read as a person would say them', () => {
  it.each([
    [{ cents: 14, unit: 'cu_hour' }, '$0.14 per CU-hour'],
    [{ cents: 16, per: 10, unit: 'instance_hour' }, '$0.016 per instance-hour'],
    [{ cents: 10, per: 1000, unit: 'email' }, '$0.10 per 1,000 emails'],
    [{ cents: 20, per: 100000, unit: 'command' }, '$0.20 per 100,000 commands'],
    [{ cents: 2500, unit: 'month' }, '$25 a month'],
    [{ cents: 180, per: 1000, unit: 'email' }, '$1.80 per 1,000 emails'],
    [{ basisPoints: 290, unit: 'processed_volume' }, '2.9% of the amount processed'],
  ])('%o reads "%s"', (fields, text) => {
    const price = PriceSchema.parse({ id: 'p', source: 's', asOf: '2026-06', ...fields })
    expect(describePrice(price)).toBe(text)
  })
})

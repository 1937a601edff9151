import { describe, expect, it } from 'vitest'
import { DecisionSchema } from '#app/engine/brief.ts'
import { type AnswersPatch, buildAnswers, ORGANIZATIONS_INPUT } from '#tests/support/answers.ts'
import { testCatalog } from '#tests/support/catalog.ts'
import { cache } from './cache.ts'

const CATALOG = testCatalog()
const decide = (over: AnswersPatch = {}) =>
  DecisionSchema.parse(cache.decide(buildAnswers(over, ORGANIZATIONS_INPUT), CATALOG))

describe('cache: deferred until measurement says so', () => {
  it.each([
    {
      fact: 'no cache on day one for a balanced product (seed 000, caching: do not add until you need it)',
      load: { readWriteProfile: 'balanced', peakRequestsPerSecond: 20 },
      fired: ['cache.defer_until_measured', 'cache.expiry_rule_first'],
    },
    {
      fact: 'a read-heavy profile does not move the deferral (seed 000, caching comes after index and query tuning)',
      load: { readWriteProfile: 'read_heavy', peakRequestsPerSecond: 60 },
      fired: ['cache.defer_until_measured', 'cache.read_heavy_is_not_a_reason', 'cache.expiry_rule_first'],
    },
    {
      fact: 'a high peak still waits for the database steps (seed 001, add caching when metrics say so)',
      load: { readWriteProfile: 'write_heavy', peakRequestsPerSecond: 2000 },
      fired: ['cache.defer_until_measured', 'cache.high_load_still_measured_first', 'cache.expiry_rule_first'],
    },
  ] as const)('$fact', ({ load, fired }) => {
    const d = decide({ load })
    expect(d.area).toBe('cache')
    expect(d.choice.id).toBe('read_through_cache')
    expect(d.status).toBe('defer')
    expect(d.because.map((b) => b.rule)).toEqual(fired)
    expect(d.revisitWhen).toEqual(['hot_path_slow_after_rightsizing'])
    expect(d.guide).toBe('caching')
  })
})

describe('cache: what the reasons say', () => {
  it('states the order: measure, index, tune, upgrade, then cache (seed 000, the correct sequence)', () => {
    const text = decide().because.find((b) => b.rule === 'cache.defer_until_measured')?.text ?? ''
    const steps = ['measure', 'index', 'tune the query', 'bigger database instance', 'cache only']
    const at = steps.map((s) => text.indexOf(s))
    expect(at.every((i) => i >= 0)).toBe(true)
    expect([...at].sort((x, y) => x - y)).toEqual(at)
  })

  it('puts the cache at the service boundary with a one-sentence expiry rule first (seed 004, read-through at the service boundary; seed 000, answer invalidation in one sentence)', () => {
    const reason = decide().because.find((b) => b.rule === 'cache.expiry_rule_first')
    expect(reason?.inputs).toEqual([])
    expect(reason?.text).toContain('service boundary')
    expect(reason?.text).toContain('not underneath at the database layer')
    expect(reason?.text).toContain('single sentence')
  })

  it.each([
    {
      fact: 'the read-heavy note reads the profile and the peak, and quotes the peak (seed 003, most apps scale reads first)',
      load: { readWriteProfile: 'read_heavy', peakRequestsPerSecond: 60 },
      rule: 'cache.read_heavy_is_not_a_reason',
      inputs: ['load.readWriteProfile', 'load.peakRequestsPerSecond'],
      mentions: '60 requests per second',
    },
    {
      fact: 'the high-load note quotes the peak (seed 001, scale in steps)',
      load: { readWriteProfile: 'balanced', peakRequestsPerSecond: 2500 },
      rule: 'cache.high_load_still_measured_first',
      inputs: ['load.peakRequestsPerSecond', 'load.readWriteProfile'],
      mentions: '2,500 requests per second',
    },
  ] as const)('$fact', ({ load, rule, inputs, mentions }) => {
    const reason = decide({ load }).because.find((b) => b.rule === rule)
    expect(reason?.inputs).toEqual(inputs)
    expect(reason?.text).toContain(mentions)
  })
})

describe('cache: alternatives', () => {
  it.each([
    {
      fact: 'Redis is never the primary store (seed 000, what to avoid: Redis as a primary store)',
      id: 'redis_primary_store',
      mentions: 'Redis is a cache',
    },
    {
      fact: 'not at the database layer (seed 004, read-through at the service boundary, not the database layer)',
      id: 'database_layer_cache',
      mentions: 'hard to expire',
    },
    {
      fact: 'not from day one (seed 000, premature caching adds a consistency bug)',
      id: 'cache_from_day_one',
      mentions: 'stale-data bugs',
    },
  ])('$fact', ({ id, mentions }) => {
    expect(decide().alternatives.find((x) => x.id === id)?.whyNot).toContain(mentions)
  })
})

describe('cache: trigger', () => {
  it('hot_path_slow_after_rightsizing fires at a p95 of 500 ms, and its action keeps the order (seed 000, measure → index → query-tune → upgrade → cache)', () => {
    expect(cache.triggers).toHaveLength(1)
    const def = cache.triggers[0]
    expect(def).toMatchObject({
      id: 'hot_path_slow_after_rightsizing',
      area: 'cache',
      metric: 'p95_latency_ms',
      comparator: '>=',
      threshold: 500,
      guide: 'caching',
    })
    const at = [
      'measure',
      'index',
      'tune the query',
      'bigger database instance',
      'read-through cache',
      'one sentence',
    ].map((s) => def.action.indexOf(s))
    expect(at.every((i) => i >= 0)).toBe(true)
    expect([...at].sort((x, y) => x - y)).toEqual(at)
    expect(def.action).toContain('service boundary')
  })
})

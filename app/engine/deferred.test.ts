import { describe, expect, it } from 'vitest'
import { type AnswersPatch, buildAnswers, withReads } from '#tests/support/answers.ts'
import { defaultStack, makeDecisions } from '#tests/support/decisions.ts'
import { DeferredItemSchema } from './brief.ts'
import { listDeferred, STANDING_DEFERRALS } from './deferred.ts'

const STANDING_TRIGGERS = {
  split_services: 'team_outgrows_one_service',
  multi_region: 'residency_needs_second_region',
  read_replicas_and_sharding: 'sustained_db_pressure',
  dedicated_vector_db: 'vector_latency_under_load',
  warehouse: 'warehouse_justified',
  queue: 'jobs_exceed_request_budget',
  dedicated_search_engine: 'search_outgrows_postgres',
}

function deferred(patch: AnswersPatch = {}, decisions = defaultStack()) {
  return listDeferred(buildAnswers(patch), decisions)
}
const idsOf = (items: { id: string }[]) => items.map((i) => i.id)

describe('listDeferred: decisions their area deferred', () => {
  it('lists a deferred decision until its first trigger: caching waits for a measured hot path (seed 000, caching)', () => {
    const item = deferred().find((d) => d.id === 'read_through_cache')
    expect(item).toMatchObject({ until: 'hot_path_slow_after_rightsizing', what: 'Read-through cache (cache)' })
    expect(item?.because[0].rule).toBe('deferred.decision')
    expect(item?.because[0].text).toMatch(/^cache is deferred, and it reopens when this holds/)
  })

  it('takes the inputs of the deferred decision as its own', () => {
    const decisions = defaultStack({
      cache: {
        choice: 'read_through_cache',
        status: 'defer',
        revisitWhen: ['hot_path_slow_after_rightsizing', 'sustained_db_pressure'],
        inputs: ['load.readWriteProfile', 'load.peakRequestsPerSecond'],
      },
    })
    const item = listDeferred(buildAnswers(), decisions).find((d) => d.id === 'read_through_cache')
    expect(item?.until).toBe('hot_path_slow_after_rightsizing')
    expect(item?.because[0].inputs).toEqual(['load.peakRequestsPerSecond', 'load.readWriteProfile'])
  })

  it('skips adopted decisions and a deferral with no trigger to reopen it', () => {
    const decisions = makeDecisions({ cache: { choice: 'read_through_cache', status: 'defer' } })
    expect(idsOf(listDeferred(buildAnswers(), decisions))).not.toContain('read_through_cache')
  })
})

describe('listDeferred: standing deferrals and the trigger that reopens each', () => {
  it.each<[string, AnswersPatch, string]>([
    ['split_services', {}, 'services wait for more than 15 engineers on one service (seed 000, migration signals)'],
    ['multi_region', {}, 'a second region waits for residency rules that require it (seed 000, migration signals)'],
    ['read_replicas_and_sharding', {}, 'replicas and shards wait for measured database pressure (seed 000, seed 001)'],
    ['warehouse', {}, 'a warehouse waits for volume that justifies it (seed 002, data pipeline)'],
    ['queue', {}, 'a queue waits for work past the 30-second request budget (seed 000, background jobs)'],
    ['dedicated_vector_db', { data: { kinds: ['relational', 'vectors'] } }, 'pgvector first (seed 000, vector search)'],
    ['dedicated_search_engine', { data: { kinds: ['relational', 'search'] } }, 'Postgres full-text first (seed 000)'],
  ])('%s: %s', (id, patch) => {
    const item = deferred(patch).find((d) => d.id === id)
    expect(item?.until).toBe(STANDING_TRIGGERS[id as keyof typeof STANDING_TRIGGERS])
  })

  it.each<[string, AnswersPatch, Parameters<typeof defaultStack>[0], boolean]>([
    ['multi_region', {}, { deploy_regions: { choice: 'multi_region' } }, false],
    ['multi_region', {}, { deploy_regions: { choice: 'single_region' } }, true],
    ['queue', {}, { jobs: { choice: 'queue' } }, false],
    ['queue', {}, { jobs: { choice: 'inline' } }, true],
    ['dedicated_vector_db', { data: { kinds: ['relational'] } }, {}, false],
    [
      'dedicated_vector_db',
      { data: { kinds: ['vectors'] } },
      { vector_store: { choice: 'dedicated_vector_db' } },
      false,
    ],
    ['dedicated_vector_db', { data: { kinds: ['vectors'] } }, { vector_store: { choice: 'pgvector' } }, true],
    ['dedicated_search_engine', { data: { kinds: ['relational'] } }, {}, false],
  ])('%s is listed only when it applies (%j, %j) → %s', (id, patch, stack, expected) => {
    expect(idsOf(deferred(patch, defaultStack(stack))).includes(id)).toBe(expected)
  })

  it('every standing deferral names the trigger from the shared vocabulary', () => {
    expect(Object.fromEntries(STANDING_DEFERRALS.map((s) => [s.id, s.until]))).toEqual(STANDING_TRIGGERS)
  })

  it.each<[string, AnswersPatch, RegExp]>([
    ['split_services', { team: { engineersIn12Months: 16 } }, /expect 16 in 12 months, so plan the first extraction/],
    ['read_replicas_and_sharding', { load: { activeUsersIn12Months: 40_000 } }, /so watch database CPU from launch/],
    [
      'warehouse',
      { load: { dataVolumeGbIn12Months: 600 } },
      /expect 600 GB in 12 months, so expect to add the warehouse/,
    ],
    [
      'dedicated_search_engine',
      { data: { kinds: ['search'] }, load: { dataVolumeGbIn12Months: 250 } },
      /so measure search latency/,
    ],
  ])('%s says so when the 12-month figure is already past the threshold', (id, patch, pattern) => {
    expect(deferred(patch).find((d) => d.id === id)?.because[0].text).toMatch(pattern)
  })

  it.each([
    ['inline', /until then work runs inline in the request/],
    ['postgres_jobs_table', /until then a Postgres jobs table serves as the queue/],
  ])('the queue deferral says what carries the work meanwhile (jobs: %s)', (choice, pattern) => {
    expect(deferred({}, defaultStack({ jobs: choice })).find((d) => d.id === 'queue')?.because[0].text).toMatch(pattern)
  })

  it('says the numbers it compares against', () => {
    const items = deferred({ team: { engineers: 3, engineersIn12Months: 9 }, load: { longestTaskSeconds: 12 } })
    expect(items.find((d) => d.id === 'split_services')?.because[0].text).toMatch(/expect 9 in 12 months/)
    expect(items.find((d) => d.id === 'queue')?.because[0].text).toMatch(/12 s/)
  })
})

describe('listDeferred: order, duplicates and explanations', () => {
  const all: AnswersPatch = { data: { kinds: ['relational', 'vectors', 'search'] } }

  it('lists items area by area in brief order, deferred decision before standing ones', () => {
    expect(idsOf(deferred(all))).toEqual([
      'split_services',
      'multi_region',
      'read_replicas_and_sharding',
      'dedicated_vector_db',
      'dedicated_search_engine',
      'queue',
      'read_through_cache',
      'warehouse',
    ])
  })

  it('lists a thing once when its area already deferred it on the same trigger', () => {
    const decisions = defaultStack({
      jobs: { choice: 'queue', name: 'A queue', status: 'defer', revisitWhen: ['jobs_exceed_request_budget'] },
      analytics: { choice: 'warehouse', name: 'Warehouse', status: 'defer', revisitWhen: ['warehouse_justified'] },
    })
    const items = listDeferred(buildAnswers(all), decisions)
    expect(items.filter((d) => d.until === 'jobs_exceed_request_budget')).toHaveLength(1)
    expect(items.filter((d) => d.until === 'warehouse_justified')).toHaveLength(1)
    expect(new Set(idsOf(items)).size).toBe(items.length)
  })

  it('is the same list, byte for byte, on every run', () => {
    expect(JSON.stringify(deferred(all))).toBe(JSON.stringify(deferred(all)))
  })

  it('every item matches the contract and names exactly the answer paths it read, deciding and explaining', () => {
    const decisions = makeDecisions({ deploy_regions: 'single_region', vector_store: 'pgvector', jobs: 'inline' })
    const a = buildAnswers(all)
    for (const item of listDeferred(a, decisions)) {
      DeferredItemSchema.parse(item)
      const standing = STANDING_DEFERRALS.find((s) => s.id === item.id)!
      const { reads } = withReads(a, (t) => standing.applies(t, decisions) && standing.item(t, decisions))
      expect(item.because.flatMap((b) => b.inputs)).toEqual(reads)
    }
  })
})

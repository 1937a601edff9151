import { describe, expect, it } from 'vitest'
import { database } from '#app/engine/rules/database.ts'
import { documentStore } from '#app/engine/rules/document-store.ts'
import { search } from '#app/engine/rules/search.ts'
import { timeseriesStore } from '#app/engine/rules/timeseries-store.ts'
import { vectorStore } from '#app/engine/rules/vector-store.ts'
import { type AnswersPatch, buildAnswers, DATA_INPUT, trackReads } from '#tests/support/answers.ts'
import { testCatalog } from '#tests/support/catalog.ts'
import type { Answers } from './answers.ts'
import { CRITERIA, DatabaseRationaleSchema } from './brief.ts'
import { MAX_TOTAL, rateDatabases } from './database-rationale.ts'

const dataAnswers = (patch?: AnswersPatch) => buildAnswers(patch, DATA_INPUT)

const CATALOG = testCatalog()
const decide = (a: Answers) =>
  [database, timeseriesStore, vectorStore, documentStore, search].map((r) => r.decide(a, CATALOG))

function rate(over: AnswersPatch = {}) {
  const a = dataAnswers(over)
  return DatabaseRationaleSchema.parse(rateDatabases(a, decide(a)))
}

const option = (r: ReturnType<typeof rate>, id: string) => {
  const found = r.options.find((o) => o.id === id)
  if (!found) throw new Error(`option ${id} missing; listed: ${r.options.map((o) => o.id).join(', ')}`)
  return found
}
const score = (r: ReturnType<typeof rate>, id: string, criterion: (typeof CRITERIA)[number]) =>
  option(r, id).scores.find((s) => s.criterion === criterion)!

const QUIET = { load: { readWriteProfile: 'balanced' }, product: { realtime: 'none' } } as const

describe('database rationale', () => {
  it('asks the five questions of the decision framework, in order (seed 002, decision framework)', () => {
    const r = rate()
    expect(r.criteria.map((c) => c.id)).toEqual([...CRITERIA])
    for (const c of r.criteria) {
      expect(c.name.length).toBeGreaterThan(0)
      expect(c.question).toMatch(/\?$/)
    }
  })

  it('puts Postgres strictly on top for the baseline answers and chooses it (seed 000, database choices)', () => {
    const r = rate()
    expect(r.chosen).toBe('postgres')
    expect(r.options[0].id).toBe('postgres')
    expect(r.options[0].total).toBe(MAX_TOTAL)
    for (const other of r.options.slice(1)) expect(other.total).toBeLessThan(r.options[0].total)
  })

  it.each<{ name: string; over: AnswersPatch; ids: string[] }>([
    {
      name: 'MySQL always, as the other relational default (seed 002, decision framework)',
      over: QUIET,
      ids: ['postgres', 'mysql'],
    },
    {
      name: 'MongoDB only with documents (seed 000, document-like data)',
      over: { ...QUIET, data: { kinds: ['relational', 'documents'] } },
      ids: ['postgres', 'mysql', 'mongodb'],
    },
    {
      name: 'Timescale and InfluxDB only with time-series (seed 000, time-series at volume)',
      over: { ...QUIET, data: { kinds: ['relational', 'timeseries'], timeseriesEventsPerSecond: 50 } },
      ids: ['postgres', 'mysql', 'timescale', 'influxdb'],
    },
    {
      name: 'a dedicated vector database only with vectors (seed 000, vector search)',
      over: { ...QUIET, data: { kinds: ['relational', 'vectors'], vectorCount: 100_000 } },
      ids: ['postgres', 'mysql', 'dedicated_vector_db'],
    },
    {
      name: 'Elasticsearch only with search (seed 000, database choices)',
      over: { ...QUIET, data: { kinds: ['relational', 'search'] } },
      ids: ['postgres', 'mysql', 'elasticsearch'],
    },
    {
      name: 'Redis with a read-heavy load, to show it stays a cache (seed 000, what to avoid)',
      over: { ...QUIET, load: { readWriteProfile: 'read_heavy' } },
      ids: ['postgres', 'mysql', 'redis'],
    },
    {
      name: 'Redis with live updates, to show it stays a cache (seed 000, what to avoid)',
      over: { ...QUIET, product: { realtime: 'core' } },
      ids: ['postgres', 'mysql', 'redis'],
    },
    {
      name: 'DynamoDB only on a cloud provider (seed 002, operational burden)',
      over: { ...QUIET, budget: { hosting: 'cloud_provider' } },
      ids: ['postgres', 'mysql', 'dynamodb'],
    },
  ])('lists options only when relevant: $name', ({ over, ids }) => {
    expect(
      rate(over)
        .options.map((o) => o.id)
        .sort(),
    ).toEqual([...ids].sort())
  })

  it.each<{ name: string; over: AnswersPatch }>([
    { name: 'the baseline', over: {} },
    { name: 'a PHP team', over: { team: { languages: ['php'] } } },
    { name: 'a JavaScript team with documents only', over: { data: { kinds: ['documents'] } } },
    {
      name: 'an IoT product at volume on a cloud',
      over: {
        data: { kinds: ['relational', 'timeseries'], timeseriesEventsPerSecond: 4000 },
        load: { readWriteProfile: 'write_heavy', dataVolumeGbIn12Months: 600 },
        team: { languages: ['go', 'typescript'], opsExperience: 'dedicated' },
        budget: { hosting: 'cloud_provider' },
        product: { realtime: 'core' },
      },
    },
    {
      name: 'an AI product with millions of embeddings',
      over: {
        data: { kinds: ['relational', 'vectors', 'documents', 'files'], vectorCount: 8_000_000 },
        team: { languages: ['python', 'typescript'] },
      },
    },
    {
      name: 'a self-hosted team with no operations experience',
      over: {
        budget: { hosting: 'self_hosted' },
        team: { opsExperience: 'none' },
        data: { kinds: ['relational', 'search', 'documents'] },
      },
    },
    {
      name: 'a Java team on a cloud with every kind',
      over: {
        team: { languages: ['java'], opsExperience: 'some' },
        budget: { hosting: 'cloud_provider' },
        data: {
          kinds: ['relational', 'documents', 'timeseries', 'vectors', 'search', 'files'],
          timeseriesEventsPerSecond: 200,
          vectorCount: 50_000,
        },
      },
    },
  ])(
    'Postgres comes out on top, every option scored 1 to 5 on every criterion with a total: $name (seed 002, decision framework)',
    ({ over }) => {
      const r = rate(over)
      const pg = option(r, 'postgres')
      expect(r.options[0].id).toBe('postgres')
      for (const o of r.options) {
        expect(o.scores.map((s) => s.criterion)).toEqual([...CRITERIA])
        expect(o.total).toBe(o.scores.reduce((sum, s) => sum + s.score, 0))
        if (o.id !== 'postgres') expect(o.total).toBeLessThan(pg.total)
      }
      const totals = r.options.map((o) => o.total)
      expect(totals).toEqual([...totals].sort((x, y) => y - x))
    },
  )

  it.each<{
    name: string
    over: AnswersPatch
    id: string
    criterion: (typeof CRITERIA)[number]
    score: number
    says: RegExp
  }>([
    {
      name: 'managed Postgres on a platform is light to run (seed 002, operational burden)',
      over: {},
      id: 'postgres',
      criterion: 'operational_burden',
      score: 5,
      says: /managed platform/,
    },
    {
      name: 'self-hosting with no operations experience is heavy (seed 002, operational burden)',
      over: { budget: { hosting: 'self_hosted' }, team: { opsExperience: 'none' } },
      id: 'postgres',
      criterion: 'operational_burden',
      score: 2,
      says: /no one on the team has run a database/,
    },
    {
      name: 'a dedicated operations engineer eases self-hosting (seed 002, operational burden)',
      over: { budget: { hosting: 'self_hosted' }, team: { opsExperience: 'dedicated' } },
      id: 'postgres',
      criterion: 'operational_burden',
      score: 4,
      says: /dedicated operations engineer/,
    },
    {
      name: 'PHP teams know MySQL best (seed 002, team familiarity)',
      over: { team: { languages: ['php'] } },
      id: 'mysql',
      criterion: 'team_familiarity',
      score: 5,
      says: /PHP/,
    },
    {
      name: 'TypeScript teams meet Postgres first (seed 002, team familiarity)',
      over: {},
      id: 'postgres',
      criterion: 'team_familiarity',
      score: 5,
      says: /TypeScript/,
    },
    {
      name: 'MySQL lacks partial indexes and transactional schema changes (seed 000, data model and migrations)',
      over: {},
      id: 'mysql',
      criterion: 'query_complexity_latency',
      score: 4,
      says: /partial indexes.*transactional schema changes/,
    },
    {
      name: 'MySQL is less familiar to a TypeScript team (seed 002, team familiarity)',
      over: {},
      id: 'mysql',
      criterion: 'team_familiarity',
      score: 4,
      says: /TypeScript teams know MySQL/,
    },
    {
      name: 'Postgres integrates with the ORMs of the team’s languages (seed 002, integration fit)',
      over: { team: { languages: ['python'] } },
      id: 'postgres',
      criterion: 'integration_fit',
      score: 5,
      says: /Django ORM/,
    },
    {
      name: 'MongoDB with relationships fits the access pattern poorly (seed 000, what to avoid)',
      over: { data: { kinds: ['relational', 'documents'] } },
      id: 'mongodb',
      criterion: 'access_pattern_fit',
      score: 2,
      says: /relational data/,
    },
    {
      name: 'InfluxDB cannot join readings to product data (seed 000, time-series at volume)',
      over: { data: { kinds: ['relational', 'timeseries'] } },
      id: 'influxdb',
      criterion: 'query_complexity_latency',
      score: 2,
      says: /no joins/,
    },
    {
      name: 'Redis has no joins or ad-hoc queries (seed 000, what to avoid)',
      over: {},
      id: 'redis',
      criterion: 'query_complexity_latency',
      score: 2,
      says: /no joins/,
    },
    {
      name: 'Postgres states the peak load it serves (seed 002, query complexity and latency)',
      over: { load: { peakRequestsPerSecond: 1200 } },
      id: 'postgres',
      criterion: 'query_complexity_latency',
      score: 5,
      says: /1,200 requests per second/,
    },
    {
      name: 'a very large vector collection strains Postgres a little (seed 000, vector search)',
      over: { data: { kinds: ['relational', 'vectors'], vectorCount: 6_000_000 } },
      id: 'postgres',
      criterion: 'access_pattern_fit',
      score: 4,
      says: /6,000,000 embeddings/,
    },
  ])('scores follow the answers: $name', ({ over, id, criterion, score: expected, says }) => {
    const s = score(rate(over), id, criterion)
    expect(s.score).toBe(expected)
    expect(s.text).toMatch(says)
  })

  it.each<{ name: string; eps: number; pgVerdict: RegExp; tsVerdict: RegExp }>([
    {
      name: 'at volume, the Timescale extension is noted in the Postgres verdict (seed 000, time-series at volume)',
      eps: 4000,
      pgVerdict: /Timescale extension/,
      tsVerdict: /extension of the chosen Postgres/,
    },
    {
      name: 'below volume, Timescale is the next step (seed 000, time-series at volume)',
      eps: 100,
      pgVerdict: /^Chosen: one Postgres database/,
      tsVerdict: /next step/,
    },
  ])('verdicts: $name', ({ eps, pgVerdict, tsVerdict }) => {
    const r = rate({ data: { kinds: ['relational', 'timeseries'], timeseriesEventsPerSecond: eps } })
    expect(r.chosen).toBe('postgres')
    expect(option(r, 'postgres').verdict).toMatch(pgVerdict)
    expect(option(r, 'timescale').verdict).toMatch(tsVerdict)
  })

  it.each<{ name: string; id: string; over: AnswersPatch; says: RegExp }>([
    {
      name: 'Redis is never the primary store (seed 000, what to avoid)',
      id: 'redis',
      over: {},
      says: /Never the primary store/,
    },
    {
      name: 'MongoDB is avoided for relational data (seed 000, what to avoid)',
      id: 'mongodb',
      over: { data: { kinds: ['relational', 'documents'] } },
      says: /Avoid.*joins written in application code/,
    },
    {
      name: 'InfluxDB is not a primary store before Postgres is measured (seed 000, time-series at volume)',
      id: 'influxdb',
      over: { data: { kinds: ['relational', 'timeseries'] } },
      says: /Not as a primary store.*measure/,
    },
    {
      name: 'the vector database waits behind its trigger (seed 000, vector search)',
      id: 'dedicated_vector_db',
      over: { data: { kinds: ['relational', 'vectors'] } },
      says: /similarity searches measure a p95 above 100 ms/,
    },
    {
      name: 'the search engine waits behind its trigger (seed 000, database choices)',
      id: 'elasticsearch',
      over: { data: { kinds: ['relational', 'search'] } },
      says: /once the data passes 200 GB and search is measurably slow/,
    },
  ])('verdicts: $name', ({ id, over, says }) => {
    expect(option(rate(over), id).verdict).toMatch(says)
  })

  it.each<{ name: string; over: AnswersPatch; rules: string[] }>([
    {
      name: 'baseline',
      over: {},
      rules: [
        'database_rationale.relational_defaults',
        'database_rationale.redis_when_reads_or_live',
        'database_rationale.scored_from_answers',
        'database_rationale.chosen_from_decision',
      ],
    },
    {
      name: 'every kind on a cloud, written evenly',
      over: {
        ...QUIET,
        budget: { hosting: 'cloud_provider' },
        data: { kinds: ['relational', 'documents', 'timeseries', 'vectors', 'search'] },
      },
      rules: [
        'database_rationale.relational_defaults',
        'database_rationale.mongodb_for_documents',
        'database_rationale.timeseries_options',
        'database_rationale.vector_option',
        'database_rationale.search_option',
        'database_rationale.dynamodb_on_cloud_provider',
        'database_rationale.scored_from_answers',
        'database_rationale.chosen_from_decision',
      ],
    },
  ])(
    'because lists the rules that shaped the options and names exactly the answers read: $name (seed 002, decision brief)',
    ({ over, rules }) => {
      const a = dataAnswers(over)
      const decisions = decide(a)
      const { answers: tracked, reads } = trackReads(a)
      const r = rateDatabases(tracked, decisions)
      expect(r.because.map((b) => b.rule)).toEqual(rules)
      const named = new Set(r.because.flatMap((b) => b.inputs))
      expect([...named].sort()).toEqual([...reads].sort())
      expect(JSON.stringify(rateDatabases(a, decisions))).toBe(JSON.stringify(r))
    },
  )
})

import { describe, expect, it } from 'vitest'
import { evaluateTrigger, readingsFromAnswers } from '#app/engine/triggers.ts'
import { type AnswersPatch, buildAnswers, DATA_INPUT } from '#tests/support/answers.ts'
import { alternative, decideChecked, reason } from '#tests/support/area-rules.ts'
import { SEARCH_OUTGROWS_POSTGRES, SEARCH_REVIEW_DB_GB, search } from './search.ts'

const dataAnswers = (patch?: AnswersPatch) => buildAnswers(patch, DATA_INPUT)

const SEARCH = ['relational', 'search'] as const

interface Row {
  name: string
  over: AnswersPatch
  choice: string
  rule: string
  says: RegExp[]
  revisitWhen: string[]
}

describe('search rules', () => {
  it.each<Row>([
    {
      name: 'none without search, with a reason naming data.kinds (seed 000, deviations are narrow)',
      over: { data: { kinds: ['relational'] }, load: { dataVolumeGbIn12Months: 500 } },
      choice: 'none',
      rule: 'search.no_search',
      says: [/did not list search/, /kinds of data|data kinds/],
      revisitWhen: [],
    },
    {
      name: 'Postgres full-text search: tsvector with a GIN index, pg_trgm for fuzzy matches (seed 000, database choices)',
      over: { data: { kinds: [...SEARCH] } },
      choice: 'postgres_fts',
      rule: 'search.postgres_full_text',
      says: [/tsvector/, /GIN index/, /pg_trgm/, /fuzzy/],
      revisitWhen: ['search_outgrows_postgres'],
    },
    {
      name: 'a small database is far from the 200 GB review point (seed 000, database choices)',
      over: { data: { kinds: [...SEARCH] }, load: { dataVolumeGbIn12Months: 12 } },
      choice: 'postgres_fts',
      rule: 'search.volume_within_postgres',
      says: [/About 12 GB/, /200 GB/],
      revisitWhen: ['search_outgrows_postgres'],
    },
    {
      name: 'a large database stays on Postgres search but measures before launch (seed 000, measure before moving)',
      over: { data: { kinds: [...SEARCH] }, load: { dataVolumeGbIn12Months: 600 } },
      choice: 'postgres_fts',
      rule: 'search.volume_within_postgres',
      says: [/About 600 GB/, /measure search latency/],
      revisitWhen: ['search_outgrows_postgres'],
    },
  ])('$name', ({ over, choice, rule, says, revisitWhen }) => {
    const d = decideChecked(search, dataAnswers(over))
    expect(d.choice.id).toBe(choice)
    expect(d.status).toBe(d.choice.id === 'none' ? 'not_applicable' : 'adopt')
    expect(d.revisitWhen).toEqual(revisitWhen)
    const text = reason(d, rule).text
    for (const pattern of says) expect(text).toMatch(pattern)
  })

  it('a dedicated engine is deferred until search is measurably slow or needs facets and typo tolerance (seed 000, database choices)', () => {
    const d = decideChecked(search, dataAnswers({ data: { kinds: [...SEARCH] } }))
    const alt = alternative(d, 'dedicated_search_engine')
    expect(alt.name).toMatch(/Elasticsearch.*OpenSearch.*Meilisearch.*Typesense/)
    expect(alt.whyNot).toMatch(/fed from Postgres.*measurably slow.*facets and typo tolerance/)
  })

  it.each<{ name: string; gb: number; status: string }>([
    { name: 'ok at 12 GB', gb: 12, status: 'ok' },
    { name: 'approaching at 160 GB', gb: 160, status: 'approaching' },
    { name: 'fired at 200 GB', gb: 200, status: 'fired' },
  ])('search_outgrows_postgres at 200 GB: $name (seed 000, database choices)', ({ gb, status }) => {
    const a = dataAnswers({ data: { kinds: [...SEARCH] }, load: { dataVolumeGbIn12Months: gb } })
    expect(evaluateTrigger(SEARCH_OUTGROWS_POSTGRES, a, readingsFromAnswers(a)).status).toBe(status)
  })

  it('owns search_outgrows_postgres: add an engine fed from Postgres (seed 000, database choices)', () => {
    expect(SEARCH_REVIEW_DB_GB).toBe(200)
    expect(search.triggers).toEqual([SEARCH_OUTGROWS_POSTGRES])
    expect(SEARCH_OUTGROWS_POSTGRES).toMatchObject({
      id: 'search_outgrows_postgres',
      area: 'search',
      metric: 'db_size_gb',
      comparator: '>=',
      threshold: 200,
    })
    expect(SEARCH_OUTGROWS_POSTGRES.action).toMatch(/fed from Postgres/)
  })
})

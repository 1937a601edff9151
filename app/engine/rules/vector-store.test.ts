import { describe, expect, it } from 'vitest'
import { evaluateTrigger, readingsFromAnswers } from '#app/engine/triggers.ts'
import { type AnswersPatch, buildAnswers, DATA_INPUT } from '#tests/support/answers.ts'
import { alternative, decideChecked, reason } from '#tests/support/area-rules.ts'
import { LARGE_VECTOR_COUNT, VECTOR_LATENCY_UNDER_LOAD, VECTOR_QUERY_P95_MS, vectorStore } from './vector-store.ts'

const dataAnswers = (patch?: AnswersPatch) => buildAnswers(patch, DATA_INPUT)

const VEC = ['relational', 'vectors'] as const

interface Row {
  name: string
  over: AnswersPatch
  choice: string
  rule: string
  says: RegExp[]
}

describe('vector store rules', () => {
  it.each<Row>([
    {
      name: 'none without vectors, with a reason naming data.kinds (seed 000, deviations are narrow)',
      over: { data: { kinds: ['relational'], vectorCount: 10_000_000 } },
      choice: 'none',
      rule: 'vector_store.no_vectors',
      says: [/You did not list vectors among your data kinds/],
    },
    {
      name: 'embeddings in pgvector: a vector column with an HNSW index (seed 000, vector search)',
      over: { data: { kinds: [...VEC], vectorCount: 200_000 } },
      choice: 'pgvector',
      rule: 'vector_store.embeddings_in_pgvector',
      says: [/vector column/, /HNSW/, /hundreds of thousands/, /low millions/],
    },
    {
      name: 'hundreds of thousands of embeddings are comfortable (seed 000, vector search)',
      over: { data: { kinds: [...VEC], vectorCount: 300_000 } },
      choice: 'pgvector',
      rule: 'vector_store.comfortable_size',
      says: [/About 300,000 embeddings/],
    },
    {
      name: 'low millions are within reach with the index in memory (seed 000, vector search)',
      over: { data: { kinds: [...VEC], vectorCount: 3_000_000 } },
      choice: 'pgvector',
      rule: 'vector_store.low_millions_within_reach',
      says: [/3,000,000/, /memory/],
    },
    {
      name: 'five million embeddings or more: pgvector as a trial, benchmarked before launch (seed 000, vector search)',
      over: { data: { kinds: [...VEC], vectorCount: 5_000_000 } },
      choice: 'pgvector',
      rule: 'vector_store.benchmark_large_collection',
      says: [/5,000,000/, /treat pgvector as a trial/, /benchmark/],
    },
    {
      name: 'no stated count still adopts pgvector (seed 000, vector search)',
      over: { data: { kinds: [...VEC] } },
      choice: 'pgvector',
      rule: 'vector_store.count_unknown',
      says: [/no count of embeddings/],
    },
  ])('$name', ({ over, choice, rule, says }) => {
    const d = decideChecked(vectorStore, dataAnswers(over))
    expect(d.choice.id).toBe(choice)
    const large = (over.data?.vectorCount ?? 0) >= 5_000_000
    expect(d.status).toBe(d.choice.id === 'none' ? 'not_applicable' : large ? 'trial' : 'adopt')
    const text = reason(d, rule).text
    for (const pattern of says) expect(text).toMatch(pattern)
  })

  it.each([
    { name: 'a modest collection', count: 50_000 },
    { name: 'a large collection', count: 20_000_000 },
  ])(
    'a dedicated vector database waits behind vector_latency_under_load: $name (seed 000, vector search)',
    ({ count }) => {
      const d = decideChecked(vectorStore, dataAnswers({ data: { kinds: [...VEC], vectorCount: count } }))
      expect(d.choice.id).toBe('pgvector')
      expect(d.revisitWhen).toEqual(['vector_latency_under_load'])
      expect(alternative(d, 'dedicated_vector_db').whyNot).toMatch(/measured under real load.*100 ms/)
    },
  )

  it.each<{ name: string; p95?: number; status: string }>([
    { name: 'unmeasured: ok, since answers cannot show latency', status: 'ok' },
    { name: 'at 100 ms: not yet past', p95: 100, status: 'approaching' },
    { name: 'above 100 ms: fired', p95: 140, status: 'fired' },
  ])(
    'vector_latency_under_load fires only on measured p95 above 100 ms: $name (seed 000, vector search)',
    ({ p95, status }) => {
      const a = dataAnswers({ data: { kinds: [...VEC], vectorCount: 100_000 } })
      const readings = { ...readingsFromAnswers(a), ...(p95 === undefined ? {} : { vector_query_p95_ms: p95 }) }
      expect(evaluateTrigger(VECTOR_LATENCY_UNDER_LOAD, a, readings).status).toBe(status)
    },
  )

  it('owns vector_latency_under_load: reproduce, tune, then move (seed 000, vector search)', () => {
    expect(LARGE_VECTOR_COUNT).toBe(5_000_000)
    expect(VECTOR_QUERY_P95_MS).toBe(100)
    expect(vectorStore.triggers).toEqual([VECTOR_LATENCY_UNDER_LOAD])
    expect(VECTOR_LATENCY_UNDER_LOAD).toMatchObject({
      id: 'vector_latency_under_load',
      area: 'vector_store',
      metric: 'vector_query_p95_ms',
      comparator: '>',
      threshold: 100,
    })
    expect(VECTOR_LATENCY_UNDER_LOAD.action).toMatch(/Reproduce.*real load.*tune the index.*dedicated store/)
  })
})

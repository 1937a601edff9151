import type { AnswerPath, Answers } from '#app/engine/answers.ts'
import type { Because, Decision } from '#app/engine/brief.ts'
import type { Catalog } from '#app/engine/catalog.ts'
import { HEALTH_INPUTS } from '#app/engine/constraints.ts'
import { callsModels } from '#app/engine/costs/usage.ts'
import { modelVendorNotes } from './llm.ts'
import type { AreaRules, TriggerDef } from './types.ts'
import { because } from './types.ts'

/** Embeddings at which pgvector is still the choice but deserves an early benchmark on real data. */
export const LARGE_VECTOR_COUNT = 5_000_000
/** Up to here pgvector with an HNSW index is comfortable on a modest instance. */
export const COMFORTABLE_VECTOR_COUNT = 1_000_000
/** Vector query p95 latency, measured under real load, past which a dedicated store is worth the move. */
export const VECTOR_QUERY_P95_MS = 100

const TITLE = 'Vector search'

const grouped = (n: number) => String(Math.round(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ',')

export const VECTOR_LATENCY_UNDER_LOAD: TriggerDef = {
  id: 'vector_latency_under_load',
  area: 'vector_store',
  title: 'Vector queries are slow under real load',
  metric: 'vector_query_p95_ms',
  comparator: '>',
  threshold: VECTOR_QUERY_P95_MS,
  action:
    'Reproduce the slow queries under real load, then tune the index (HNSW ef_search and m, enough memory to keep it cached, filtered or per-tenant indexes); if p95 stays above the threshold, move the vectors to a dedicated store and keep Postgres as the source of truth.',
  guide: 'migration-triggers',
}

function collectionSize(a: Answers): Because {
  const n = a.data.vectorCount
  const inputs = ['data.vectorCount'] as const
  if (n >= LARGE_VECTOR_COUNT) {
    return because(
      'vector_store.benchmark_large_collection',
      inputs,
      `About ${grouped(n)} embeddings at 12 months is past ${grouped(LARGE_VECTOR_COUNT)}: treat pgvector as a trial and benchmark recall and p95 latency with your real data and filters before launch, because index build time and memory are where a collection this size strains first, and a dedicated vector database is the likely next step.`,
    )
  }
  if (n > COMFORTABLE_VECTOR_COUNT) {
    return because(
      'vector_store.low_millions_within_reach',
      inputs,
      `About ${grouped(n)} embeddings at 12 months is in the low millions, still within pgvector's reach when the instance has the memory to keep the HNSW index cached.`,
    )
  }
  if (n > 0) {
    return because(
      'vector_store.comfortable_size',
      inputs,
      `About ${grouped(n)} embeddings at 12 months is well inside what pgvector serves at comfortable latency.`,
    )
  }
  return because(
    'vector_store.count_unknown',
    inputs,
    'You gave no count of embeddings; pgvector is comfortable into the hundreds of thousands, so record the real count once you know it.',
  )
}

export const vectorStore: AreaRules = {
  area: 'vector_store',
  decide(a, catalog) {
    if (!a.data.kinds.includes('vectors')) {
      return {
        area: 'vector_store',
        title: TITLE,
        choice: { id: 'none', name: 'Not needed' },
        status: 'not_applicable',
        because: [
          because(
            'vector_store.no_vectors',
            ['data.kinds'],
            'You did not list vectors among your data kinds, so there are no embeddings to store or search.',
          ),
        ],
        alternatives: [],
        revisitWhen: [],
        guide: 'databases',
      } satisfies Decision
    }
    // Past the large mark the reasons for pgvector still hold, but only a benchmark on real data can confirm them.
    const large = a.data.vectorCount >= LARGE_VECTOR_COUNT
    return {
      area: 'vector_store',
      title: TITLE,
      choice: { id: 'pgvector', name: 'pgvector in Postgres' },
      status: large ? 'trial' : 'adopt',
      because: [
        because(
          'vector_store.embeddings_in_pgvector',
          ['data.kinds', 'data.vectorCount'],
          large
            ? 'Keep embeddings in a vector column next to the rows they describe, with an HNSW index, so tenant filters and joins happen in the same query; pgvector is comfortable into the low millions of embeddings, so beyond that it has to prove itself on your data.'
            : 'Keep embeddings in a vector column next to the rows they describe, with an HNSW index: pgvector stays comfortable into the hundreds of thousands and often the low millions of embeddings, and tenant filters and joins happen in the same query.',
        ),
        collectionSize(a),
        ...embeddingsApi(a, catalog),
      ],
      alternatives: [
        {
          id: 'dedicated_vector_db',
          name: 'A dedicated vector database (Pinecone, Qdrant, Weaviate, Milvus)',
          whyNot: `Another store to keep in sync, secure and pay for; move only when pgvector's p95 latency, measured under real load, stays above ${VECTOR_QUERY_P95_MS} ms after index tuning. Most products never reach that point.`,
        },
      ],
      revisitWhen: [VECTOR_LATENCY_UNDER_LOAD.id],
      guide: 'databases',
    } satisfies Decision
  },
  triggers: [VECTOR_LATENCY_UNDER_LOAD],
}

/**
 * Who computes the embeddings: OpenAI's embeddings API, priced in the costs.
 * With a language model in the plan, that decision speaks for both APIs;
 * without one, this decision says where the API stands on residency and BAA.
 */
function embeddingsApi(a: Answers, catalog: Catalog): Because[] {
  const given = a.ai?.embeddingsPerMonth
  const embeds = given !== undefined ? given > 0 : a.data.vectorCount > 0
  if (!embeds) return []
  const read: AnswerPath[] = a.ai ? ['data.vectorCount', 'ai.embeddingsPerMonth'] : ['data.vectorCount']
  if (callsModels(a)) {
    return [
      because(
        'vector_store.embeddings_with_the_model',
        [...read, 'product.shape'],
        "OpenAI's embeddings API (text-embedding-3-small) turns each item into its vector, priced per token in the costs; the language-model decision covers it with the rest of the model calls. Store the model's name beside each vector, so a change of model re-embeds on purpose.",
      ),
    ]
  }
  const notes = modelVendorNotes(a, catalog, 'vector_store', ['openai_embeddings'])
  return [
    because(
      'vector_store.embeddings_api',
      [...read, 'product.shape', 'compliance.dataResidency', ...HEALTH_INPUTS],
      "OpenAI's embeddings API (text-embedding-3-small) turns each item into its vector, priced per token in the costs. Store the model's name beside each vector, so a change of model re-embeds on purpose.",
    ),
    ...notes,
  ]
}

import type { Answers } from '#app/engine/answers.ts'
import type { Because, Decision } from '#app/engine/brief.ts'
import type { AreaRules, TriggerDef } from './types.ts'
import { because } from './types.ts'

/** Database size at which search inside Postgres deserves a measurement against a dedicated engine. */
export const SEARCH_REVIEW_DB_GB = 200

const TITLE = 'Search'

const grouped = (n: number) => String(Math.round(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ',')

export const SEARCH_OUTGROWS_POSTGRES: TriggerDef = {
  id: 'search_outgrows_postgres',
  area: 'search',
  title: 'Search outgrows Postgres',
  metric: 'db_size_gb',
  comparator: '>=',
  threshold: SEARCH_REVIEW_DB_GB,
  action:
    'Measure search latency and relevance on real queries; if search is measurably slow, or users need facets and typo tolerance Postgres cannot give, add a dedicated search engine fed from Postgres, which stays the source of truth.',
  guide: 'migration-triggers',
}

function volume(a: Answers): Because {
  const gb = a.load.dataVolumeGbIn12Months
  const text =
    gb >= SEARCH_REVIEW_DB_GB
      ? `About ${grouped(gb)} GB after 12 months reaches the ${SEARCH_REVIEW_DB_GB} GB at which search may outgrow Postgres: measure search latency on real data before launch, and keep the indexed text in its own table so a dedicated engine can be fed from it.`
      : `About ${grouped(gb)} GB after 12 months is well below the ${SEARCH_REVIEW_DB_GB} GB at which search on Postgres needs measuring.`
  return because('search.volume_within_postgres', ['load.dataVolumeGbIn12Months'], text)
}

export const search: AreaRules = {
  area: 'search',
  decide(a) {
    if (!a.data.kinds.includes('search')) {
      return {
        area: 'search',
        title: TITLE,
        choice: { id: 'none', name: 'Not needed' },
        status: 'not_applicable',
        because: [
          because(
            'search.no_search',
            ['data.kinds'],
            'You did not list search among your data kinds; filters and lookups on indexed columns cover finding records by name or id.',
          ),
        ],
        alternatives: [],
        revisitWhen: [],
        guide: 'databases',
      } satisfies Decision
    }
    return {
      area: 'search',
      title: TITLE,
      choice: { id: 'postgres_fts', name: 'Postgres full-text search' },
      status: 'adopt',
      because: [
        because(
          'search.postgres_full_text',
          ['data.kinds'],
          'Build search on Postgres itself: a generated tsvector column with a GIN index, ranked in SQL, plus pg_trgm for fuzzy and partial matches; results respect tenant scoping and transactions with no copy to keep in sync.',
        ),
        volume(a),
      ],
      alternatives: [
        {
          id: 'dedicated_search_engine',
          name: 'A dedicated search engine (Elasticsearch, OpenSearch, Meilisearch, Typesense)',
          whyNot:
            'A second copy of your data to sync and run; add one, fed from Postgres, when search is measurably slow or users need facets and typo tolerance Postgres cannot give.',
        },
      ],
      revisitWhen: [SEARCH_OUTGROWS_POSTGRES.id],
      guide: 'databases',
    } satisfies Decision
  },
  triggers: [SEARCH_OUTGROWS_POSTGRES],
}

import type { Because, Decision } from '#app/engine/brief.ts'
import type { AreaRules } from './types.ts'
import { because } from './types.ts'

const TITLE = 'Document data'

export const documentStore: AreaRules = {
  area: 'document_store',
  decide(a) {
    const kinds = a.data.kinds
    if (!kinds.includes('documents')) {
      return {
        area: 'document_store',
        title: TITLE,
        choice: { id: 'none', name: 'Not needed' },
        status: 'not_applicable',
        because: [
          because(
            'document_store.no_documents',
            ['data.kinds'],
            'You did not list documents among your data kinds, so there is nothing for a document store to hold; an occasional JSON field fits a JSONB column on its table.',
          ),
        ],
        alternatives: [],
        revisitWhen: [],
        guide: 'databases',
      } satisfies Decision
    }
    const relational = kinds.includes('relational')
    const reasons: Because[] = [
      because(
        'document_store.jsonb_columns',
        ['data.kinds'],
        'Keep document-shaped data in JSONB columns: GIN and expression indexes make it fast to query, SQL reads into it, and it commits in the same transaction as the rows it belongs to.',
      ),
    ]
    if (relational) {
      reasons.push(
        because(
          'document_store.relationships_rule_out_mongodb',
          ['data.kinds'],
          'Your data is relational as well as document-shaped, so a document database would push every join into application code.',
        ),
      )
    }
    reasons.push(
      because(
        'document_store.dedicated_store_on_measured_need',
        [],
        'A dedicated document store earns its place only for data that truly has no schema, at a scale where the cost of JSONB indexing has been measured rather than guessed.',
      ),
    )
    return {
      area: 'document_store',
      title: TITLE,
      choice: { id: 'postgres_jsonb', name: 'Postgres JSONB columns' },
      status: 'adopt',
      because: reasons,
      alternatives: [
        {
          id: 'mongodb',
          name: 'MongoDB',
          whyNot: relational
            ? 'Avoid for data with relationships: the joins would be rewritten as application code, and keeping duplicated fields consistent across collections becomes your problem.'
            : 'A second database to run for what JSONB already does; worth it only for schema-less data at a scale where JSONB index overhead is proven.',
        },
      ],
      revisitWhen: [],
      guide: 'databases',
    } satisfies Decision
  },
  triggers: [],
}

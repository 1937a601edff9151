import { describe, expect, it } from 'vitest'
import { type AnswersPatch, buildAnswers, DATA_INPUT } from '#tests/support/answers.ts'
import { alternative, decideChecked, reason } from '#tests/support/area-rules.ts'
import { documentStore } from './document-store.ts'

const dataAnswers = (patch?: AnswersPatch) => buildAnswers(patch, DATA_INPUT)

interface Row {
  name: string
  over: AnswersPatch
  choice: string
  rule: string
  says: RegExp[]
}

describe('document store rules', () => {
  it.each<Row>([
    {
      name: 'none without documents, with a reason naming data.kinds (seed 000, deviations are narrow)',
      over: { data: { kinds: ['relational'] } },
      choice: 'none',
      rule: 'document_store.no_documents',
      says: [/did not list documents/, /kinds of data|data kinds/],
    },
    {
      name: 'documents go in indexed, queryable JSONB columns (seed 000, document-like data)',
      over: { data: { kinds: ['relational', 'documents'] } },
      choice: 'postgres_jsonb',
      rule: 'document_store.jsonb_columns',
      says: [/JSONB/, /indexes/, /query/],
    },
    {
      name: 'relationships beside documents rule MongoDB out (seed 000, what to avoid)',
      over: { data: { kinds: ['relational', 'documents'] } },
      choice: 'postgres_jsonb',
      rule: 'document_store.relationships_rule_out_mongodb',
      says: [/relational/, /application code/],
    },
    {
      name: 'a dedicated document store only on measured need (seed 000, document-like data)',
      over: { data: { kinds: ['documents'] } },
      choice: 'postgres_jsonb',
      rule: 'document_store.dedicated_store_on_measured_need',
      says: [/no schema/, /JSONB indexing has been measured/],
    },
  ])('$name', ({ over, choice, rule, says }) => {
    const d = decideChecked(documentStore, dataAnswers(over))
    expect(d.choice.id).toBe(choice)
    expect(d.status).toBe(d.choice.id === 'none' ? 'not_applicable' : 'adopt')
    expect(d.revisitWhen).toEqual([])
    const text = reason(d, rule).text
    for (const pattern of says) expect(text).toMatch(pattern)
  })

  it.each<{ name: string; kinds: ('relational' | 'documents')[]; says: RegExp; relationshipsRule: boolean }>([
    {
      name: 'avoided for data with relationships: joins rewritten in application code (seed 000, what to avoid)',
      kinds: ['relational', 'documents'],
      says: /Avoid for data with relationships.*application code/,
      relationshipsRule: true,
    },
    {
      name: 'without relationships, worth it only when JSONB overhead is proven (seed 000, document-like data)',
      kinds: ['documents'],
      says: /schema-less.*JSONB index overhead is proven/,
      relationshipsRule: false,
    },
  ])('MongoDB alternative: $name', ({ kinds, says, relationshipsRule }) => {
    const d = decideChecked(documentStore, dataAnswers({ data: { kinds } }))
    expect(alternative(d, 'mongodb').whyNot).toMatch(says)
    expect(d.because.some((b) => b.rule === 'document_store.relationships_rule_out_mongodb')).toBe(relationshipsRule)
  })

  it('owns no trigger: a move off JSONB is a measured decision, not a threshold (seed 000, document-like data)', () => {
    expect(documentStore.triggers).toEqual([])
  })
})

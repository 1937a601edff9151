import { type Kysely, sql } from 'kysely'

/**
 * Revisiting a brief as the numbers change: check-ins of measured figures,
 * per-brief tokens that let a script post them, and an explicit review date.
 */
export async function up(db: Kysely<unknown>) {
  // Null means "90 days after the latest revision", computed on read; only a date someone chose is stored.
  await db.schema.alterTable('briefs').addColumn('review_by', 'text').execute()

  await db.schema
    .createTable('checkins')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('brief_id', 'text', (c) => c.notNull().references('briefs.id'))
    .addColumn('measured_at', 'text', (c) => c.notNull())
    .addColumn('figures', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull().check(sql`source in ('web', 'api')`))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute()
  // Newest first with keyset pagination, and the latest check-in, from one index.
  await db.schema
    .createIndex('checkins_brief_measured')
    .on('checkins')
    .columns(['brief_id', 'measured_at', 'id'])
    .execute()

  await db.schema
    .createTable('brief_tokens')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('brief_id', 'text', (c) => c.notNull().references('briefs.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('prefix', 'text', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('last_used_at', 'text')
    .addColumn('revoked_at', 'text')
    .execute()
  await db.schema.createIndex('brief_tokens_prefix').on('brief_tokens').column('prefix').execute()
  await db.schema
    .createIndex('brief_tokens_brief_created')
    .on('brief_tokens')
    .columns(['brief_id', 'created_at', 'id'])
    .execute()
}

export async function down(db: Kysely<unknown>) {
  await db.schema.dropTable('brief_tokens').execute()
  await db.schema.dropTable('checkins').execute()
  await db.schema.alterTable('briefs').dropColumn('review_by').execute()
}

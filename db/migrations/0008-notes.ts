import type { Kysely } from 'kysely'

/**
 * A consultant's notes on the sections of a brief. A note is written at one
 * revision and holds for every later one until it is removed: it shows on
 * revision r when `from_revision <= r` and (`until_revision` is null or
 * `r < until_revision`). Revisions stay immutable; a removed note still shows
 * on the revisions it was written for.
 */
export async function up(db: Kysely<unknown>) {
  await db.schema
    .createTable('brief_notes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('brief_id', 'text', (c) => c.notNull().references('briefs.id'))
    .addColumn('workspace_id', 'text', (c) => c.notNull())
    .addColumn('section', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('from_revision', 'integer', (c) => c.notNull())
    .addColumn('until_revision', 'integer')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('brief_notes_by_brief').on('brief_notes').columns(['brief_id', 'from_revision']).execute()
}

export async function down(db: Kysely<unknown>) {
  await db.schema.dropTable('brief_notes').execute()
}

import { type Kysely, sql } from 'kysely'

/**
 * The export options a person chose for one brief (paper size, who prepared
 * it and for whom), remembered so every download of it carries them. One row
 * per brief; no row means the defaults (A4, no names).
 */
export async function up(db: Kysely<unknown>) {
  await db.schema
    .createTable('brief_export_options')
    .addColumn('brief_id', 'text', (c) => c.primaryKey().references('briefs.id'))
    .addColumn('workspace_id', 'text', (c) => c.notNull())
    .addColumn('page_size', 'text', (c) => c.notNull().check(sql`page_size in ('a4', 'letter')`))
    .addColumn('prepared_by', 'text')
    .addColumn('prepared_for', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute()
}

export async function down(db: Kysely<unknown>) {
  await db.schema.dropTable('brief_export_options').execute()
}

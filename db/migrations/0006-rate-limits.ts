import type { Kysely } from 'kysely'

/**
 * Rate limit counters, one row per limit and client, shared by every
 * instance on the same database: a fixed window (its start, in milliseconds
 * since 1970) and the hits counted in it, moved by one atomic upsert.
 */
export async function up(db: Kysely<unknown>) {
  await db.schema
    .createTable('rate_limits')
    .addColumn('bucket', 'text', (c) => c.primaryKey())
    .addColumn('window_start', 'bigint', (c) => c.notNull())
    .addColumn('hits', 'integer', (c) => c.notNull())
    .execute()
  // Sweeping windows long past reads this index rather than the table.
  await db.schema.createIndex('rate_limits_window_start').on('rate_limits').column('window_start').execute()
}

export async function down(db: Kysely<unknown>) {
  await db.schema.dropTable('rate_limits').execute()
}

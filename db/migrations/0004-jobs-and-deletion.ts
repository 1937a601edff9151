import { type Kysely, sql } from 'kysely'

/**
 * Scheduled work and the data lifecycle. `jobs` is the queue the server's
 * runner claims from: a recurring job is one row named after it (its id is
 * its kind) whose run_at moves forward after each run; a one-off job is a
 * row that is deleted when it succeeds. A claim takes a lease (locked_by,
 * locked_until) so that several instances never run one job at once, and a
 * runner that dies mid-run loses its lease when it expires.
 *
 * The index on deleted_at finds briefs whose grace period is over, and the
 * one on drafts' updated_at the drafts left untouched for 30 days, without
 * reading every row.
 */
export async function up(db: Kysely<unknown>) {
  await db.schema
    .createTable('jobs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('payload', 'text', (c) => c.notNull())
    /** Seconds between runs of a recurring job; null for a one-off. */
    .addColumn('every_seconds', 'integer')
    .addColumn('run_at', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('locked_by', 'text')
    .addColumn('locked_until', 'text')
    .addColumn('last_error', 'text')
    .addColumn('last_run_at', 'text')
    .addColumn('failed_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('jobs_due').on('jobs').columns(['run_at', 'id']).execute()

  await sql`create index briefs_deleted on briefs (deleted_at) where deleted_at is not null`.execute(db)
  await db.schema.createIndex('drafts_updated').on('drafts').columns(['updated_at', 'id']).execute()
  // Purging a brief deletes its drafts by brief_id.
  await db.schema.createIndex('drafts_brief').on('drafts').column('brief_id').execute()
}

export async function down(db: Kysely<unknown>) {
  await db.schema.dropIndex('drafts_brief').execute()
  await db.schema.dropIndex('drafts_updated').execute()
  await db.schema.dropIndex('briefs_deleted').execute()
  await db.schema.dropTable('jobs').execute()
}

import { type Kysely, sql } from 'kysely'

/**
 * The briefs past their review date, for the home page, in the order it
 * lists them (earliest review date, then newest brief): with these the
 * database reads the first rows of an index and counts from the index alone,
 * rather than reading and sorting every brief. Partial, so that the leading
 * equality is just the workspace and the list's order follows it.
 *
 * The trailing columns are there for SQLite's planner, which takes an index
 * as covering only when it holds every column a query names (review_by and
 * deleted_at, though always null in the second); without them, once ANALYZE
 * has run, it counts by reading the whole table. The second index's day
 * expression must stay exactly as listBriefsNeedingAttention writes it.
 */
export async function up(db: Kysely<unknown>) {
  await sql`
    create index briefs_review_chosen on briefs (workspace_id, review_by, created_at desc, id desc, deleted_at)
    where deleted_at is null and review_by is not null
  `.execute(db)
  // The default date is 90 days after the day of the latest revision (briefs.updated_at): the day orders, not the time.
  await sql`
    create index briefs_review_default
    on briefs (workspace_id, substr(updated_at, 1, 10), created_at desc, id desc, review_by, deleted_at)
    where deleted_at is null and review_by is null
  `.execute(db)
}

export async function down(db: Kysely<unknown>) {
  await db.schema.dropIndex('briefs_review_default').execute()
  await db.schema.dropIndex('briefs_review_chosen').execute()
}

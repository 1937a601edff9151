import { type Kysely, sql } from 'kysely'

/**
 * What keeps a request's cost independent of a brief's history:
 *
 * - `revisions.choices`: the decisions a revision records (area, choice and
 *   status, the ones that get a decision record), as one sorted line, and
 *   `revisions.choices_changed` (1 or 0): whether they differ from the
 *   revision before. The decision-records zip reads only the revisions where
 *   a choice changed, through a partial index, instead of every revision.
 * - `briefs.checkin_count`: the check-ins a brief holds, moved in the
 *   transaction that writes one, so the quota is one row read, not a count.
 *
 * Existing rows are filled in here, a brief at a time, in revision order.
 */
export async function up(db: Kysely<unknown>) {
  await db.schema
    .alterTable('revisions')
    .addColumn('choices', 'text', (c) => c.notNull().defaultTo(''))
    .execute()
  await db.schema
    .alterTable('revisions')
    .addColumn('choices_changed', 'integer', (c) => c.notNull().defaultTo(1))
    .execute()
  await db.schema
    .alterTable('briefs')
    .addColumn('checkin_count', 'integer', (c) => c.notNull().defaultTo(0))
    .execute()

  const any = db as Kysely<Record<string, Record<string, unknown>>>
  const briefs = await any.selectFrom('briefs').select('id').execute()
  for (const { id } of briefs) {
    let previous: string | null = null
    let after = 0
    for (;;) {
      const rows = await any
        .selectFrom('revisions')
        .select(['id', 'number', 'brief'])
        .where('brief_id', '=', id)
        .where('number', '>', after)
        .orderBy('number')
        .limit(500)
        .execute()
      if (rows.length === 0) break
      for (const row of rows) {
        const choices = choicesLine(String(row.brief))
        await any
          .updateTable('revisions')
          .set({ choices, choices_changed: choices === previous ? 0 : 1 })
          .where('id', '=', row.id as string)
          .execute()
        previous = choices
        after = Number(row.number)
      }
    }
    await sql`update briefs set checkin_count = (select count(*) from checkins where checkins.brief_id = briefs.id) where id = ${id}`.execute(
      db,
    )
  }

  await sql`create index revisions_choice_changes on revisions (brief_id, number) where choices_changed = 1`.execute(db)
}

export async function down(db: Kysely<unknown>) {
  await db.schema.dropIndex('revisions_choice_changes').execute()
  await db.schema.alterTable('briefs').dropColumn('checkin_count').execute()
  await db.schema.alterTable('revisions').dropColumn('choices_changed').execute()
  await db.schema.alterTable('revisions').dropColumn('choices').execute()
}

/**
 * A brief's recorded decisions as one line, `area=choice:status` joined by
 * spaces in area order. Kept here as well as in the service, because a
 * migration must keep meaning what it meant when it was written.
 */
function choicesLine(briefJson: string): string {
  const brief = JSON.parse(briefJson) as { decisions?: { area: string; status: string; choice: { id: string } }[] }
  return (brief.decisions ?? [])
    .filter((d) => d.choice.id !== 'none' && (d.status === 'adopt' || d.status === 'defer'))
    .map((d) => `${d.area}=${d.choice.id}:${d.status}`)
    .sort()
    .join(' ')
}

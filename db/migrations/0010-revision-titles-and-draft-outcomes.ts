import type { Kysely } from 'kysely'

/**
 * - `revisions.title`: the product's name in the revision's answers, written
 *   with the revision, so a list of revisions reads one short column instead
 *   of parsing every revision's answers. Existing rows are filled in here;
 *   a row whose answers do not parse keeps '' (reading that revision in full
 *   reports it as corrupt).
 * - `drafts.generated_revision`: set, with `brief_id`, in the transaction
 *   that turns the draft into a brief or a revision. A generated draft is no
 *   longer a draft (it cannot be read or edited), but a second submit of it
 *   finds the brief the first one made instead of making another. It goes
 *   with the brief's purge, or with the abandoned drafts 30 days on.
 */
export async function up(db: Kysely<unknown>) {
  await db.schema
    .alterTable('revisions')
    .addColumn('title', 'text', (c) => c.notNull().defaultTo(''))
    .execute()
  await db.schema.alterTable('drafts').addColumn('generated_revision', 'integer').execute()

  const any = db as Kysely<Record<string, Record<string, unknown>>>
  let after = ''
  for (;;) {
    const rows = await any
      .selectFrom('revisions')
      .select(['id', 'answers'])
      .where('id', '>', after)
      .orderBy('id')
      .limit(500)
      .execute()
    if (rows.length === 0) break
    for (const row of rows) {
      const title = productName(String(row.answers))
      if (title) await any.updateTable('revisions').set({ title }).where('id', '=', String(row.id)).execute()
    }
    after = String(rows.at(-1)?.id)
  }
}

export async function down(db: Kysely<unknown>) {
  await db.schema.alterTable('drafts').dropColumn('generated_revision').execute()
  await db.schema.alterTable('revisions').dropColumn('title').execute()
}

function productName(json: string): string {
  try {
    const name = (JSON.parse(json) as { product?: { name?: unknown } } | null)?.product?.name
    return typeof name === 'string' ? name : ''
  } catch {
    return ''
  }
}

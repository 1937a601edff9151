import type { Kysely } from 'kysely'

/**
 * Sharing a workspace's work: share links for people without an account,
 * and invitations for people who join it.
 *
 * Read-only links to one brief for people without an account. Like check-in
 * tokens, only the SHA-256 of a link's token and its first characters are
 * kept. A link follows its brief (no workspace column), so a brief that moves
 * to another workspace keeps its links. `revision` null means "the latest".
 */
export async function up(db: Kysely<unknown>) {
  await db.schema
    .createTable('share_links')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('brief_id', 'text', (c) => c.notNull().references('briefs.id'))
    .addColumn('revision', 'integer')
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('prefix', 'text', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text')
    .addColumn('revoked_at', 'text')
    .addColumn('last_opened_at', 'text')
    .execute()
  await db.schema.createIndex('share_links_prefix').on('share_links').column('prefix').execute()
  await db.schema
    .createIndex('share_links_brief_created')
    .on('share_links')
    .columns(['brief_id', 'created_at'])
    .execute()
}

export async function down(db: Kysely<unknown>) {
  await db.schema.alterTable('workspace_members').dropColumn('chosen_at').execute()
  await db.schema.dropTable('workspace_invitations').execute()
  await db.schema.dropTable('share_links').execute()
}

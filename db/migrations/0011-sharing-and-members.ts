import type { Kysely } from 'kysely'

/**
 * Sharing a workspace's work: share links for people without an account,
 * and invitations for people who join it.
 *
 * Share links are read-only links to one brief. Like check-in tokens, only
 * the SHA-256 of a link's token and its first characters are kept. A link
 * follows its brief (no workspace column), so a brief that moves to another
 * workspace keeps its links. `revision` null means "the latest".
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

  // An invitation to join a workspace with a role, for one email address; its token hashed as above.
  await db.schema
    .createTable('workspace_invitations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id'))
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('prefix', 'text', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull().unique())
    .addColumn('invited_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('accepted_at', 'text')
    .addColumn('accepted_by', 'text')
    .addColumn('revoked_at', 'text')
    .execute()
  await db.schema.createIndex('workspace_invitations_prefix').on('workspace_invitations').column('prefix').execute()
  await db.schema
    .createIndex('workspace_invitations_workspace')
    .on('workspace_invitations')
    .columns(['workspace_id', 'created_at'])
    .execute()

  // The workspace a member of several last chose to work in; the identity resolves to it.
  await db.schema.alterTable('workspace_members').addColumn('chosen_at', 'text').execute()
}

export async function down(db: Kysely<unknown>) {
  await db.schema.alterTable('workspace_members').dropColumn('chosen_at').execute()
  await db.schema.dropTable('workspace_invitations').execute()
  await db.schema.dropTable('share_links').execute()
}

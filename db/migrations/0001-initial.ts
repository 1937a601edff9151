import type { Kysely } from 'kysely'

export const LOCAL_WORKSPACE_ID = 'local'

export async function up(db: Kysely<unknown>) {
  await db.schema
    .createTable('workspaces')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute()

  await db.schema
    .createTable('briefs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('head_revision', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('deleted_at', 'text')
    .execute()
  // Newest first with keyset pagination: (created_at, id) descending within a workspace.
  await db.schema
    .createIndex('briefs_workspace_created')
    .on('briefs')
    .columns(['workspace_id', 'created_at', 'id'])
    .execute()

  await db.schema
    .createTable('drafts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id'))
    .addColumn('brief_id', 'text', (c) => c.references('briefs.id'))
    .addColumn('answers', 'text', (c) => c.notNull())
    .addColumn('step', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute()

  await db.schema
    .createTable('revisions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('brief_id', 'text', (c) => c.notNull().references('briefs.id'))
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('answers', 'text', (c) => c.notNull())
    .addColumn('brief', 'text', (c) => c.notNull())
    .addColumn('engine_version', 'text', (c) => c.notNull())
    .addColumn('catalog_version', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('revisions_brief_number', ['brief_id', 'number'])
    .execute()

  await db.schema
    .createTable('idempotency_keys')
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id'))
    .addColumn('scope', 'text', (c) => c.notNull())
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('request_hash', 'text', (c) => c.notNull())
    .addColumn('status', 'integer', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('idempotency_keys_pk', ['workspace_id', 'scope', 'key'])
    .execute()

  // One local workspace until accounts exist; every brief row still carries its workspace id.
  await (db as Kysely<{ workspaces: { id: string; name: string; created_at: string } }>)
    .insertInto('workspaces')
    .values({ id: LOCAL_WORKSPACE_ID, name: 'Local workspace', created_at: new Date().toISOString() })
    .execute()
}

export async function down(db: Kysely<unknown>) {
  for (const table of ['idempotency_keys', 'revisions', 'drafts', 'briefs', 'workspaces']) {
    await db.schema.dropTable(table).execute()
  }
}

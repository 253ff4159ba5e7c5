import type { Kysely } from 'kysely'

// Frozen once shipped: add a new migration instead. Outside reviewers by link, without an account (issue 18).
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('review_links')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('plan_id', 'text', (c) => c.notNull().references('plans.id').onDelete('cascade'))
    // SHA-256 of the token in the URL; the token itself is never stored.
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('created_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('expires_at', 'bigint')
    .addColumn('revoked_at', 'bigint')
    .execute()
  await db.schema.createIndex('review_links_plan').on('review_links').column('plan_id').execute()
  // A guest is a user without a membership, who reaches one plan through one link.
  await db.schema
    .createTable('review_guests')
    .addColumn('user_id', 'text', (c) => c.primaryKey().references('users.id').onDelete('cascade'))
    .addColumn('link_id', 'text', (c) => c.notNull().references('review_links.id').onDelete('cascade'))
    .addColumn('plan_id', 'text', (c) => c.notNull().references('plans.id').onDelete('cascade'))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('review_guests_link').on('review_guests').column('link_id').execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('review_guests').execute()
  await db.schema.dropTable('review_links').execute()
}

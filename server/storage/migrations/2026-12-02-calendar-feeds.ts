import type { Kysely } from 'kysely'

// Frozen once shipped: add a new migration instead. Subscribable calendar feeds of a plan (issue 17).
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('calendar_feeds')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('plan_id', 'text', (c) => c.notNull().references('plans.id').onDelete('cascade'))
    // SHA-256 of the token in the address; the token itself is never stored.
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('created_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('revoked_at', 'bigint')
    .execute()
  await db.schema.createIndex('calendar_feeds_plan').on('calendar_feeds').column('plan_id').execute()

  // What each event looked like when a feed last served it, so SEQUENCE and LAST-MODIFIED move on an edit.
  await db.schema
    .createTable('calendar_feed_events')
    .addColumn('plan_id', 'text', (c) => c.notNull().references('plans.id').onDelete('cascade'))
    .addColumn('uid', 'text', (c) => c.notNull())
    .addColumn('fingerprint', 'text', (c) => c.notNull())
    .addColumn('sequence', 'integer', (c) => c.notNull())
    .addColumn('last_modified', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('calendar_feed_events_pk', ['plan_id', 'uid'])
    .execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('calendar_feed_events').execute()
  await db.schema.dropTable('calendar_feeds').execute()
}

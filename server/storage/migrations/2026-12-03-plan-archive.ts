import type { Kysely } from 'kysely'

// Frozen once shipped: add a new migration instead. Plans are archived like documents (issue 15):
// an archived plan is read-only and out of the default list until it is unarchived.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('plans').addColumn('archived_at', 'bigint').execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('plans').dropColumn('archived_at').execute()
}

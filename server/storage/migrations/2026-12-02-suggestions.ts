import type { Kysely } from 'kysely'

// Frozen once shipped: add a new migration instead. Suggested changes kept beside the document (issue 18).
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('section_suggestions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('plan_id', 'text', (c) => c.notNull().references('plans.id').onDelete('cascade'))
    .addColumn('section_id', 'text', (c) => c.notNull().references('sections.id').onDelete('cascade'))
    .addColumn('author_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('target', 'text', (c) => c.notNull())
    .addColumn('start_pos', 'text', (c) => c.notNull())
    .addColumn('end_pos', 'text', (c) => c.notNull())
    .addColumn('deleted_text', 'text', (c) => c.notNull())
    .addColumn('inserted_text', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('section_suggestions_section').on('section_suggestions').column('section_id').execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('section_suggestions').execute()
}

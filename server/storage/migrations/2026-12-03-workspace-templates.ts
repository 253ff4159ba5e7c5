import type { Kysely } from 'kysely'

// Frozen once shipped: add a new migration instead. A workspace saves one of its plans as a template
// of its own (issue 15); `data` is the plan's content as JSON, checked by the plan model's schema.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('workspace_templates')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('data', 'text', (c) => c.notNull())
    // The template outlives its plan: it is a copy.
    .addColumn('source_plan_id', 'text', (c) => c.references('plans.id').onDelete('set null'))
    .addColumn('created_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute()
  await db.schema
    .createIndex('workspace_templates_workspace')
    .on('workspace_templates')
    .column('workspace_id')
    .execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('workspace_templates').execute()
}

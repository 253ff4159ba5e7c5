import { type Kysely, PostgresAdapter, sql } from 'kysely'

// Frozen once shipped: add a new migration instead. A version's state is binary (each engine's own type).
export async function up(db: Kysely<unknown>): Promise<void> {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter
  await db.schema
    .createTable('section_versions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('plan_id', 'text', (c) => c.notNull().references('plans.id').onDelete('cascade'))
    .addColumn('section_id', 'text', (c) => c.notNull().references('sections.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('name', 'text')
    .addColumn('plan_version_id', 'text')
    .addColumn('created_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('state', postgres ? sql`bytea` : sql`blob`, (c) => c.notNull())
    .addColumn('fingerprint', 'text', (c) => c.notNull())
    .addColumn('restored_from', 'text')
    .addColumn('restored_from_at', 'bigint')
    .execute()
  await db.schema
    .createIndex('section_versions_section')
    .on('section_versions')
    .columns(['section_id', 'created_at'])
    .execute()
  await db.schema
    .createIndex('section_versions_plan_version')
    .on('section_versions')
    .column('plan_version_id')
    .execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('section_versions').execute()
}

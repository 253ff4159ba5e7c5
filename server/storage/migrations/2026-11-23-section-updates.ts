import { type Kysely, PostgresAdapter, sql } from 'kysely'

// Frozen once shipped. The update log needs the two engines' own binary and auto-increment types.
export async function up(db: Kysely<unknown>): Promise<void> {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter
  const bytes = postgres ? sql`bytea` : sql`blob`
  await db.schema
    .createTable('section_updates')
    .addColumn('id', postgres ? 'bigserial' : 'integer', (c) =>
      postgres ? c.primaryKey() : c.primaryKey().autoIncrement(),
    )
    .addColumn('section_id', 'text', (c) => c.notNull().references('sections.id').onDelete('cascade'))
    .addColumn('data', bytes, (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('section_updates_section').on('section_updates').columns(['section_id', 'id']).execute()

  await db.schema
    .createTable('section_snapshots')
    .addColumn('section_id', 'text', (c) => c.primaryKey().references('sections.id').onDelete('cascade'))
    .addColumn('state', bytes, (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('section_snapshots').execute()
  await db.schema.dropTable('section_updates').execute()
}

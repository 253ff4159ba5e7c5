import { type Kysely, type Migration, Migrator, PostgresAdapter, sql } from 'kysely'
import * as foundation from './migrations/2026-11-23-foundation'
import * as sectionUpdates from './migrations/2026-11-23-section-updates'
import * as commentsApprovals from './migrations/2026-11-24-comments-approvals'
import * as history from './migrations/2026-11-25-history'
import * as shareLinks from './migrations/2026-11-26-share-links'
import * as sharedTextFields from './migrations/2026-12-02-shared-text-fields'
import * as mailOutbox from './migrations/2026-12-02-mail-outbox'
import * as suggestions from './migrations/2026-12-02-suggestions'
import * as planArchive from './migrations/2026-12-03-plan-archive'
import * as calendarFeeds from './migrations/2026-12-02-calendar-feeds'
import * as reviewLinks from './migrations/2026-12-02-review-links'
import * as workspaceTemplates from './migrations/2026-12-03-workspace-templates'

/** Migrations in order; names are dated so they sort and never collide. */
const MIGRATIONS: Record<string, Migration> = {
  '2026-11-23-foundation': foundation,
  '2026-11-23-section-updates': sectionUpdates,
  '2026-11-24-comments-approvals': commentsApprovals,
  '2026-11-25-history': history,
  '2026-11-26-share-links': shareLinks,
  '2026-12-02-shared-text-fields': sharedTextFields,
  '2026-12-02-mail-outbox': mailOutbox,
  '2026-12-02-suggestions': suggestions,
  '2026-12-03-plan-archive': planArchive,
  '2026-12-02-calendar-feeds': calendarFeeds,
  '2026-12-02-review-links': reviewLinks,
  '2026-12-03-workspace-templates': workspaceTemplates,
}

/**
 * On PostgreSQL the migration tables live in the connection's current schema, named explicitly:
 * without a schema Kysely takes a `kysely_migration` table in *any* schema of the database for ours
 * (another Planroom, or a test, in the same database) and then fails to find it in our search_path.
 */
async function migrationSchema<DB>(db: Kysely<DB>): Promise<string | undefined> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return undefined
  const { rows } = await sql<{ schema: string | null }>`select current_schema() as schema`.execute(db)
  return rows[0]?.schema ?? undefined
}

export async function migrateToLatest<DB>(db: Kysely<DB>): Promise<void> {
  const migrator = new Migrator({
    db,
    provider: { getMigrations: () => Promise.resolve(MIGRATIONS) },
    migrationTableSchema: await migrationSchema(db),
    // Work lands from parallel branches, so a migration dated the same day may sort before one a database
    // has already run; each migration touches only its own tables, so running the missing ones is safe.
    allowUnorderedMigrations: true,
  })
  const { error, results } = await migrator.migrateToLatest()
  const failed = results?.find((r) => r.status === 'Error')
  if (error || failed) {
    throw new Error(
      `Migration ${failed?.migrationName ?? ''} failed: ${String((error as Error | undefined)?.message ?? error)}`,
    )
  }
}

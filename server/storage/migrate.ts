import { type Kysely, type Migration, Migrator } from 'kysely'
import * as foundation from './migrations/2026-11-23-foundation'

/** Migrations in order; names are dated so they sort and never collide. */
const MIGRATIONS: Record<string, Migration> = {
  '2026-11-23-foundation': foundation,
}

export async function migrateToLatest(db: Kysely<any>): Promise<void> {
  const migrator = new Migrator({ db, provider: { getMigrations: async () => MIGRATIONS } })
  const { error, results } = await migrator.migrateToLatest()
  const failed = results?.find((r) => r.status === 'Error')
  if (error || failed) {
    throw new Error(`Migration ${failed?.migrationName ?? ''} failed: ${String((error as Error | undefined)?.message ?? error)}`)
  }
}

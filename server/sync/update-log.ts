import type { Driver } from '../storage/db'
import { PostgresUpdateLog } from './update-log-postgres'
import { SqliteUpdateLog } from './update-log-sqlite'

/** What a section's log holds: the last compacted state and the updates stored since. */
export interface StoredSection {
  snapshot: { state: Uint8Array; version: number } | null
  updates: { id: number; data: Uint8Array }[]
}

export interface NewUpdate {
  sectionId: string
  data: Uint8Array
}

/**
 * Durable storage of every section's updates, one implementation per engine. `append` commits a whole
 * batch in one transaction (group commit) and only resolves once it is durable.
 */
export interface UpdateLog {
  load(sectionId: string): Promise<StoredSection>
  /** Returns the new rows' ids, in the order of `entries`. */
  append(entries: readonly NewUpdate[]): Promise<number[]>
  /**
   * Replace the updates `replacedIds` by `state`. Gives up (returns null) when the snapshot is no longer
   * at `expectedVersion`: another compaction won, and nothing may be lost by overwriting it.
   */
  compact(
    sectionId: string,
    state: Uint8Array,
    replacedIds: readonly number[],
    expectedVersion: number | null,
  ): Promise<number | null>
}

export function createUpdateLog(driver: Driver): UpdateLog {
  return driver.engine === 'sqlite' ? new SqliteUpdateLog(driver.sqlite) : new PostgresUpdateLog(driver.pool)
}

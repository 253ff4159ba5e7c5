import fs from 'node:fs'
import path from 'node:path'
import SQLite from 'better-sqlite3'
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely'
import type pg from 'pg'
import type { Database, Db } from './database'
import { log } from '../log'
import { migrateToLatest } from './migrate'

export type Engine = 'sqlite' | 'postgres'

/** The engine's own driver, for the sync update log's hot path (prepared statements, one transaction per batch). */
export type Driver = { engine: 'sqlite'; sqlite: SQLite.Database } | { engine: 'postgres'; pool: pg.Pool }

export interface Storage {
  db: Db
  engine: Engine
  driver: Driver
  close(): Promise<void>
}

export interface StorageOptions {
  databaseUrl: string | null
  dataDir: string
}

async function openStorage(opts: StorageOptions): Promise<Storage> {
  if (opts.databaseUrl) {
    // Loaded only for PostgreSQL: an embedded (SQLite) server never holds the driver in memory.
    const { default: pg } = await import('pg')
    // PostgreSQL's bigint (int8) arrives as a string by default; our bigints are millisecond timestamps
    // and counters, well inside a double's exact range.
    pg.types.setTypeParser(20, (v) => Number(v))
    const pool = new pg.Pool({ connectionString: opts.databaseUrl, max: 10 })
    // An idle client whose server went away emits 'error'; unhandled, that would end the process.
    pool.on('error', (err) => log.warn('database connection lost; the pool will reconnect', { error: String(err) }))
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) })
    return { db, engine: 'postgres', driver: { engine: 'postgres', pool }, close: () => db.destroy() }
  }
  fs.mkdirSync(opts.dataDir, { recursive: true })
  const sqlite = new SQLite(path.join(opts.dataDir, 'planroom.db'))
  // WAL + NORMAL survives a killed process (docs/soak.md); foreign keys are off by default in SQLite.
  sqlite.pragma('journal_mode = WAL')
  sqlite.pragma('synchronous = NORMAL')
  sqlite.pragma('foreign_keys = ON')
  sqlite.pragma('busy_timeout = 5000')
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) })
  return { db, engine: 'sqlite', driver: { engine: 'sqlite', sqlite }, close: () => db.destroy() }
}

export async function openMigratedStorage(opts: StorageOptions): Promise<Storage> {
  const storage = await openStorage(opts)
  await migrateToLatest(storage.db)
  return storage
}

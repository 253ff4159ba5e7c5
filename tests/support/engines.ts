import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import pg from 'pg'
import { openMigratedStorage, type Engine, type Storage } from '../../server/storage/db'
import { HAS_POSTGRES, POSTGRES_URL } from './requirements'

/**
 * A fresh, migrated database per call: SQLite in a temp dir, or a new database on the PostgreSQL
 * server (so test files can run in parallel against one server).
 */
export interface TestDatabase {
  storage: Storage
  /** Settings that point a server child process at this same database. */
  env: Record<string, string>
  dispose(): Promise<void>
}

async function sqliteDatabase(): Promise<TestDatabase> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'planroom-test-'))
  const storage = await openMigratedStorage({ databaseUrl: null, dataDir })
  return {
    storage,
    env: { DATA_DIR: dataDir },
    dispose: async () => {
      await storage.close()
      fs.rmSync(dataDir, { recursive: true, force: true })
    },
  }
}

async function adminQuery(sql: string) {
  const admin = new pg.Client({ connectionString: POSTGRES_URL })
  await admin.connect()
  try {
    await admin.query(sql)
  } finally {
    await admin.end()
  }
}

/** A database of its own per call: parallel test files never see each other's tables or migrations. */
async function postgresDatabase(): Promise<TestDatabase> {
  const name = `planroom_t_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`
  await adminQuery(`create database ${name}`)
  const url = new URL(POSTGRES_URL)
  url.pathname = `/${name}`
  const storage = await openMigratedStorage({ databaseUrl: url.toString(), dataDir: '' })
  return {
    storage,
    env: { DATABASE_URL: url.toString() },
    dispose: async () => {
      await storage.close()
      await adminQuery(`drop database if exists ${name} with (force)`)
    },
  }
}

export interface EngineCase {
  engine: Engine
  available: boolean
  open(): Promise<TestDatabase>
}

/** Run a suite on every engine: `describe.each(ENGINES)` with `skipIf(!available)`. */
export const ENGINES: EngineCase[] = [
  { engine: 'sqlite', available: true, open: sqliteDatabase },
  { engine: 'postgres', available: HAS_POSTGRES, open: postgresDatabase },
]

import fs from 'node:fs'
import pg from 'pg'
import Redis from 'ioredis'

/**
 * Which outside services this machine has. Without them their suites are skipped with a reason;
 * under CI=true a missing service fails the run instead (README.md, "Two commands").
 */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
export const POSTGRES_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test'
export const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379'
const inCi = process.env.CI === 'true'

async function postgresReachable(): Promise<boolean> {
  const client = new pg.Client({ connectionString: POSTGRES_URL, connectionTimeoutMillis: 2000 })
  try {
    await client.connect()
    await client.query('select 1')
    return true
  } catch {
    return false
  } finally {
    await client.end().catch(() => {})
  }
}

async function redisReachable(): Promise<boolean> {
  const redis = new Redis(REDIS_URL, {
    lazyConnect: true,
    connectTimeout: 2000,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
  })
  try {
    await redis.connect()
    return (await redis.ping()) === 'PONG'
  } catch {
    return false
  } finally {
    redis.disconnect()
  }
}

function decide(name: string, available: boolean, how: string): boolean {
  if (available) return true
  const reason = `${name} is not available (${how})`
  if (inCi) throw new Error(`${reason}; CI=true requires it.`)
  console.warn(`[skip] ${reason}: its suites are skipped.`)
  return false
}

export const HAS_CHROMIUM = decide(
  'Chromium',
  fs.existsSync(CHROMIUM_PATH),
  `no ${CHROMIUM_PATH}; apt-get install -y chromium`,
)
export const HAS_POSTGRES = decide('PostgreSQL', await postgresReachable(), `cannot reach ${POSTGRES_URL}`)
export const HAS_REDIS = decide('Redis', await redisReachable(), `cannot reach ${REDIS_URL}`)

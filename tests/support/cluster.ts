import { ENGINES, type TestDatabase } from './engines'
import { startRedisServer } from './redis-server'
import { HAS_REDIS } from './requirements'
import { type ServerProcess, startServerProcess } from './server-process'

const postgres = ENGINES.find((e) => e.engine === 'postgres')!

/** Whether this machine can run several processes: PostgreSQL and Redis (whose binary we start ourselves). */
export const CAN_CLUSTER = postgres.available && HAS_REDIS

export interface RunningCluster {
  database: TestDatabase
  /** A Redis of the cluster's own (null for one process): stop and start it to make an outage. */
  redis: Awaited<ReturnType<typeof startRedisServer>> | null
  servers: ServerProcess[]
  /** Start one more process on the same database and Redis. */
  add(): Promise<ServerProcess>
  dispose(): Promise<void>
}

/**
 * Production mode for tests and benchmarks: `processes` real Planroom processes on a fresh PostgreSQL
 * database, sharing a Redis server of their own when there is more than one.
 */
export async function startCluster(
  processes: number,
  env: Record<string, string> = {},
  /** Redis for one process too (the relay benchmark counts what Redis brings each process). */
  { redisAlways = false } = {},
): Promise<RunningCluster> {
  const database = await postgres.open()
  const redis = processes > 1 || redisAlways ? await startRedisServer() : null
  // REDIS_URL '' keeps a REDIS_URL of the caller's environment out of the one-process case.
  const settings = { ...database.env, REDIS_URL: redis?.url ?? '', ...env }
  const servers = await Promise.all(Array.from({ length: processes }, () => startServerProcess(settings)))
  return {
    database,
    redis,
    servers,
    async add() {
      const server = await startServerProcess(settings)
      servers.push(server)
      return server
    },
    async dispose() {
      await Promise.all(servers.map((s) => s.stop()))
      await redis?.stop()
      await database.dispose()
    },
  }
}

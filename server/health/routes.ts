import { createRoute, z } from '@hono/zod-openapi'
import { sql } from 'kysely'
import { createRouter, jsonResponse } from '../http/router'
import type { Services } from '../services'

const Status = z.enum(['ok', 'down', 'disabled'])
export const HealthReport = z.object({
  status: z.enum(['ok', 'degraded', 'down']),
  database: z.object({ status: Status, engine: z.enum(['sqlite', 'postgres']) }),
  redis: z.object({
    status: Status,
    /** Document messages relayed to this process since it started: all it heard, and those it applied. */
    relayed: z.object({ received: z.number(), applied: z.number() }).optional(),
  }),
  sync: z.object({ status: Status, documents: z.number(), connections: z.number() }),
})
export type HealthReport = z.infer<typeof HealthReport>

const health = createRoute({
  method: 'get',
  path: '/health',
  tags: ['health'],
  summary: 'Database, Redis and sync status for a load balancer',
  responses: { 200: jsonResponse(HealthReport, 'Serving'), 503: jsonResponse(HealthReport, 'Not able to serve') },
})

/**
 * A load balancer takes a process out when its database is down (503). Without Redis the process still
 * serves its own clients and says 'degraded': its clients do not see edits made through other processes.
 */
export function healthRoutes({ storage, hub, redisStatus, relayed }: Services) {
  return createRouter().openapi(health, async (c) => {
    const database = await sql`select 1`.execute(storage.db).then(
      () => 'ok' as const,
      () => 'down' as const,
    )
    const redis = redisStatus()
    const report: HealthReport = {
      status: database === 'down' ? 'down' : redis === 'down' ? 'degraded' : 'ok',
      database: { status: database, engine: storage.engine },
      redis: { status: redis, relayed: relayed?.() },
      sync: { status: 'ok', documents: hub.stats().documents, connections: hub.stats().peers },
    }
    return c.json(report, report.status === 'down' ? 503 : 200)
  })
}

import type { RedisStatus } from './cluster/redis-link'
import type { Config } from './config'
import type { AccessEvents } from './access-events'
import type { Storage } from './storage/db'
import type { DocumentHub } from './sync/hub'
import type { PlanEvents } from './sync/plan-events'

/** What the routes need from the running process; tests build the same with their own storage. */
export interface Services {
  config: Config
  storage: Storage
  /** Membership and session changes that open live connections must react to at once. */
  access: AccessEvents
  /** The live section documents of this process. */
  hub: DocumentHub
  /** Server-made news about plans (comments, approvals, activity, inboxes) for live connections. */
  planEvents: PlanEvents
  /** Whether this process reaches the other processes through Redis ('disabled' when it runs alone). */
  redisStatus: () => RedisStatus | 'disabled'
  /** Relayed document messages this process received and applied (with Redis; for /api/health and the bench). */
  relayed?: () => { received: number; applied: number }
}

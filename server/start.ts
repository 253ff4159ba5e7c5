import type { Server } from 'node:http'
import { serve } from '@hono/node-server'
import { AccessEvents } from './access-events'
import { recordMemberActivity } from './activity/members'
import { createApp } from './app'
import { Cluster } from './cluster/cluster'
import { RedisLink } from './cluster/redis-link'
import { closePdfBrowser } from './export/chromium'
import { createStalenessWatch } from './approvals/staleness'
import type { Config } from './config'
import { DEFAULT_SNAPSHOT_EVERY_MS, createAutoSnapshots } from './history/auto-snapshots'
import { createGuardedServer } from './http/raw-request'
import { log } from './log'
import { startNotificationMailer } from './mail/notification-mailer'
import { mailQueued } from './mail/outbox'
import { createMailTransport } from './mail/transport'
import { startMailWorker } from './mail/worker'
import { createContentGuard } from './plans/content-guard'
import { createHealthPublisher } from './plans/health-events'
import { findSection } from './plans/repo'
import { combineWriteObservers } from './plans/write-observers'
import type { Services } from './services'
import { openMigratedStorage } from './storage/db'
import { DEFAULT_HUB_OPTIONS, DocumentHub } from './sync/hub'
import { LocalPlanEvents } from './sync/plan-events'
import { SyncServer } from './sync/server'
import { createUpdateLog } from './sync/update-log'

export interface RunningPlanroom {
  services: Services
  port: number
  /** Resolves once what the writes so far set off in the background (approval staleness checks) is done. */
  settled(): Promise<void>
  close(): Promise<void>
}

/** Everything one process runs: storage, the document hub, the web app + API, and live sync. */
export async function startPlanroom(config: Config): Promise<RunningPlanroom> {
  const storage = await openMigratedStorage(config)
  // Several processes share live documents through Redis (docs/product.md#storage-and-scale); one process needs nothing more.
  const cluster = config.redisUrl ? new Cluster(await RedisLink.open(config.redisUrl)) : null
  const planEvents = cluster?.planEvents ?? new LocalPlanEvents()
  const access = new AccessEvents()
  const history = createAutoSnapshots(
    storage.db,
    Number(process.env.HISTORY_SNAPSHOT_EVERY_MS ?? DEFAULT_SNAPSHOT_EVERY_MS),
  )
  const staleness = createStalenessWatch(storage.db, planEvents)
  const hub = new DocumentHub(createUpdateLog(storage.driver), {
    ...DEFAULT_HUB_OPTIONS,
    unloadAfterMs: Number(process.env.SYNC_UNLOAD_AFTER_MS ?? DEFAULT_HUB_OPTIONS.unloadAfterMs),
    guard: createContentGuard(storage.db),
    relay: cluster?.docs,
    afterWrite: combineWriteObservers(
      (sectionId) => findSection(storage.db, sectionId),
      staleness,
      createHealthPublisher(planEvents),
      history.observer,
    ),
    beforeUnload: history.beforeUnload,
  })
  cluster?.attach(hub, access)
  const services: Services = {
    config,
    storage,
    access,
    hub,
    planEvents,
    redisStatus: () => cluster?.redisStatus ?? 'disabled',
    relayed: cluster ? () => ({ ...cluster.relayed }) : undefined,
  }
  recordMemberActivity(services)
  // Mail goes out in the background: a slow or failing SMTP server never delays a request.
  const mailWorker = startMailWorker(storage, createMailTransport(config.smtpUrl, config.mailFrom), {
    pollMs: Number(process.env.MAIL_POLL_MS ?? 2_000),
  })
  const wakeMail = () => setTimeout(() => mailWorker.wake(), 50).unref()
  mailQueued.on('queued', wakeMail)
  const notificationMailer = startNotificationMailer(
    { storage, hub, config },
    Number(process.env.MAIL_POLL_MS ?? 2_000),
  )
  const app = createApp(services, { clientDir: config.clientDir })
  const sync = new SyncServer(services, hub)

  const { server, port } = await new Promise<{ server: Server; port: number }>((resolve) => {
    const s = serve({ fetch: app.fetch, port: config.port, createServer: createGuardedServer }, (info) =>
      resolve({ server: s as Server, port: info.port }),
    )
  })
  sync.attach(server)
  log.info('planroom listening', {
    url: `http://localhost:${port}`,
    database: storage.engine,
    redis: cluster ? 'on' : 'off',
    dataDir: storage.engine === 'sqlite' ? config.dataDir : undefined,
  })

  return {
    services,
    port,
    settled: () => staleness.settle(),
    async close() {
      server.close()
      await sync.close()
      await notificationMailer.stop()
      mailQueued.off('queued', wakeMail)
      await mailWorker.stop()
      await hub.close()
      await staleness.settle()
      await closePdfBrowser()
      await cluster?.close()
      await storage.close()
    },
  }
}

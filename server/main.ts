import path from 'node:path'
import { serve } from '@hono/node-server'
import { AccessEvents } from './access-events'
import { createApp } from './app'
import { readConfig } from './config'
import { log } from './log'
import { openMigratedStorage } from './storage/db'

const config = readConfig()
const storage = await openMigratedStorage(config)
const access = new AccessEvents()
const app = createApp({ config, storage, access }, { clientDir: path.resolve('dist/client') })

const server = serve({ fetch: app.fetch, port: config.port }, (info) => {
  log.info('planroom listening', { url: `http://localhost:${info.port}`, database: storage.engine, dataDir: storage.engine === 'sqlite' ? config.dataDir : undefined })
})

let stopping = false
async function shutdown(signal: string) {
  if (stopping) return
  stopping = true
  log.info('shutting down', { signal })
  server.close()
  await storage.close()
  process.exit(0)
}
process.on('SIGINT', () => void shutdown('SIGINT'))
process.on('SIGTERM', () => void shutdown('SIGTERM'))

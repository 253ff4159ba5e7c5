import { readConfig } from './config'
import { log } from './log'
import { startPlanroom } from './start'

const planroom = await startPlanroom(readConfig())

let stopping = false
async function shutdown(signal: string) {
  if (stopping) return
  stopping = true
  log.info('shutting down', { signal })
  await planroom.close()
  process.exit(0)
}
process.on('SIGINT', () => void shutdown('SIGINT'))
process.on('SIGTERM', () => void shutdown('SIGTERM'))

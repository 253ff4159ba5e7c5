/**
 * The real server (as server/main.ts starts it) plus an IPC "measure" command that runs a full GC and
 * reports process.memoryUsage(), so the memory bench can read heap as well as RSS. Run with --expose-gc.
 */
import { readConfig } from '../server/config'
import { startPlanroom } from '../server/start'

const planroom = await startPlanroom(readConfig())
const gc = (globalThis as { gc?: () => void }).gc

process.on('message', (message: unknown) => {
  if (message !== 'measure') return
  gc?.()
  gc?.()
  const { documents, peers } = planroom.services.hub.stats()
  process.send!({ ...process.memoryUsage(), documents, peers })
})
process.on('disconnect', () => void planroom.close().then(() => process.exit(0)))
process.send!('ready')

/**
 * Capacity: raise the load (documents × clients at a fixed edit rate) until the p99 edit-to-peer latency
 * passes 100 ms or a delivery goes missing, for ours (compiled, SQLite, storing every update), the
 * y-websocket reference and Hocuspocus. The load comes from several loadgen processes (spread-load.ts).
 * A server's knee is the last load it carried within both limits.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { freePort, startServerProcess } from '../tests/support/server-process'
import { sectionsOnServer, stopChild } from './lib'
import { type LoadResult, type LoadStats, loadArgs, peerServer, preparePeerbench } from './peers'
import { shares, spreadLoad } from './spread-load'

export interface CapacityOptions {
  /** Documents at each step, in order; every document has `clients` clients. */
  steps: number[]
  clients: number
  rate: number
  duration: number
  generators: number
  p99LimitMs: number
}

export interface CapacityStep extends LoadStats {
  server: LoadResult['server']
  connections: number
  editsPerSecond: number
  withinLimits: boolean
}

export interface CapacityResult {
  steps: CapacityStep[]
  /** Per server, the last step within the limits (null: not even the first). */
  knees: Record<string, CapacityStep | null>
}

export async function runCapacity(opts: CapacityOptions, log: (m: string) => void = () => {}): Promise<CapacityResult> {
  const dir = await preparePeerbench()
  const steps: CapacityStep[] = []
  const knees: CapacityResult['knees'] = {}
  const maxDocs = Math.max(...opts.steps)
  for (const server of ['planroom', 'ywebsocket', 'hocuspocus'] as const) {
    const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'planroom-bench-capacity-'))
    // One server per kind for all its steps (fresh state is not what capacity is about); ours on SQLite.
    const ours = server === 'planroom' ? await startServerProcess({ DATA_DIR: scratch, LOG_LEVEL: 'warn' }) : null
    const port = ours?.port ?? (await freePort())
    const peer = server === 'planroom' ? null : await peerServer(dir, server, port)
    const pid = ours?.child.pid ?? peer!.pid!
    try {
      const target = ours
        ? await sectionsOnServer(ours.url, maxDocs).then((s) => ({ rooms: s.sectionIds, cookie: s.cookie }))
        : { rooms: Array.from({ length: maxDocs }, (_, i) => `capacity-${i}`), cookie: null }
      const protocol = server === 'hocuspocus' ? 'hocuspocus' : 'yws'
      const url = ours ? `ws://127.0.0.1:${port}/sync` : `ws://127.0.0.1:${port}`
      knees[server] = null
      for (const docs of opts.steps) {
        const load = loadArgs({ docs, clients: opts.clients }, opts.rate, opts.duration)
        const groups = shares(target.rooms.slice(0, docs), opts.generators)
        const stats = await spreadLoad(
          dir,
          scratch,
          groups.map((rooms, k) => ({
            rooms,
            args: [
              '--protocol',
              protocol,
              '--url',
              url,
              ...(target.cookie ? ['--cookie', target.cookie] : []),
              ...(k === 0 ? ['--pid', String(pid)] : []),
              ...load,
            ],
          })),
        )
        const step: CapacityStep = {
          ...stats,
          server,
          connections: docs * opts.clients,
          editsPerSecond: docs * opts.clients * opts.rate,
          withinLimits: stats.p99 <= opts.p99LimitMs && stats.missing === 0,
        }
        steps.push(step)
        log(`capacity: ${server} ${docs}x${opts.clients}: p99 ${stats.p99} ms, ${stats.missing} missing`)
        if (!step.withinLimits) break
        knees[server] = step
      }
    } finally {
      await ours?.stop('SIGTERM')
      if (peer) await stopChild(peer)
      fs.rmSync(scratch, { recursive: true, force: true })
    }
  }
  return { steps, knees }
}

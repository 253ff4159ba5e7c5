/**
 * Scale-out through Redis: the same load on 1, 2 and 4 Planroom processes (PostgreSQL, Redis), spread by
 * section as `docs/nginx.conf` spreads it (a section's clients on one process), each process driven by
 * its own load generator. Reported per process: the relayed document messages it received from Redis and
 * those it applied (from /api/health). With a channel per section a process hears only its own sections,
 * so what each receives falls as processes are added; on one shared channel it would stay the total.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { startCluster } from '../tests/support/cluster'
import { round, sectionsOnServer } from './lib'
import { missingClusterService } from './cluster'
import { type LoadStats, loadArgs, preparePeerbench } from './peers'
import { shares, spreadLoad } from './spread-load'

export interface RelayOptions {
  processes: number[]
  docs: number
  clients: number
  rate: number
  duration: number
}

export interface RelayRow extends LoadStats {
  processes: number
  perProcess: { connections: number; received: number; applied: number }[]
}

export interface RelayResult {
  skipped?: string
  rows: RelayRow[]
}

interface Health {
  redis: { relayed?: { received: number; applied: number } }
}

export async function runRelay(opts: RelayOptions, log: (m: string) => void = () => {}): Promise<RelayResult> {
  const skipped = missingClusterService()
  if (skipped) return { skipped, rows: [] }
  const dir = await preparePeerbench()
  const rows: RelayRow[] = []
  for (const processes of opts.processes) {
    const cluster = await startCluster(processes, { LOG_LEVEL: 'warn' }, { redisAlways: true })
    const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'planroom-bench-relay-'))
    try {
      const { cookie, sectionIds } = await sectionsOnServer(cluster.servers[0]!.url, opts.docs)
      const groups = shares(sectionIds.slice(0, opts.docs), processes)
      const load = loadArgs({ docs: opts.docs, clients: opts.clients }, opts.rate, opts.duration)
      const stats = await spreadLoad(
        dir,
        scratch,
        groups.map((rooms, i) => {
          const server = cluster.servers[i]!
          return {
            rooms,
            args: ['--protocol', 'yws', '--url', `ws://127.0.0.1:${server.port}/sync`, '--cookie', cookie, ...load],
          }
        }),
      )
      const perProcess = await Promise.all(
        cluster.servers.map(async (s, i) => {
          const h = (await (await fetch(`${s.url}/api/health`)).json()) as Health
          return { connections: groups[i]!.length * opts.clients, ...(h.redis.relayed ?? { received: 0, applied: 0 }) }
        }),
      )
      rows.push({ ...stats, processes, perProcess })
      const mean = round(perProcess.reduce((n, p) => n + p.received, 0) / processes, 0)
      log(`relay: ${processes} process(es): p99 ${stats.p99} ms, ${stats.missing} missing, ${mean} received each`)
    } finally {
      await cluster.dispose()
      fs.rmSync(scratch, { recursive: true, force: true })
    }
  }
  return { rows }
}

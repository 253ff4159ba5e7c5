/**
 * Issue 8: the same load on one Planroom process and on two processes that share live documents through
 * Redis, both on PostgreSQL so that only the process count differs. loadgen takes a single URL, so the
 * clients go through a TCP round-robin balancer, with one backend in the 1-process case too (both pay
 * the same hop). loadgen opens each document's clients one after another, so round robin puts half of
 * every document's clients on each process: every edit reaches half of its peers only through Redis.
 */
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { startBalancer } from '../tests/support/balancer'
import { ENGINES } from '../tests/support/engines'
import { startCluster } from '../tests/support/cluster'
import { POSTGRES_URL } from '../tests/support/requirements'
import type { ServerProcess } from '../tests/support/server-process'
import { round, sectionsOnServer } from './lib'
import { type LoadStats, loadArgs, loadgen, planroomArgs, preparePeerbench } from './peers'
import { type ProcessFigures, sampleProcesses } from './proc-stats'

export interface ClusterOptions {
  docs: number
  clients: number
  rate: number
  duration: number
  trials: number
}

/** One run. serverCpuPct / serverRssMb / serverPeakMb are sums over the Planroom processes. */
export type ClusterRow = LoadStats & {
  processes: number
  trial: number
  perProcess: (ProcessFigures & { connections: number })[]
  /** loadgen's own reading of the first process over the same window: a check on our sampling. */
  loadgenCpuPct: number | null
}

export interface ClusterResult {
  /** Why nothing was measured, when a service is missing. */
  skipped?: string
  rows: ClusterRow[]
}

export function missingClusterService(): string | null {
  if (!ENGINES.find((e) => e.engine === 'postgres')?.available)
    return `PostgreSQL is not reachable at ${POSTGRES_URL} (TEST_DATABASE_URL)`
  if (spawnSync('redis-server', ['--version']).status !== 0)
    return 'redis-server is not installed (apt-get install -y redis-server)'
  return null
}

/** The most connections each process held while the load ran, polled from /api/health: shows the split. */
function watchConnections(servers: ServerProcess[]) {
  const most = servers.map(() => 0)
  const poll = () => {
    servers.forEach((s, i) => {
      fetch(`${s.url}/api/health`)
        .then((r) => r.json() as Promise<{ sync: { connections: number } }>)
        .then((h) => (most[i] = Math.max(most[i]!, h.sync.connections)))
        // A poll that fails (a process still starting) leaves the last count standing.
        .catch(() => {})
    })
  }
  const timer = setInterval(poll, 1000)
  return { stop: () => (clearInterval(timer), most) }
}

async function runOnce(dir: string, opts: ClusterOptions, processes: number, trial: number): Promise<ClusterRow> {
  const cluster = await startCluster(processes, { LOG_LEVEL: 'warn' })
  const { servers } = cluster
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'planroom-bench-cluster-'))
  let balancer: Awaited<ReturnType<typeof startBalancer>> | null = null
  try {
    const { cookie, sectionIds } = await sectionsOnServer(servers[0]!.url, opts.docs)
    balancer = await startBalancer(servers.map((s) => s.port))
    const wsUrl = `${balancer.url.replace('http:', 'ws:')}/sync`
    // --pid of the first process: loadgen's own reading of it, logged as a check on our sampling.
    const args = [
      ...planroomArgs(wsUrl, cookie, sectionIds.slice(0, opts.docs), path.join(scratch, 'rooms.txt')),
      '--pid',
      String(servers[0]!.child.pid),
      ...loadArgs(opts, opts.rate, opts.duration),
    ]
    const sampler = sampleProcesses(servers.map((s) => s.child.pid!))
    const connections = watchConnections(servers)
    let stats: LoadStats
    try {
      stats = await loadgen(dir, args, () => sampler.stop())
    } finally {
      sampler.stop()
    }
    const most = connections.stop()
    // loadgen's window: its load plus 3 s of drain, ending as it prints its result.
    const figures = sampler.figures((stats.duration + 3) * 1000)
    const sum = (f: (p: ProcessFigures) => number) =>
      round(
        figures.reduce((n, p) => n + f(p), 0),
        1,
      )
    return {
      ...stats,
      processes,
      trial,
      serverCpuPct: sum((p) => p.cpuPct),
      serverRssMb: sum((p) => p.rssMb),
      serverPeakMb: sum((p) => p.peakMb),
      perProcess: figures.map((p, i) => ({
        cpuPct: round(p.cpuPct, 1),
        rssMb: round(p.rssMb, 1),
        peakMb: round(p.peakMb, 1),
        connections: most[i]!,
      })),
      loadgenCpuPct: stats.serverCpuPct,
    }
  } finally {
    await balancer?.close()
    await cluster.dispose()
    fs.rmSync(scratch, { recursive: true, force: true })
  }
}

export async function runCluster(opts: ClusterOptions, log: (msg: string) => void = () => {}): Promise<ClusterResult> {
  const skipped = missingClusterService()
  if (skipped) {
    log(`cluster: skipped: ${skipped}`)
    return { skipped, rows: [] }
  }
  const dir = await preparePeerbench()
  const rows: ClusterRow[] = []
  for (let trial = 1; trial <= opts.trials; trial++) {
    // Every other trial in reverse order, so that going first or last favours neither setup.
    for (const processes of trial % 2 === 1 ? [1, 2] : [2, 1]) {
      const row = await runOnce(dir, opts, processes, trial)
      rows.push(row)
      const first = row.perProcess[0]!
      log(
        `cluster: ${processes} process(es), trial ${trial}: p99 ${row.p99} ms, ${row.missing} missing, CPU ${row.serverCpuPct} % (process 1: ${first.cpuPct} %, loadgen's reading ${row.loadgenCpuPct} %)`,
      )
    }
  }
  return { rows }
}

/**
 * The same load on three Yjs servers, in one run on this machine: ours (storing every update, SQLite),
 * the y-websocket reference server and Hocuspocus (both in memory), measured by ../shared/peerbench.
 */
import { type ChildProcess, spawn } from 'node:child_process'
import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { freePort, startServerProcess } from '../tests/support/server-process'
import { ROOT, round, run, sectionsOnServer, stopChild, waitForPort } from './lib'

export interface LoadResult {
  server: 'planroom' | 'ywebsocket' | 'hocuspocus'
  trial: number
  docs: number
  clientsPerDoc: number
  rate: number
  duration: number
  connectMs: number
  sent: number
  delivered: number
  expected: number
  missing: number
  p50: number
  p95: number
  p99: number
  max: number
  serverCpuPct: number | null
  serverRssMb: number | null
  serverPeakMb: number | null
}

export interface PeerOptions {
  loads: { docs: number; clients: number }[]
  rate: number
  duration: number
  /** Extra node flags for our server (e.g. --cpu-prof). */
  nodeFlags?: string[]
  /** Extra environment for our server. */
  serverEnv?: Record<string, string>
  only?: LoadResult['server'][]
  /** Runs of each server per load (averaged in the report). */
  trials?: number
}

/** ../shared/peerbench beside the repository (PEERBENCH_DIR overrides it). */
const SOURCE = process.env.PEERBENCH_DIR ?? path.resolve(ROOT, '../shared/peerbench')

/** The folder is read-only: copy it to a scratch folder once (keyed by its lockfile) and `npm ci` there. */
export async function preparePeerbench(): Promise<string> {
  const lock = fs.readFileSync(path.join(SOURCE, 'package-lock.json'))
  const key = crypto
    .createHash('sha256')
    .update(lock)
    .update(fs.readFileSync(path.join(SOURCE, 'loadgen.mjs')))
    .digest('hex')
    .slice(0, 12)
  const dir = path.join(os.tmpdir(), `planroom-peerbench-${key}`)
  if (fs.existsSync(path.join(dir, 'node_modules', '.ready'))) return dir
  fs.rmSync(dir, { recursive: true, force: true })
  fs.cpSync(SOURCE, dir, { recursive: true })
  fs.rmSync(path.join(dir, 'node_modules'), { recursive: true, force: true })
  await run('npm', ['ci', '--no-audit', '--no-fund'], { cwd: dir })
  fs.writeFileSync(path.join(dir, 'node_modules', '.ready'), '')
  return dir
}

export type LoadStats = Omit<LoadResult, 'server' | 'trial'>

/** One loadgen run. `onResult` is called the moment its result line appears, i.e. as its measuring window closes. */
export async function loadgen(dir: string, args: string[], onResult?: () => void): Promise<LoadStats> {
  let seen = false
  const onStdout = (chunk: string) => {
    if (seen || !chunk.includes('{')) return
    seen = true
    onResult?.()
  }
  const out = await run(process.execPath, ['loadgen.mjs', ...args], { cwd: dir, onStdout })
  const line = out
    .trim()
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .at(-1)
  if (!line) throw new Error(`loadgen printed no result:\n${out}`)
  const r = JSON.parse(line) as LoadStats
  return {
    docs: r.docs,
    clientsPerDoc: r.clientsPerDoc,
    rate: r.rate,
    duration: r.duration,
    connectMs: r.connectMs,
    sent: r.sent,
    delivered: r.delivered,
    expected: r.expected,
    missing: r.missing,
    p50: r.p50,
    p95: r.p95,
    p99: r.p99,
    max: r.max,
    serverCpuPct: r.serverCpuPct,
    serverRssMb: r.serverRssMb,
    serverPeakMb: r.serverPeakMb,
  }
}

/** Several runs of one setup as one row: latencies, CPU and RSS averaged, counts summed, the maxima kept. */
export function meanOfTrials<T extends LoadStats>(rs: T[]): T {
  const avg = (f: (r: T) => number) => round(rs.reduce((n, r) => n + f(r), 0) / rs.length, 2)
  const sum = (f: (r: T) => number) => rs.reduce((n, r) => n + f(r), 0)
  return {
    ...rs[0]!,
    p50: avg((r) => r.p50),
    p95: avg((r) => r.p95),
    p99: avg((r) => r.p99),
    max: Math.max(...rs.map((r) => r.max)),
    serverCpuPct: avg((r) => r.serverCpuPct ?? NaN),
    serverRssMb: avg((r) => r.serverRssMb ?? NaN),
    serverPeakMb: Math.max(...rs.map((r) => r.serverPeakMb ?? 0)),
    sent: sum((r) => r.sent),
    delivered: sum((r) => r.delivered),
    expected: sum((r) => r.expected),
    missing: sum((r) => r.missing),
    connectMs: avg((r) => r.connectMs),
  }
}

/** loadgen's arguments for a load. */
export const loadArgs = (load: { docs: number; clients: number }, rate: number, duration: number) => [
  '--docs',
  String(load.docs),
  '--clients',
  String(load.clients),
  '--rate',
  String(rate),
  '--duration',
  String(duration),
]

/** loadgen's arguments for our server: its rooms are real section ids (written to `roomsFile`), opened with a session cookie. */
export function planroomArgs(wsUrl: string, cookie: string, sectionIds: string[], roomsFile: string): string[] {
  fs.writeFileSync(roomsFile, sectionIds.join('\n') + '\n')
  return ['--protocol', 'yws', '--url', wsUrl, '--rooms', roomsFile, '--cookie', cookie]
}

export async function peerServer(dir: string, name: 'ywebsocket' | 'hocuspocus', port: number): Promise<ChildProcess> {
  const script = name === 'hocuspocus' ? 'servers/hocuspocus.mjs' : 'node_modules/@y/websocket-server/src/server.js'
  const child = spawn(process.execPath, [script], {
    cwd: dir,
    env: { ...process.env, HOST: '127.0.0.1', PORT: String(port) },
    stdio: 'ignore',
  })
  await waitForPort(port, child)
  return child
}

export async function runPeers(
  opts: PeerOptions,
  log: (msg: string) => void = () => {},
  onServer?: (pid: number, name: LoadResult['server']) => void,
): Promise<LoadResult[]> {
  const dir = await preparePeerbench()
  const results: LoadResult[] = []
  const want = (s: LoadResult['server']) => !opts.only || opts.only.includes(s)

  async function runOne(server: LoadResult['server'], load: { docs: number; clients: number }, trial: number) {
    const common = loadArgs(load, opts.rate, opts.duration)
    if (server === 'planroom') {
      const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'planroom-bench-'))
      const ours = await startServerProcess(
        { DATA_DIR: dataDir, LOG_LEVEL: 'warn', ...opts.serverEnv },
        undefined,
        opts.nodeFlags ?? [],
      )
      try {
        const { cookie, sectionIds } = await sectionsOnServer(ours.url, load.docs)
        onServer?.(ours.child.pid!, 'planroom')
        const rooms = planroomArgs(
          `ws://127.0.0.1:${ours.port}/sync`,
          cookie,
          sectionIds.slice(0, load.docs),
          path.join(dataDir, 'rooms.txt'),
        )
        const args = [...rooms, '--pid', String(ours.child.pid), ...common]
        results.push({ server, trial, ...(await loadgen(dir, args)) })
      } finally {
        // SIGTERM: a clean shutdown (and the CPU profile, when asked for, is written on exit).
        await ours.stop('SIGTERM')
        fs.rmSync(dataDir, { recursive: true, force: true })
      }
    } else {
      const port = await freePort()
      const child = await peerServer(dir, server, port)
      onServer?.(child.pid!, server)
      try {
        const args = [
          '--protocol',
          server === 'hocuspocus' ? 'hocuspocus' : 'yws',
          '--url',
          `ws://127.0.0.1:${port}`,
          '--pid',
          String(child.pid),
          ...common,
        ]
        results.push({ server, trial, ...(await loadgen(dir, args)) })
      } finally {
        await stopChild(child)
      }
    }
    log(`peers: ${server} ${load.docs}x${load.clients} trial ${trial} done`)
  }

  for (const load of opts.loads) {
    for (let trial = 1; trial <= (opts.trials ?? 1); trial++) {
      // Ours always runs between the two peers; every other trial in reverse order, so that running
      // first or last (a warmer or busier machine) favours no one.
      const order: LoadResult['server'][] =
        trial % 2 === 1 ? ['ywebsocket', 'planroom', 'hocuspocus'] : ['hocuspocus', 'planroom', 'ywebsocket']
      for (const server of order) if (want(server)) await runOne(server, load, trial)
    }
  }
  return results
}

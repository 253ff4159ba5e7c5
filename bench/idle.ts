/**
 * The memory an idle connection costs: N WebSocket connections spread over a few hundred documents, each
 * synced once (sync step 1 with an empty state vector, answered) and then silent, on ours (SQLite) and on
 * the y-websocket reference. Whole-process RSS before and after, divided by N.
 */
import type { ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { WebSocket } from 'ws'
import { freePort, startServerProcess } from '../tests/support/server-process'
import { sectionsOnServer, sleep, stopChild } from './lib'
import { peerServer, preparePeerbench } from './peers'

export interface IdleOptions {
  connections: number
  documents: number
}

export interface IdleRow {
  server: 'planroom' | 'ywebsocket'
  connections: number
  baselineMb: number
  openMb: number
  perConnectionKb: number
}

const rssMb = (pid: number) =>
  Number(fs.readFileSync(`/proc/${pid}/status`, 'utf8').match(/VmRSS:\s+(\d+)/)?.[1] ?? 0) / 1024

/** sync (0), step 1 (0), an empty state vector (a var-uint8-array holding one 0). */
const SYNC_STEP_1 = new Uint8Array([0, 0, 1, 0])

async function openIdle(urls: string[], headers: Record<string, string>, count: number): Promise<WebSocket[]> {
  const sockets: WebSocket[] = []
  for (let i = 0; i < count; i += 200) {
    const batch = Array.from({ length: Math.min(200, count - i) }, (_, k) => {
      const ws = new WebSocket(urls[(i + k) % urls.length]!, { headers })
      sockets.push(ws)
      return new Promise<void>((resolve, reject) => {
        ws.once('open', () => ws.send(SYNC_STEP_1))
        ws.once('message', () => resolve())
        ws.once('error', reject)
      })
    })
    await Promise.all(batch)
  }
  return sockets
}

async function measureServer(
  server: IdleRow['server'],
  pid: number,
  urls: string[],
  headers: Record<string, string>,
  opts: IdleOptions,
): Promise<IdleRow> {
  // Warm up (code paths compiled, pools open) with every document open once, then idle a moment.
  const warm = await openIdle(urls, headers, urls.length)
  await sleep(1000)
  const baselineMb = rssMb(pid)
  const sockets = await openIdle(urls, headers, opts.connections)
  await sleep(2000)
  const openMb = rssMb(pid)
  for (const ws of [...warm, ...sockets]) ws.terminate()
  return {
    server,
    connections: opts.connections,
    baselineMb,
    openMb,
    perConnectionKb: ((openMb - baselineMb) * 1024) / opts.connections,
  }
}

export async function runIdle(opts: IdleOptions, log: (m: string) => void = () => {}): Promise<IdleRow[]> {
  const rows: IdleRow[] = []
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'planroom-bench-idle-'))
  const ours = await startServerProcess({ DATA_DIR: dataDir, LOG_LEVEL: 'warn' })
  try {
    const { cookie, sectionIds } = await sectionsOnServer(ours.url, opts.documents)
    const urls = sectionIds.slice(0, opts.documents).map((id) => `ws://127.0.0.1:${ours.port}/sync/${id}`)
    rows.push(await measureServer('planroom', ours.child.pid!, urls, { cookie, origin: ours.url }, opts))
    log(`idle: planroom ${rows.at(-1)!.perConnectionKb.toFixed(1)} KB per connection`)
  } finally {
    await ours.stop('SIGTERM')
    fs.rmSync(dataDir, { recursive: true, force: true })
  }
  const dir = await preparePeerbench()
  const port = await freePort()
  const reference: ChildProcess = await peerServer(dir, 'ywebsocket', port)
  try {
    const urls = Array.from({ length: opts.documents }, (_, i) => `ws://127.0.0.1:${port}/idle-${i}`)
    rows.push(await measureServer('ywebsocket', reference.pid!, urls, {}, opts))
    log(`idle: ywebsocket ${rows.at(-1)!.perConnectionKb.toFixed(1)} KB per connection`)
  } finally {
    await stopChild(reference)
  }
  return rows
}

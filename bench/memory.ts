/**
 * Memory per open section and per connection: the real server in a child process (so its RSS is its
 * own), N sections opened with one connection each, then extra connections on them, then all closed
 * and unloaded. Heap figures are taken after a full GC in the server (bench/memory-server.ts).
 */
import { type ChildProcess, spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import * as Y from 'yjs'
import { openMigratedStorage } from '../server/storage/db'
import { createUpdateLog } from '../server/sync/update-log'
import { freePort } from '../tests/support/server-process'
import { type StockClient, appendParagraph, eventually, stockClient } from '../tests/support/sync-clients'
import { ROOT, sectionsOnServer, sleep, stopChild } from './lib'

interface Usage {
  rss: number
  heapUsed: number
  external: number
  arrayBuffers: number
  documents: number
  peers: number
}

export interface MemoryResult {
  sections: number
  extraConnections: number
  sectionBytes: number
  baseline: Usage
  sectionsOpen: Usage
  connectionsOpen: Usage
  afterUnload: Usage
  perSectionWithConnection: { heapKb: number; rssKb: number }
  perConnection: { heapKb: number; rssKb: number }
  perSection: { heapKb: number; rssKb: number }
}

function measure(child: ChildProcess): Promise<Usage> {
  return new Promise((resolve) => {
    const onMessage = (m: unknown) => {
      if (typeof m === 'object' && m && 'rss' in m) {
        child.off('message', onMessage)
        resolve(m as Usage)
      }
    }
    child.on('message', onMessage)
    child.send('measure')
  })
}

/** A section's content as people would leave it: twenty paragraphs of text. */
function sectionContent(): Uint8Array {
  const doc = new Y.Doc()
  for (let i = 0; i < 20; i++)
    appendParagraph(doc, `Paragraph ${i}: we post three times a week and answer every question within two hours.`)
  return Y.encodeStateAsUpdate(doc)
}

process.setMaxListeners(0) // every y-websocket provider adds a process 'exit' listener

export async function runMemory(
  opts: { sections: number; extraPerSection: number },
  log: (m: string) => void = () => {},
): Promise<MemoryResult> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'planroom-bench-mem-'))
  const port = await freePort()
  const child = spawn(process.execPath, ['--expose-gc', '--import', 'tsx', 'bench/memory-server.ts'], {
    cwd: ROOT,
    env: { ...process.env, DATA_DIR: dataDir, PORT: String(port), LOG_LEVEL: 'warn', SYNC_UNLOAD_AFTER_MS: '500' },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  })
  const clients: StockClient[] = []
  try {
    await new Promise<void>((resolve, reject) => {
      child.once('message', () => resolve())
      child.once('exit', (code) => reject(new Error(`memory server exited (${code})`)))
    })
    const url = `http://127.0.0.1:${port}`
    const WARMUP = 10
    const { cookie, sectionIds } = await sectionsOnServer(url, opts.sections + WARMUP)
    const sections = sectionIds.slice(0, opts.sections)
    const warmup = sectionIds.slice(opts.sections, opts.sections + WARMUP)

    // Give every section the same content, written straight into the log.
    const storage = await openMigratedStorage({ databaseUrl: null, dataDir })
    const content = sectionContent()
    await createUpdateLog(storage.driver).append(
      [...sections, ...warmup].map((sectionId) => ({ sectionId, data: content })),
    )
    await storage.close()

    const open = (sectionId: string) => {
      const c = stockClient(url, cookie, sectionId)
      clients.push(c)
      return c
    }
    // Warm up first (code compiled, caches filled, pools open), so the baseline is a server that has served.
    const warm = warmup.map(open)
    for (const c of warm) if (!(await c.synced)) throw new Error('a client did not sync')
    for (const c of clients.splice(0)) c.close()
    await eventually(async () => (await measure(child)).documents === 0, 'warm-up sections unloaded', 30_000)
    const baseline = await measure(child)
    for (let i = 0; i < sections.length; i += 25) {
      const batch = sections.slice(i, i + 25).map(open)
      for (const c of batch) if (!(await c.synced)) throw new Error('a client did not sync')
    }
    const sectionsOpen = await measure(child)
    log(`memory: ${sections.length} sections open`)
    for (let k = 0; k < opts.extraPerSection; k++) {
      for (let i = 0; i < sections.length; i += 25) {
        const batch = sections.slice(i, i + 25).map(open)
        for (const c of batch) if (!(await c.synced)) throw new Error('a client did not sync')
      }
    }
    await sleep(200)
    const connectionsOpen = await measure(child)
    log(`memory: ${clients.length} connections open`)
    for (const c of clients.splice(0)) c.close()
    let afterUnload = await measure(child)
    await eventually(async () => (afterUnload = await measure(child)).documents === 0, 'sections unloaded', 30_000)

    const extra = sections.length * opts.extraPerSection
    const perKb = (a: Usage, b: Usage, n: number) => ({
      heapKb: (b.heapUsed + b.arrayBuffers - a.heapUsed - a.arrayBuffers) / 1024 / n,
      rssKb: (b.rss - a.rss) / 1024 / n,
    })
    const perSectionWithConnection = perKb(baseline, sectionsOpen, sections.length)
    const perConnection = perKb(sectionsOpen, connectionsOpen, extra)
    return {
      sections: sections.length,
      extraConnections: extra,
      sectionBytes: content.byteLength,
      baseline,
      sectionsOpen,
      connectionsOpen,
      afterUnload,
      perSectionWithConnection,
      perConnection,
      perSection: {
        heapKb: perSectionWithConnection.heapKb - perConnection.heapKb,
        rssKb: perSectionWithConnection.rssKb - perConnection.rssKb,
      },
    }
  } finally {
    for (const c of clients) c.close()
    child.disconnect()
    await stopChild(child)
    fs.rmSync(dataDir, { recursive: true, force: true })
  }
}

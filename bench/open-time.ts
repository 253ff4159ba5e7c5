/**
 * Time to open a section against the length of its history: N small updates (keystrokes typed in
 * paragraphs) stored in the log, then a cold open by a fresh hub (load + first sync step 2 to an empty
 * client), with the log compacted into a snapshot (as the server keeps it) and without.
 */
import * as Y from 'yjs'
import { type PlanBody, startTestApp, workspaceFixture } from '../tests/support/api'
import type { EngineCase } from '../tests/support/engines'
import { DEFAULT_HUB_OPTIONS, DocumentHub } from '../server/sync/hub'
import type { DocPeer } from '../server/sync/live-doc'
import { type NewUpdate, createUpdateLog } from '../server/sync/update-log'
import { median } from './lib'

export interface OpenTimeRow {
  engine: string
  updates: number
  /** Rows left in the log after compaction (the steady state stays below compactAfter). */
  tailRows: number
  rawOpenMs: number
  compactedOpenMs: number
  compactMs: number
  snapshotKb: number
  logKb: number
}

const peer: DocPeer = { send() {} }
/** Updates after the last compaction in the "compacted" case: half of compactAfter, the average steady state. */
const TAIL = Math.floor(DEFAULT_HUB_OPTIONS.compactAfter / 2)

/** Someone typing: one update per keystroke, a new paragraph every ~60 characters. */
export function keystrokes(n: number, clientID: number): Uint8Array[] {
  const doc = new Y.Doc()
  doc.clientID = clientID
  const updates: Uint8Array[] = []
  doc.on('update', (u: Uint8Array) => updates.push(u))
  const body = doc.getXmlFragment('body')
  let text: Y.XmlText | null = null
  const words = 'we will post three times a week and answer every question within two hours '
  for (let i = 0; i < n; i++) {
    if (!text || text.length >= 60) {
      const p = new Y.XmlElement('paragraph')
      const t = new Y.XmlText()
      p.insert(0, [t])
      body.push([p]) // one update for the new paragraph, then one per character
      text = t
      i++
      if (i >= n) break
    }
    text.insert(text.length, words[i % words.length]!)
  }
  doc.destroy()
  return updates
}

async function append(
  engine: EngineCase,
  log: ReturnType<typeof createUpdateLog>,
  sectionId: string,
  updates: Uint8Array[],
) {
  const chunk = engine.engine === 'postgres' ? 2000 : 5000
  for (let i = 0; i < updates.length; i += chunk) {
    await log.append(updates.slice(i, i + chunk).map((data): NewUpdate => ({ sectionId, data })))
  }
}

/** A cold open: a hub that never saw the section loads it, and answers an empty client's sync step 1. */
async function coldOpen(log: ReturnType<typeof createUpdateLog>, sectionId: string): Promise<number> {
  const hub = new DocumentHub(log, { ...DEFAULT_HUB_OPTIONS, unloadAfterMs: 2 ** 30 })
  const t0 = performance.now()
  const live = await hub.join(sectionId, peer)
  Y.encodeStateAsUpdate(live.doc, Y.encodeStateVector(new Y.Doc()))
  const ms = performance.now() - t0
  live.destroy() // dropped without hub.close(): closing would compact the log we are measuring
  return ms
}

export async function runOpenTime(
  engine: EngineCase,
  sizes: number[],
  reps: number,
  log: (m: string) => void = () => {},
): Promise<OpenTimeRow[]> {
  const t = await startTestApp(engine)
  try {
    const f = await workspaceFixture(t.app)
    const plan = await f.owner.req<PlanBody>('POST', `/api/workspaces/${f.workspace.id}/plans`, { title: 'Open time' })
    const sections = plan.json.sections.map((s) => s.id)
    const updateLog = createUpdateLog(t.database.storage.driver)
    const rows: OpenTimeRow[] = []
    for (const n of sizes) {
      const raw = sections.shift()!
      const compacted = sections.shift()!
      const updates = keystrokes(n, 1000 + n)
      const logBytes = updates.reduce((s, u) => s + u.byteLength, 0)
      await append(engine, updateLog, raw, updates)

      // The compacted section: everything but the last TAIL updates merged into a snapshot by the server's
      // own compaction; the tail stays in the log as it would between two compactions.
      await append(engine, updateLog, compacted, updates.slice(0, n - TAIL))
      const hub = new DocumentHub(updateLog, { ...DEFAULT_HUB_OPTIONS, unloadAfterMs: 2 ** 30 })
      const live = await hub.join(compacted, peer)
      const c0 = performance.now()
      await live.compact()
      const compactMs = performance.now() - c0
      live.destroy()
      await append(engine, updateLog, compacted, updates.slice(n - TAIL))
      const stored = await updateLog.load(compacted)

      const rawTimes: number[] = []
      const compactedTimes: number[] = []
      await coldOpen(updateLog, raw) // warm-up (code compiled, pages cached), not counted
      await coldOpen(updateLog, compacted)
      for (let r = 0; r < reps; r++) {
        rawTimes.push(await coldOpen(updateLog, raw))
        compactedTimes.push(await coldOpen(updateLog, compacted))
      }
      rows.push({
        engine: engine.engine,
        updates: n,
        tailRows: stored.updates.length,
        rawOpenMs: median(rawTimes),
        compactedOpenMs: median(compactedTimes),
        compactMs,
        snapshotKb: (stored.snapshot?.state.byteLength ?? 0) / 1024,
        logKb: logBytes / 1024,
      })
      log(`open time: ${engine.engine} ${n} updates done`)
    }
    return rows
  } finally {
    await t.dispose()
  }
}

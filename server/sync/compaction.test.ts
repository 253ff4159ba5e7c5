import * as Y from 'yjs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type PlanBody, type TestApp, startTestApp, workspaceFixture } from '../../tests/support/api'
import { ENGINES } from '../../tests/support/engines'
import { appendParagraph, bodyText, eventually } from '../../tests/support/sync-clients'
import { storedDocIn } from '../../tests/support/sync-fixture'
import { DEFAULT_HUB_OPTIONS, DocumentHub, type HubOptions } from './hub'
import type { DocPeer, LiveDoc } from './live-doc'
import { type NewUpdate, type UpdateLog, createUpdateLog } from './update-log'

/** A connection as the hub sees it, keeping what it was sent. */
class TestPeer implements DocPeer {
  readonly received: Uint8Array[] = []
  send(message: Uint8Array) {
    this.received.push(message)
  }
}

/**
 * The update log of one "process", with a count of compactions that lost the optimistic version check,
 * and a gate that can hold a compaction open (after the document state was taken) to widen races.
 */
class InstrumentedLog implements UpdateLog {
  lostCompactions = 0
  compactions = 0
  private gate: Promise<void> | null = null
  private openGate: (() => void) | null = null
  /** Resolves when a compaction reaches the closed gate. */
  reachedGate: Promise<void> = Promise.resolve()
  private signalReached: () => void = () => {}

  constructor(private readonly inner: UpdateLog) {}

  load(sectionId: string) {
    return this.inner.load(sectionId)
  }
  append(entries: readonly NewUpdate[]) {
    return this.inner.append(entries)
  }
  async compact(sectionId: string, state: Uint8Array, replacedIds: readonly number[], expectedVersion: number | null) {
    this.compactions++
    if (this.gate) {
      this.signalReached()
      await this.gate
    }
    const version = await this.inner.compact(sectionId, state, replacedIds, expectedVersion)
    if (version === null) this.lostCompactions++
    return version
  }
  closeGate() {
    this.gate = new Promise((resolve) => (this.openGate = resolve))
    this.reachedGate = new Promise((resolve) => (this.signalReached = resolve))
  }
  releaseGate() {
    this.gate = null
    this.openGate?.()
  }
}

/** A client's document whose every change is written through a live document, as a connection would. */
function typist(live: LiveDoc, peer: DocPeer, name: string) {
  const doc = new Y.Doc()
  const alive = new Set<string>()
  let counter = 0
  let last: Uint8Array | null = null
  doc.on('update', (u: Uint8Array) => (last = u))
  const take = () => {
    const u = last!
    last = null
    return u
  }
  return {
    doc,
    alive,
    /** Append `n` paragraphs, each its own update, all in flight at once (one group-commit batch or a few). */
    async append(n: number) {
      const writes: Promise<unknown>[] = []
      for (let i = 0; i < n; i++) {
        const token = `${name}-${counter++}`
        appendParagraph(doc, token)
        alive.add(token)
        writes.push(live.write(take(), peer))
      }
      await Promise.all(writes)
    },
    /** Delete this typist's oldest paragraph (so delete sets are part of what must survive). */
    async deleteOldest() {
      const body = doc.getXmlFragment('body')
      if (body.length === 0) return
      const token = ((body.get(0) as Y.XmlElement).get(0) as Y.XmlText).toString() as string
      doc.transact(() => body.delete(0, 1))
      alive.delete(token)
      await live.write(take(), peer)
    },
  }
}

const tokensIn = (doc: Y.Doc) => new Set(bodyText(doc).match(/[A-Za-z]+-\d+/g) ?? [])

/** Same content, same state vector, same delete set: the same document. */
function expectSameDocument(actual: Y.Doc, expected: Y.Doc) {
  expect(bodyText(actual)).toBe(bodyText(expected))
  expect(Y.equalSnapshots(Y.snapshot(actual), Y.snapshot(expected))).toBe(true)
}

/** A small seeded PRNG, so a failing interleaving can be replayed. */
function mulberry32(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

describe.each(ENGINES)('update log compaction on $engine', (engine) => {
  describe.skipIf(!engine.available)('with hubs on one database', () => {
    let t: TestApp
    let sections: string[] = []
    const hubs: DocumentHub[] = []
    const hub = (log: UpdateLog, options: Partial<HubOptions>) => {
      const h = new DocumentHub(log, { ...DEFAULT_HUB_OPTIONS, unloadAfterMs: 60_000, ...options })
      hubs.push(h)
      return h
    }
    const freshLog = () => new InstrumentedLog(createUpdateLog(t.database.storage.driver))
    const nextSection = () => {
      const id = sections.shift()
      if (!id) throw new Error('out of sections')
      return id
    }
    /** Open a section cold, as another process (or this one after a restart) would. */
    const reload = async (sectionId: string) => hub(freshLog(), {}).join(sectionId, new TestPeer())

    beforeAll(async () => {
      t = await startTestApp(engine)
      const f = await workspaceFixture(t.app)
      const plan = await f.owner.req<PlanBody>('POST', `/api/workspaces/${f.workspace.id}/plans`, {
        title: 'Compaction',
      })
      sections = plan.json.sections.map((s) => s.id)
      expect(sections.length).toBeGreaterThanOrEqual(6)
    })
    afterAll(async () => {
      for (const h of hubs) await h.close().catch(() => {})
      await t?.dispose()
    })

    it('merges the log into a snapshot past compactAfter, and a reload gives exactly the same document', async () => {
      const sectionId = nextSection()
      const log = freshLog()
      const h = hub(log, { compactAfter: 20 })
      const live = await h.join(sectionId, new TestPeer())
      const writer = typist(live, new TestPeer(), 'alpha')
      let written = 0
      for (let round = 0; round < 12; round++) {
        await writer.append(5)
        written += 5
        if (round % 3 === 2) {
          await writer.deleteOldest()
          written++
        }
      }
      await live.settle()

      const stored = await log.load(sectionId)
      expect(log.compactions).toBeGreaterThan(0)
      expect(stored.snapshot).not.toBeNull()
      expect(stored.updates.length).toBeLessThan(20)
      expect(stored.updates.length).toBeLessThan(written)

      expectSameDocument(live.doc, writer.doc)
      expectSameDocument((await reload(sectionId)).doc, writer.doc)
      expectSameDocument(await storedDocIn(t.database.storage, sectionId), writer.doc)
      expect(tokensIn(writer.doc)).toEqual(writer.alive)
    })

    it('keeps the updates stored while a compaction is in flight', async () => {
      const sectionId = nextSection()
      const log = freshLog()
      const h = hub(log, { compactAfter: 1_000_000 })
      const live = await h.join(sectionId, new TestPeer())
      const writer = typist(live, new TestPeer(), 'beta')
      await writer.append(15)
      log.closeGate()
      const compaction = live.compact()
      await log.reachedGate
      await writer.append(10) // stored and applied while the snapshot of the first 15 is being written
      await writer.deleteOldest()
      log.releaseGate()
      await compaction

      const stored = await log.load(sectionId)
      expect(stored.snapshot).not.toBeNull()
      expect(stored.updates.length).toBe(11)
      expectSameDocument((await reload(sectionId)).doc, writer.doc)

      await live.compact()
      expect((await log.load(sectionId)).updates.length).toBe(0)
      expectSameDocument((await reload(sectionId)).doc, writer.doc)
    })

    it('never loses an update when a second process compacts the same section concurrently', async () => {
      const sectionId = nextSection()
      const logA = freshLog()
      const logB = freshLog()
      // Small thresholds so automatic compactions race the explicit ones too.
      const liveA = await hub(logA, { compactAfter: 7 }).join(sectionId, new TestPeer())
      const liveB = await hub(logB, { compactAfter: 11 }).join(sectionId, new TestPeer())
      const a = typist(liveA, new TestPeer(), 'procA')
      const b = typist(liveB, new TestPeer(), 'procB')
      const random = mulberry32(engine.engine === 'sqlite' ? 7 : 11)
      const expected = () => new Set([...a.alive, ...b.alive])

      for (let step = 0; step < 60; step++) {
        const r = random()
        if (r < 0.25) await a.append(1 + Math.floor(random() * 4))
        else if (r < 0.5) await b.append(1 + Math.floor(random() * 4))
        else if (r < 0.55) await a.deleteOldest()
        else if (r < 0.6) await b.deleteOldest()
        else if (r < 0.85) await Promise.all([liveA.compact(), liveB.compact(), a.append(1), b.append(1)])
        else await Promise.all([liveA.compact(), liveB.compact()])
        // After every step, what is stored is exactly what both processes' clients wrote.
        expect(tokensIn(await storedDocIn(t.database.storage, sectionId))).toEqual(expected())
      }
      await Promise.all([liveA.settle(), liveB.settle()])

      // The optimistic version check was exercised, in both directions or at least one.
      expect(logA.lostCompactions + logB.lostCompactions).toBeGreaterThan(0)
      const stored = await storedDocIn(t.database.storage, sectionId)
      expect(tokensIn(stored)).toEqual(expected())
      // Every write of either client is contained in the stored document, deletions included.
      for (const w of [a, b])
        expect(Y.snapshotContainsUpdate(Y.snapshot(stored), Y.encodeStateAsUpdate(w.doc))).toBe(true)
      expect(tokensIn((await reload(sectionId)).doc)).toEqual(expected())
    })

    it('refuses a compaction whose snapshot version is stale, and deletes nothing', async () => {
      const sectionId = nextSection()
      const log = freshLog()
      const live = await hub(log, { compactAfter: 1_000_000 }).join(sectionId, new TestPeer())
      const writer = typist(live, new TestPeer(), 'gamma')
      await writer.append(5)
      const before = await log.load(sectionId)
      expect(before.snapshot).toBeNull()
      const ids = before.updates.map((u) => u.id)
      expect(await log.compact(sectionId, new Uint8Array([0, 0]), ids, 3)).toBeNull()
      const v1 = await log.compact(sectionId, Y.encodeStateAsUpdate(writer.doc), ids.slice(0, 2), null)
      expect(v1).toBe(1)
      // A second compaction that read "no snapshot" must lose, not overwrite version 1.
      expect(await log.compact(sectionId, new Uint8Array([0, 0]), ids.slice(2), null)).toBeNull()
      const after = await log.load(sectionId)
      expect(after.snapshot?.version).toBe(1)
      expect(after.updates.map((u) => u.id)).toEqual(ids.slice(2))
      expectSameDocument(await storedDocIn(t.database.storage, sectionId), writer.doc)
    })

    it('unloads a section nobody has open after unloadAfterMs and compacts its log', async () => {
      const sectionId = nextSection()
      const log = freshLog()
      const h = hub(log, { compactAfter: 1_000_000, unloadAfterMs: 100 })
      const peer = new TestPeer()
      const live = await h.join(sectionId, peer)
      const writer = typist(live, peer, 'delta')
      await writer.append(30)
      await writer.deleteOldest()
      expect((await log.load(sectionId)).updates.length).toBe(31)
      h.leave(sectionId, peer)
      expect(await h.peek(sectionId)).toBe(live) // not at once
      await eventually(() => h.stats().documents === 0, 'the section is unloaded')
      expect(await h.peek(sectionId)).toBeNull()

      const stored = await log.load(sectionId)
      expect(stored.snapshot).not.toBeNull()
      expect(stored.updates).toEqual([])
      expectSameDocument(await storedDocIn(t.database.storage, sectionId), writer.doc)
      expectSameDocument((await reload(sectionId)).doc, writer.doc)
    })

    it('gives everyone who joins while the section is unloading one and the same document', async () => {
      const sectionId = nextSection()
      const log = freshLog()
      const h = hub(log, { compactAfter: 1_000_000, unloadAfterMs: 20 })
      const first = new TestPeer()
      const live = await h.join(sectionId, first)
      const writer = typist(live, first, 'eps')
      await writer.append(5)
      log.closeGate()
      h.leave(sectionId, first)
      await log.reachedGate // the unload is compacting now
      const [p1, p2] = [new TestPeer(), new TestPeer()]
      const joining = Promise.all([h.join(sectionId, p1), h.join(sectionId, p2)])
      log.releaseGate()
      const [live1, live2] = await joining
      expect(live1).toBe(live2)
      expect(live1).not.toBe(live)
      expect(h.stats()).toMatchObject({ documents: 1, peers: 2 })
      expect(bodyText(live1.doc)).toBe(bodyText(writer.doc))

      // A write through one reaches the other.
      const second = typist(live1, p1, 'zeta')
      Y.applyUpdate(second.doc, Y.encodeStateAsUpdate(live1.doc))
      const before = p2.received.length
      await second.append(1)
      expect(p2.received.length).toBeGreaterThan(before)
    })
  })
})

import * as Y from 'yjs'
import { SYNC_LIMITS } from '../../shared/sync/protocol'
import { log } from '../log'
import { GroupCommit } from './group-commit'
import { type DocPeer, LiveDoc, type LiveDocOptions, replayStored } from './live-doc'
import type { UpdateLog } from './update-log'

export interface HubOptions extends LiveDocOptions {
  /** A document nobody has open is compacted and dropped from memory after this long. */
  unloadAfterMs: number
  /** Runs when a section is about to leave memory (its last peer has gone): history takes a snapshot. */
  beforeUnload?: (sectionId: string, doc: Y.Doc) => Promise<void>
}

export const DEFAULT_HUB_OPTIONS: HubOptions = {
  compactAfter: 500,
  maxDocumentBytes: SYNC_LIMITS.maxDocumentBytes,
  unloadAfterMs: 10_000,
}

interface Entry {
  live: Promise<LiveDoc>
  peers: Set<DocPeer>
  unloadTimer: NodeJS.Timeout | null
  unloading: Promise<void> | null
}

/**
 * The live documents of this process: loads a section on first join, unloads it when the last peer
 * has been gone a while. Writes go through `LiveDoc.write` (store, then apply, then broadcast).
 */
export class DocumentHub {
  private readonly entries = new Map<string, Entry>()
  readonly committer: GroupCommit

  constructor(
    readonly updateLog: UpdateLog,
    readonly options: HubOptions = DEFAULT_HUB_OPTIONS,
  ) {
    this.committer = new GroupCommit(updateLog)
  }

  async join(sectionId: string, peer: DocPeer): Promise<LiveDoc> {
    let entry = this.entries.get(sectionId)
    // Whoever waited for an unload looks again: the first one back loads the section, the rest join it
    // (one LiveDoc per section, or peers of the same section would not see each other's edits).
    while (entry?.unloading) {
      await entry.unloading
      entry = this.entries.get(sectionId)
    }
    if (!entry) {
      const live = LiveDoc.load(sectionId, this.committer, this.updateLog, this.options)
      const created: Entry = { live, peers: new Set(), unloadTimer: null, unloading: null }
      entry = created
      this.entries.set(sectionId, created)
      live.catch(() => this.forget(sectionId, created))
      this.options.relay?.opened?.(sectionId, async () => {
        const doc = await this.open(sectionId)
        await doc
          ?.catchUp()
          .catch((err) => log.error('catching up a section failed', { sectionId, error: String(err) }))
      })
    }
    if (entry.unloadTimer) clearTimeout(entry.unloadTimer)
    entry.unloadTimer = null
    entry.peers.add(peer)
    const live = await entry.live
    live.peers.add(peer)
    return live
  }

  leave(sectionId: string, peer: DocPeer) {
    const entry = this.entries.get(sectionId)
    if (!entry) return
    entry.peers.delete(peer)
    void entry.live.then(
      (live) => live.peers.delete(peer),
      () => {},
    )
    if (entry.peers.size === 0 && !entry.unloadTimer && !entry.unloading) {
      entry.unloadTimer = setTimeout(() => this.unload(sectionId, entry), this.options.unloadAfterMs)
      entry.unloadTimer.unref()
    }
  }

  private unload(sectionId: string, entry: Entry) {
    entry.unloadTimer = null
    if (entry.peers.size > 0) return
    entry.unloading = (async () => {
      const live = await entry.live
      await live.settle()
      await this.options
        .beforeUnload?.(sectionId, live.doc)
        .catch((err) => log.error('before-unload hook failed', { sectionId, error: String(err) }))
      await live.compact()
      live.destroy()
      this.forget(sectionId, entry)
    })().catch((err) => {
      log.error('unloading a section failed', { sectionId, error: String(err) })
      this.forget(sectionId, entry)
    })
  }

  /**
   * Drop deleted sections from memory without storing anything more of them (no snapshot, no
   * compaction: their rows are going). Their peers must be gone already.
   */
  async discard(sectionIds: readonly string[]) {
    await Promise.all(
      sectionIds.map(async (sectionId) => {
        const entry = this.entries.get(sectionId)
        if (!entry) return
        if (entry.unloadTimer) clearTimeout(entry.unloadTimer)
        entry.unloadTimer = null
        this.forget(sectionId, entry)
        const live = await entry.live.catch(() => null)
        await live?.settle()
        live?.destroy()
      }),
    )
  }

  /** Drop this entry, never a newer one of the same section. */
  private forget(sectionId: string, entry: Entry) {
    if (this.entries.get(sectionId) !== entry) return
    this.entries.delete(sectionId)
    this.options.relay?.closed?.(sectionId)
  }

  /** Make a server change to a section (loading it if nobody has it open), stored and broadcast like any write. */
  async change(sectionId: string, edit: (doc: Y.Doc) => void): Promise<void> {
    const peer: DocPeer = { send() {} }
    const live = await this.join(sectionId, peer)
    try {
      await live.change(edit)
    } finally {
      this.leave(sectionId, peer)
    }
  }

  /** The open document of a section, if this process has it open (not loading it, not unloading it). */
  private async open(sectionId: string): Promise<LiveDoc | null> {
    const entry = this.entries.get(sectionId)
    if (!entry || entry.unloading) return null
    // A section still loading reads the log after the update was stored, or applies it here: either way it has it.
    return entry.live.catch(() => null)
  }

  /** An update another process stored. A section not open here has nothing to do: its next load reads the log. */
  async receiveUpdate(sectionId: string, id: number, update: Uint8Array): Promise<boolean> {
    const live = await this.open(sectionId)
    live?.applyRemote(id, update)
    return !!live
  }

  async receiveAwareness(sectionId: string, update: Uint8Array): Promise<boolean> {
    const live = await this.open(sectionId)
    live?.applyRemoteAwareness(update)
    return !!live
  }

  /** Bring every open section up to the log (after relayed messages may have been lost). */
  async catchUp(): Promise<void> {
    for (const sectionId of [...this.entries.keys()]) {
      const live = await this.open(sectionId)
      await live?.catchUp().catch((err) => log.error('catching up a section failed', { sectionId, error: String(err) }))
    }
  }

  /** Everyone present in each open section, as awareness updates. */
  async *presence(): AsyncGenerator<[sectionId: string, update: Uint8Array]> {
    for (const sectionId of [...this.entries.keys()]) {
      const update = (await this.open(sectionId))?.presence()
      if (update) yield [sectionId, update]
    }
  }

  /**
   * Read a section's document as it is now, whether or not it is open: the live one when this process
   * has it open (it holds every applied write), else rebuilt from the log as a load would (every update
   * is stored before anyone sees it, so the log is never behind what clients were shown) and dropped
   * afterwards, not kept open. `read` runs synchronously on the document; `live` says which it is, as
   * only a private one may be changed while read.
   */
  async read<T>(sectionId: string, read: (doc: Y.Doc, live: boolean) => T): Promise<T> {
    const live = await this.peek(sectionId)
    if (live) return read(live.doc, true)
    const doc = new Y.Doc()
    try {
      replayStored(doc, sectionId, await this.updateLog.load(sectionId))
      return read(doc, false)
    } finally {
      doc.destroy()
    }
  }

  /** The document if it is in memory right now (tests and health). */
  async peek(sectionId: string): Promise<LiveDoc | null> {
    const entry = this.entries.get(sectionId)
    return entry && !entry.unloading ? entry.live : null
  }

  /** Whether the section is in memory at all, loading, open or still unloading (tests wait for an unload to end). */
  holds(sectionId: string): boolean {
    return this.entries.has(sectionId)
  }

  stats() {
    let peers = 0
    for (const e of this.entries.values()) peers += e.peers.size
    return { documents: this.entries.size, peers, commits: { ...this.committer.stats } }
  }

  /** Finish every write and compact what is open; used on shutdown. */
  async close(): Promise<void> {
    await this.committer.drain()
    for (const [sectionId, entry] of this.entries) {
      if (entry.unloadTimer) clearTimeout(entry.unloadTimer)
      // An unload already under way compacts and forgets the section itself; compacting it twice would race.
      if (entry.unloading) {
        await entry.unloading
        continue
      }
      const live = await entry.live.catch(() => null)
      if (!live) continue
      await live.settle()
      await live.compact()
      live.destroy()
      this.forget(sectionId, entry)
    }
  }
}

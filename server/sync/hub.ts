import { SYNC_LIMITS } from '../../shared/sync/protocol'
import { log } from '../log'
import { GroupCommit } from './group-commit'
import { type DocPeer, LiveDoc, type LiveDocOptions } from './live-doc'
import type { UpdateLog } from './update-log'

export interface HubOptions extends LiveDocOptions {
  /** A document nobody has open is compacted and dropped from memory after this long. */
  unloadAfterMs: number
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
    if (entry?.unloading) {
      await entry.unloading
      entry = undefined
    }
    if (!entry) {
      const live = LiveDoc.load(sectionId, this.committer, this.updateLog, this.options)
      entry = { live, peers: new Set(), unloadTimer: null, unloading: null }
      this.entries.set(sectionId, entry)
      live.catch(() => this.entries.delete(sectionId))
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
    void entry.live.then((live) => live.peers.delete(peer), () => {})
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
      await live.compact()
      live.destroy()
      this.entries.delete(sectionId)
    })().catch((err) => {
      log.error('unloading a section failed', { sectionId, error: String(err) })
      this.entries.delete(sectionId)
    })
  }

  /** The document if it is in memory right now (tests and health). */
  async peek(sectionId: string): Promise<LiveDoc | null> {
    const entry = this.entries.get(sectionId)
    return entry && !entry.unloading ? entry.live : null
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
      const live = await entry.live.catch(() => null)
      if (!live) continue
      await live.settle()
      await live.compact()
      live.destroy()
      this.entries.delete(sectionId)
    }
  }
}

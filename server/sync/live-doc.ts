import * as encoding from 'lib0/encoding'
import { Awareness, applyAwarenessUpdate, encodeAwarenessUpdate } from 'y-protocols/awareness'
import * as Y from 'yjs'
import { MESSAGE, SYNC_SUBTYPE } from '../../shared/sync/protocol'
import { log } from '../log'
import type { GroupCommit } from './group-commit'
import { readAwarenessUpdate } from './messages'
import { type DocRelay, REMOTE } from './relay'
import { type DecodedUpdate, type Pending, type Verdict, checkUpdate } from './update-check'
import type { StoredSection, UpdateLog } from './update-log'

/** A connection as a live document sees it: somewhere to send encoded messages. */
export interface DocPeer {
  send(message: Uint8Array): void
  /** The person writing through this peer, when it is one (a sync connection). */
  readonly who?: { userId: string }
}

/** What the content check hands back after a write: the change that puts it right (the sync core knows no plan model). */
export interface GuardRepair {
  update: Uint8Array
  /** Told to the person whose write needed repairing. */
  message: string
}

/**
 * Keeps a section's structured content valid. `load` runs once per section load and returns the check
 * to run after every client write (given the transaction, so it can look only at what changed).
 */
export interface ContentGuard {
  load(sectionId: string): Promise<((doc: Y.Doc, transaction: Y.Transaction) => GuardRepair | null) | null>
}

/**
 * Watches a section's writes (approvals notice edited objectives). `load` runs once per section load;
 * what it returns is called after every stored write is applied (and repaired), with who wrote it.
 * It must return at once: anything slow is its own business, off the write path.
 */
export interface WriteObserver {
  load(sectionId: string): Promise<((doc: Y.Doc, origin: DocPeer | 'server') => void) | null>
}

export interface LiveDocOptions {
  /** Merge the log into a snapshot once this many updates were stored since the last one. */
  compactAfter: number
  maxDocumentBytes: number
  guard?: ContentGuard
  afterWrite?: WriteObserver
  /** Other server processes (several processes behind a load balancer). */
  relay?: DocRelay
}

export class DocumentTooLargeError extends Error {}

function encodeMessage(type: number, write: (e: encoding.Encoder) => void): Uint8Array {
  const e = encoding.createEncoder()
  encoding.writeVarUint(e, type)
  write(e)
  return encoding.toUint8Array(e)
}

/** A stored update that cannot be applied is skipped (and logged), never allowed to block the section. */
function applyStored(doc: Y.Doc, sectionId: string, update: Uint8Array, what: number | 'snapshot', origin: unknown) {
  try {
    Y.applyUpdate(doc, update, origin)
  } catch (err) {
    log.error('skipped an unreadable stored update', { sectionId, update: what, error: String(err) })
  }
}

/** What a section's log holds (snapshot, then updates), applied to `doc` in one transaction. */
export function replayStored(doc: Y.Doc, sectionId: string, stored: StoredSection, origin: unknown = null) {
  doc.transact(() => {
    if (stored.snapshot) applyStored(doc, sectionId, stored.snapshot.state, 'snapshot', origin ?? 'storage')
    for (const u of stored.updates) applyStored(doc, sectionId, u.data, u.id, origin ?? 'storage')
  }, origin)
}

/**
 * One section's document in memory. Every write is stored (group commit) before it is applied to the
 * document, and only an applied update is broadcast: nothing a client received can be lost by a crash.
 */
export class LiveDoc {
  readonly doc = new Y.Doc()
  readonly awareness = new Awareness(this.doc)
  readonly peers = new Set<DocPeer>()
  /** Ids of the stored updates this document holds beyond its snapshot: what a compaction replaces. */
  private applied: { id: number; bytes: number }[] = []
  private snapshotVersion: number | null = null
  private storedBytes = 0
  private inflight = 0
  /** What each update being stored (not applied yet) adds: checks of later updates count it in. */
  private readonly storing = new Set<Pending>()
  private compaction: Promise<void> | null = null
  /** Which peer speaks for each awareness client id. */
  private readonly awarenessOwners = new Map<number, DocPeer | typeof REMOTE>()
  private lastTransaction: Y.Transaction | null = null
  private check: Awaited<ReturnType<ContentGuard['load']>> = null
  private observe: Awaited<ReturnType<WriteObserver['load']>> = null

  private constructor(
    readonly sectionId: string,
    private readonly committer: GroupCommit,
    private readonly updateLog: UpdateLog,
    private readonly options: LiveDocOptions,
  ) {
    this.awareness.setLocalState(null)
    // The content check looks at what the write's transaction touched; one listener for the doc's life.
    this.doc.on('afterTransaction', (tr: Y.Transaction) => (this.lastTransaction = tr))
    this.doc.on('update', (update: Uint8Array, origin: unknown) => {
      const message = encodeMessage(MESSAGE.sync, (e) => {
        encoding.writeVarUint(e, SYNC_SUBTYPE.update)
        encoding.writeVarUint8Array(e, update)
      })
      for (const peer of this.peers) if (peer !== origin) peer.send(message)
    })
    this.awareness.on(
      'update',
      ({ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] }, origin: unknown) => {
        const changed = [...added, ...updated, ...removed]
        const update = encodeAwarenessUpdate(this.awareness, changed)
        const message = encodeMessage(MESSAGE.awareness, (e) => encoding.writeVarUint8Array(e, update))
        for (const peer of this.peers) peer.send(message)
        // Each process times out the states it holds on its own; only what our clients said goes out.
        if (origin !== REMOTE && origin !== 'timeout') this.options.relay?.awareness(this.sectionId, update)
      },
    )
  }

  static async load(
    sectionId: string,
    committer: GroupCommit,
    updateLog: UpdateLog,
    options: LiveDocOptions,
  ): Promise<LiveDoc> {
    const live = new LiveDoc(sectionId, committer, updateLog, options)
    live.check = (await options.guard?.load(sectionId)) ?? null
    live.observe = (await options.afterWrite?.load(sectionId)) ?? null
    const stored = await updateLog.load(sectionId)
    live.snapshotVersion = stored.snapshot?.version ?? null
    replayStored(live.doc, sectionId, stored)
    live.applied = stored.updates.map((u) => ({ id: u.id, bytes: u.data.byteLength }))
    live.storedBytes =
      (stored.snapshot?.state.byteLength ?? 0) + stored.updates.reduce((n, u) => n + u.data.byteLength, 0)
    return live
  }

  /**
   * Whether a client's update applies cleanly to this section as it will be once the updates being
   * stored now are applied (see `checkUpdate`). Synchronous: call `write` in the same turn.
   */
  judge(update: Uint8Array, decoded?: DecodedUpdate): Verdict {
    return checkUpdate(update, this.doc, [...this.storing], { decoded })
  }

  /**
   * Store, then apply and broadcast to every other peer. Rejects if the update could not be stored.
   * A client's update must have been found to apply (`judge`, whose `ends` it passes) in the same turn.
   * A client write that leaves the structured content invalid is followed by a server repair, stored
   * and broadcast like any write; its message is returned for the sender.
   */
  async write(update: Uint8Array, origin: DocPeer | 'server', pending?: Pending): Promise<string | null> {
    if (this.storedBytes + update.byteLength > this.options.maxDocumentBytes) throw new DocumentTooLargeError()
    this.storedBytes += update.byteLength
    this.inflight++
    if (pending) this.storing.add(pending)
    let transaction: Y.Transaction | null
    try {
      const id = await this.committer.store(this.sectionId, update)
      this.applied.push({ id, bytes: update.byteLength })
      this.lastTransaction = null
      Y.applyUpdate(this.doc, update, origin)
      transaction = this.lastTransaction
      this.options.relay?.update(this.sectionId, id, update)
    } finally {
      this.inflight--
      if (pending) this.storing.delete(pending)
    }
    if (this.applied.length >= this.options.compactAfter) this.compactSoon()
    const repair = origin !== 'server' && transaction && this.check ? this.check(this.doc, transaction) : null
    if (repair) await this.write(repair.update, 'server')
    try {
      this.observe?.(this.doc, origin)
    } catch (err) {
      log.error('a write observer failed', { sectionId: this.sectionId, error: String(err) })
    }
    return repair?.message ?? null
  }

  /**
   * A change the server makes (a restore): made on a copy of the document, then stored, applied and
   * broadcast like any write, so it lands on top of the present and every peer sees it.
   */
  async change(edit: (doc: Y.Doc) => void): Promise<void> {
    const copy = new Y.Doc()
    try {
      Y.applyUpdate(copy, Y.encodeStateAsUpdate(this.doc))
      const updates: Uint8Array[] = []
      copy.on('update', (u: Uint8Array) => updates.push(u))
      copy.transact(() => edit(copy))
      if (updates.length > 0) await this.write(Y.mergeUpdates(updates), 'server')
    } finally {
      copy.destroy()
    }
  }

  /** An update another process stored: applied (and so sent to our peers), remembered for compaction. */
  applyRemote(id: number, update: Uint8Array) {
    if (this.applied.some((u) => u.id === id)) return
    applyStored(this.doc, this.sectionId, update, id, REMOTE)
    this.applied.push({ id, bytes: update.byteLength })
    this.storedBytes += update.byteLength
  }

  /**
   * Apply whatever the log holds that this document may have missed (relayed messages lost while Redis
   * was away, or a process killed between storing and relaying). Applying known updates again is a no-op.
   */
  async catchUp(): Promise<void> {
    this.absorb(await this.updateLog.load(this.sectionId))
  }

  /**
   * Apply what the log holds, then take its snapshot version and update ids as ours. Both happen in one
   * tick, so no id is adopted (and later compacted away) without its update being in the document.
   */
  private absorb(stored: StoredSection) {
    replayStored(this.doc, this.sectionId, stored, REMOTE)
    this.snapshotVersion = stored.snapshot?.version ?? null
    const known = new Set(this.applied.map((u) => u.id))
    const present = new Set(stored.updates.map((u) => u.id))
    // Ids we hold that the log no longer has were compacted into its snapshot by someone else.
    this.applied = this.applied.filter((u) => present.has(u.id))
    for (const u of stored.updates) if (!known.has(u.id)) this.applied.push({ id: u.id, bytes: u.data.byteLength })
    this.storedBytes = (stored.snapshot?.state.byteLength ?? 0) + this.applied.reduce((n, u) => n + u.bytes, 0)
  }

  /** Everyone present here according to this process: what a process that just came back must hear. */
  presence(): Uint8Array | null {
    const ids = [...this.awareness.getStates().keys()]
    return ids.length > 0 ? encodeAwarenessUpdate(this.awareness, ids) : null
  }

  /** Presence said in another process: its client ids belong to that process while they are present. */
  applyRemoteAwareness(update: Uint8Array) {
    const entries = readAwarenessUpdate(update)
    for (const { clientId } of entries)
      if (!this.awarenessOwners.has(clientId)) this.awarenessOwners.set(clientId, REMOTE)
    applyAwarenessUpdate(this.awareness, update, REMOTE)
    for (const { clientId } of entries) {
      if (this.awarenessOwners.get(clientId) === REMOTE && !this.awareness.getStates().has(clientId))
        this.awarenessOwners.delete(clientId)
    }
  }

  claimAwareness(clientId: number, peer: DocPeer): boolean {
    const owner = this.awarenessOwners.get(clientId)
    if (owner === REMOTE && this.awareness.getStates().has(clientId)) return false
    if (owner && owner !== REMOTE && owner !== peer && this.peers.has(owner)) return false
    this.awarenessOwners.set(clientId, peer)
    return true
  }

  releaseAwareness(clientId: number, peer: DocPeer) {
    if (this.awarenessOwners.get(clientId) === peer) this.awarenessOwners.delete(clientId)
  }

  get pendingWrites() {
    return this.inflight
  }

  private compactSoon() {
    if (this.compaction) return
    this.compaction = new Promise<void>((resolve) => setImmediate(resolve))
      .then(() => this.compact())
      .finally(() => (this.compaction = null))
  }

  /** Merge the stored updates this document holds into one snapshot, off the hot path. */
  async compact(): Promise<void> {
    const replaced = this.applied.slice()
    if (replaced.length === 0) return
    const ids = replaced.map((u) => u.id)
    const state = Y.encodeStateAsUpdate(this.doc)
    try {
      const version = await this.updateLog.compact(this.sectionId, state, ids, this.snapshotVersion)
      if (version === null) {
        // Another process compacted first: adopt its snapshot (applying it again is harmless).
        this.absorb(await this.updateLog.load(this.sectionId))
        return
      }
      this.snapshotVersion = version
      const merged = new Set(ids)
      this.applied = this.applied.filter((u) => !merged.has(u.id))
      this.storedBytes = state.byteLength + this.applied.reduce((n, u) => n + u.bytes, 0)
    } catch (err) {
      log.error('compaction failed; the log stays as it was', { sectionId: this.sectionId, error: String(err) })
    }
  }

  /** Wait for stores and a running compaction to finish. */
  async settle(): Promise<void> {
    while (this.inflight > 0) await new Promise((r) => setImmediate(r))
    await this.compaction
  }

  destroy() {
    this.awareness.destroy()
    this.doc.destroy()
  }
}

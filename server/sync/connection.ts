import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import { applyAwarenessUpdate, encodeAwarenessUpdate, removeAwarenessStates } from 'y-protocols/awareness'
import * as syncProtocol from 'y-protocols/sync'
import type { WebSocket } from 'ws'
import * as Y from 'yjs'
import { CLOSE, MESSAGE, REFUSAL, SYNC_LIMITS, SYNC_SUBTYPE } from '../../shared/sync/protocol'
import { log } from '../log'
import type { SectionAccess } from './access'
import { vouchForAwareness } from './awareness-identity'
import { guarded, shield } from './guard'
import { DependenciesNeverCameError, HeldUpdates } from './held-updates'
import type { DocumentHub } from './hub'
import { type DocPeer, DocumentTooLargeError, type LiveDoc } from './live-doc'
import { MessageRate } from './message-rate'
import { MalformedMessageError, encode, readAwarenessUpdate, refusalMessage, storedMessage } from './messages'
import { bringsSomethingNew } from './novelty'
import { CoalescedAnswers, Outbox } from './outbox'
import type { DecodedUpdate } from './update-check'

export interface ConnectionContext {
  hub: DocumentHub
  refreshAccess: () => Promise<SectionAccess | null>
  /** Send our "stored" acknowledgements (our own client asks for them; stock clients do not). */
  wantsAcks: boolean
  onClosed: (c: SyncConnection) => void
}

export interface ConnectionIdentity {
  userId: string
  /** The session user's name, which presence shows whatever the client claims. */
  name: string
  sessionId: string
  sectionId: string
}

/** An update that decodes but does not apply (Yjs would throw part-way): closes with CLOSE.invalidUpdate. */
class InvalidUpdateError extends Error {}

/** The smallest of two state vectors: an answer from it holds everything either asked for. */
function smallerStateVector(a: Uint8Array, b: Uint8Array): Uint8Array {
  const x = Y.decodeStateVector(a)
  const y = Y.decodeStateVector(b)
  const min = new Map<number, number>()
  for (const [client, clock] of x) if (y.has(client)) min.set(client, Math.min(clock, y.get(client)!))
  return Y.encodeStateVector(min)
}

/**
 * One client's socket on one section. Messages are handled strictly in order, at most at the
 * connection's rate; each write is judged against the connection's access at the moment it arrives
 * (refreshed as soon as rights change). What is sent waits in a bounded outbox.
 */
export class SyncConnection implements DocPeer {
  private live: LiveDoc | null = null
  private queue: Promise<void> = Promise.resolve()
  /** Write completions in arrival order, so acknowledgements count up without gaps. */
  private writes: Promise<void> = Promise.resolve()
  private processedWrites = 0
  private ackScheduled = false
  private readonly awarenessIds = new Set<number>()
  private accessStale = false
  private closed = false
  private alive = true
  private readonly ping: NodeJS.Timeout
  private readonly outbox: Outbox
  private readonly rate: MessageRate
  /** Who and where, for log lines. */
  private readonly where = () => ({ userId: this.who.userId, sectionId: this.who.sectionId })
  private readonly held = new HeldUpdates((reason) => this.giveUpHeld(reason))
  private readonly step2Answers = new CoalescedAnswers<Uint8Array>(
    (stateVector, sent) =>
      this.outbox.send(
        encode((e) => {
          encoding.writeVarUint(e, MESSAGE.sync)
          syncProtocol.writeSyncStep2(e, this.live!.doc, stateVector)
        }),
        sent,
      ),
    smallerStateVector,
  )
  private readonly awarenessAnswers = new CoalescedAnswers<true>(
    (_all, sent) => this.outbox.send(this.everyonePresent(), sent),
    () => true,
  )

  constructor(
    private readonly ws: WebSocket,
    readonly who: ConnectionIdentity,
    private access: SectionAccess,
    private readonly context: ConnectionContext,
  ) {
    this.outbox = new Outbox(ws, () => this.dropSlowConsumer())
    this.rate = new MessageRate(ws, (message) => this.receive(message))
    ws.on('pong', () => (this.alive = true))
    this.ping = setInterval(
      this.guarded('ping', () => {
        if (!this.alive) return this.ws.terminate()
        this.alive = false
        this.ws.ping()
      }),
      30_000,
    )
    this.ping.unref()
    ws.on(
      'close',
      guarded(
        'close',
        this.where,
        () => {},
        () => this.cleanup(),
      ),
    )
    ws.on('error', (err) => log.warn('sync socket error', { ...this.where(), reason: String(err) }))
  }

  get workspaceId() {
    return this.access.workspaceId
  }

  get planId() {
    return this.access.planId
  }

  /** The connection's guard: a failure is logged with who and where, and ends this connection only. */
  private guarded<A extends unknown[]>(what: string, run: (...args: A) => unknown) {
    return guarded(what, this.where, () => this.close(1011, 'internal error'), run)
  }

  /** Join the document and say hello: sync step 1 and everyone's presence. */
  start(buffered: Uint8Array[]) {
    this.ws.on(
      'message',
      this.guarded('message', (data: Buffer) =>
        this.rate.push(new Uint8Array(data.buffer, data.byteOffset, data.byteLength)),
      ),
    )
    this.queue = this.queue
      .then(async () => {
        this.live = await this.context.hub.join(this.who.sectionId, this)
        if (this.closed) return this.context.hub.leave(this.who.sectionId, this)
        this.send(
          encode((e) => {
            encoding.writeVarUint(e, MESSAGE.sync)
            syncProtocol.writeSyncStep1(e, this.live!.doc)
          }),
        )
        if (this.live.awareness.getStates().size > 0) this.send(this.everyonePresent())
      })
      .catch((err) => {
        log.error('opening a section failed', { ...this.where(), reason: String(err) })
        this.close(1011, 'could not open the section')
      })
    for (const m of buffered) this.rate.push(m)
    this.ws.resume()
  }

  private receive(message: Uint8Array) {
    if (this.closed) return
    this.queue = this.queue.then(() => this.handle(message)).catch((err) => this.fail(err))
  }

  /** Rights changed somewhere: the next message waits for the new rights. */
  markAccessStale() {
    this.accessStale = true
    this.receive(new Uint8Array(0))
  }

  /** A socket that fails a write errors and closes, and ws then closes the connection: no callback needed. */
  send(message: Uint8Array) {
    if (!this.closed) this.outbox.send(message)
  }

  close(code: number, reason: string) {
    if (this.closed) return
    shield(
      'close',
      this.where,
      () => this.ws.terminate(),
      () => {
        this.ws.resume() // a socket paused by the rate limit must read the client's answer to our close frame
        this.ws.close(code, reason)
      },
    )
    this.cleanup()
  }

  private everyonePresent(): Uint8Array {
    const awareness = this.live!.awareness
    return encode((e) => {
      encoding.writeVarUint(e, MESSAGE.awareness)
      encoding.writeVarUint8Array(e, encodeAwarenessUpdate(awareness, [...awareness.getStates().keys()]))
    })
  }

  private async handle(message: Uint8Array) {
    if (this.accessStale) {
      this.accessStale = false
      const access = await this.context.refreshAccess()
      if (!access?.canRead) {
        log.info('sync access revoked', this.where())
        return this.close(CLOSE.forbidden, 'access revoked')
      }
      this.access = access
    }
    if (message.length === 0 || this.closed || !this.live) return
    const decoder = decoding.createDecoder(message)
    const type = decoding.readVarUint(decoder)
    switch (type) {
      case MESSAGE.sync:
        return this.handleSync(decoder)
      case MESSAGE.awareness:
        return this.handleAwareness(decoding.readVarUint8Array(decoder))
      case MESSAGE.queryAwareness:
        return this.awarenessAnswers.request(true)
      default:
        throw new MalformedMessageError(`unknown message type ${type}`)
    }
  }

  private handleSync(decoder: decoding.Decoder) {
    const live = this.live!
    const subtype = decoding.readVarUint(decoder)
    if (subtype === SYNC_SUBTYPE.step1) {
      const stateVector = decoding.readVarUint8Array(decoder)
      Y.decodeStateVector(stateVector) // throws on garbage before we answer
      return this.step2Answers.request(stateVector)
    }
    if (subtype !== SYNC_SUBTYPE.step2 && subtype !== SYNC_SUBTYPE.update)
      throw new MalformedMessageError(`unknown sync message ${subtype}`)
    const update = decoding.readVarUint8Array(decoder)
    const decoded = Y.decodeUpdate(update) // a malformed update closes the connection before it can reach storage
    // What the server has already is accepted as nothing, from anyone: not stored, not refused.
    if (!bringsSomethingNew(live.doc, decoded)) return this.acknowledge(Promise.resolve())
    if (!this.access.canWrite) {
      log.info('sync write refused', { ...this.where(), reason: 'read-only' })
      this.send(refusalMessage(REFUSAL.readOnly, this.access.readOnlyReason ?? 'You cannot edit this section.'))
      return this.acknowledge(Promise.resolve())
    }
    const written = this.write(update, decoded)
    this.acknowledge(written ?? this.held.hold(update))
  }

  /**
   * Store an update that applies, and then whatever held updates apply after it. Null when it builds on
   * changes the server does not have yet; throws when it cannot apply at all.
   */
  private write(update: Uint8Array, decoded?: DecodedUpdate): Promise<void> | null {
    const live = this.live!
    const verdict = live.judge(update, decoded)
    if (verdict.kind === 'invalid') throw new InvalidUpdateError(verdict.reason)
    if (verdict.kind === 'missing') return null
    return live.write(update, this, verdict.pending).then((repaired) => {
      if (repaired) this.send(refusalMessage(REFUSAL.repaired, repaired))
      if (this.held.size > 0 && !this.closed) this.held.retry((u) => this.write(u))
    })
  }

  /** Count a write as processed once it (and every write before it) is done; then tell the client. */
  private acknowledge(done: Promise<void>) {
    this.writes = this.writes
      .then(() => done)
      .then(() => {
        this.processedWrites++
        if (this.ackScheduled || !this.context.wantsAcks) return
        this.ackScheduled = true
        queueMicrotask(() => {
          this.ackScheduled = false
          this.send(storedMessage(this.processedWrites))
        })
      })
      .catch((err) => this.refuseWrite(err))
  }

  private refuseWrite(err: unknown) {
    if (this.closed) return
    if (err instanceof DocumentTooLargeError) {
      log.warn('sync write refused', { ...this.where(), reason: 'document too large' })
      this.send(refusalMessage(REFUSAL.documentTooLarge, 'This section has reached its size limit.'))
      return this.close(CLOSE.documentTooLarge, 'document too large')
    }
    if (err instanceof InvalidUpdateError) return this.fail(err)
    // Not stored: close so the client reconnects and sends it again through sync.
    log.error('storing an update failed', { ...this.where(), reason: String(err) })
    this.close(1011, 'storage failed')
  }

  private giveUpHeld(reason: string) {
    log.warn('sync updates dropped', { ...this.where(), reason })
    this.close(CLOSE.missingDependencies, 'missing dependencies')
  }

  private handleAwareness(update: Uint8Array) {
    const live = this.live!
    const entries = readAwarenessUpdate(update)
    for (const entry of entries) {
      if (entry.state.length > SYNC_LIMITS.maxAwarenessStateBytes)
        throw new MalformedMessageError('awareness state too large')
      JSON.parse(entry.state)
      if (!this.awarenessIds.has(entry.clientId)) {
        // A connection speaks for its own client id only: one it claims first, never someone else's.
        if (
          this.awarenessIds.size >= SYNC_LIMITS.maxAwarenessClientsPerConnection ||
          !live.claimAwareness(entry.clientId, this)
        ) {
          log.warn('awareness refused', { ...this.where(), clientId: entry.clientId })
          return
        }
        this.awarenessIds.add(entry.clientId)
      }
    }
    applyAwarenessUpdate(live.awareness, vouchForAwareness(entries, this.who), this)
  }

  private dropSlowConsumer() {
    if (this.closed) return
    log.warn('sync consumer too slow', { ...this.where(), queuedBytes: this.outbox.queuedBytes })
    this.close(CLOSE.tooSlow, 'too slow')
    // What it never read is let go now, not when the close handshake gives up.
    setTimeout(() => this.ws.terminate(), SYNC_LIMITS.slowConsumerGraceMs).unref()
  }

  /** Whatever a message makes the decoders throw closes this one connection; nothing was applied. */
  private fail(err: unknown) {
    if (this.closed) return
    if (err instanceof DependenciesNeverCameError) return this.giveUpHeld(err.message)
    const invalid = err instanceof InvalidUpdateError
    log.warn(invalid ? 'sync update refused' : 'sync connection closed after a malformed message', {
      ...this.where(),
      reason: String(err),
    })
    if (invalid) this.close(CLOSE.invalidUpdate, 'update does not apply')
    else this.close(CLOSE.malformed, 'malformed message')
  }

  private cleanup() {
    if (this.closed) return
    this.closed = true
    clearInterval(this.ping)
    this.outbox.close()
    this.rate.close()
    this.held.clear()
    if (this.live) {
      removeAwarenessStates(this.live.awareness, [...this.awarenessIds], this)
      for (const id of this.awarenessIds) this.live.releaseAwareness(id, this)
      this.context.hub.leave(this.who.sectionId, this)
    }
    this.context.onClosed(this)
  }
}

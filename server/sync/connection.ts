import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import { applyAwarenessUpdate, encodeAwarenessUpdate, removeAwarenessStates } from 'y-protocols/awareness'
import * as syncProtocol from 'y-protocols/sync'
import type { WebSocket } from 'ws'
import * as Y from 'yjs'
import { CLOSE, MESSAGE, REFUSAL, SYNC_LIMITS, SYNC_SUBTYPE } from '../../shared/sync/protocol'
import { log } from '../log'
import type { SectionAccess } from './access'
import type { DocumentHub } from './hub'
import { type DocPeer, DocumentTooLargeError, type LiveDoc } from './live-doc'
import { MalformedMessageError, encode, readAwarenessUpdate, refusalMessage, storedMessage } from './messages'
import { bringsSomethingNew } from './novelty'

export interface ConnectionContext {
  hub: DocumentHub
  refreshAccess: () => Promise<SectionAccess | null>
  /** Send our "stored" acknowledgements (our own client asks for them; stock clients do not). */
  wantsAcks: boolean
  onClosed: (c: SyncConnection) => void
}

export interface ConnectionIdentity {
  userId: string
  sessionId: string
  sectionId: string
}

/**
 * One client's socket on one section. Messages are handled strictly in order; each write is judged
 * against the connection's access at the moment it arrives (refreshed as soon as rights change).
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

  constructor(
    private readonly ws: WebSocket,
    readonly who: ConnectionIdentity,
    private access: SectionAccess,
    private readonly context: ConnectionContext,
  ) {
    ws.on('pong', () => (this.alive = true))
    this.ping = setInterval(() => {
      if (!this.alive) return this.ws.terminate()
      this.alive = false
      this.ws.ping()
    }, 30_000)
    this.ping.unref()
    ws.on('close', () => this.cleanup())
    ws.on('error', (err) => log.warn('sync socket error', { ...this.who, error: String(err) }))
  }

  get workspaceId() {
    return this.access.workspaceId
  }

  /** Join the document and say hello: sync step 1 and everyone's presence. */
  async start(buffered: Uint8Array[]) {
    this.ws.on('message', (data: Buffer) => this.receive(new Uint8Array(data.buffer, data.byteOffset, data.byteLength)))
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
        const states = this.live.awareness.getStates()
        if (states.size > 0) {
          this.send(
            encode((e) => {
              encoding.writeVarUint(e, MESSAGE.awareness)
              encoding.writeVarUint8Array(e, encodeAwarenessUpdate(this.live!.awareness, [...states.keys()]))
            }),
          )
        }
      })
      .catch((err) => {
        log.error('opening a section failed', { ...this.who, error: String(err) })
        this.close(1011, 'could not open the section')
      })
    for (const m of buffered) this.receive(m)
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

  send(message: Uint8Array) {
    if (this.closed || this.ws.readyState !== this.ws.OPEN) return
    this.ws.send(message, (err) => err && this.close(CLOSE.goingAway, 'send failed'))
  }

  close(code: number, reason: string) {
    if (this.closed) return
    this.ws.close(code, reason)
    this.cleanup()
  }

  private async handle(message: Uint8Array) {
    if (this.accessStale) {
      this.accessStale = false
      const access = await this.context.refreshAccess()
      if (!access?.canRead) {
        log.info('sync access revoked', { ...this.who })
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
        return this.send(
          encode((e) => {
            encoding.writeVarUint(e, MESSAGE.awareness)
            encoding.writeVarUint8Array(
              e,
              encodeAwarenessUpdate(this.live!.awareness, [...this.live!.awareness.getStates().keys()]),
            )
          }),
        )
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
      return this.send(
        encode((e) => {
          encoding.writeVarUint(e, MESSAGE.sync)
          syncProtocol.writeSyncStep2(e, live.doc, stateVector)
        }),
      )
    }
    if (subtype !== SYNC_SUBTYPE.step2 && subtype !== SYNC_SUBTYPE.update)
      throw new MalformedMessageError(`unknown sync message ${subtype}`)
    const update = decoding.readVarUint8Array(decoder)
    const decoded = Y.decodeUpdate(update) // a malformed update closes the connection before it can reach storage
    // What the server has already is accepted as nothing, from anyone: not stored, not refused.
    if (!bringsSomethingNew(live.doc, decoded)) return this.acknowledge(Promise.resolve())
    if (!this.access.canWrite) {
      log.info('sync write refused', { ...this.who, reason: 'read-only' })
      this.send(refusalMessage(REFUSAL.readOnly, this.access.readOnlyReason ?? 'You cannot edit this section.'))
      return this.acknowledge(Promise.resolve())
    }
    this.acknowledge(
      live.write(update, this).then((repaired) => {
        if (repaired) this.send(refusalMessage(REFUSAL.repaired, repaired))
      }),
    )
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
      .catch((err) => {
        if (err instanceof DocumentTooLargeError) {
          log.warn('sync write refused', { ...this.who, reason: 'document too large' })
          this.send(refusalMessage(REFUSAL.documentTooLarge, 'This section has reached its size limit.'))
          return this.close(CLOSE.documentTooLarge, 'document too large')
        }
        // Not stored: close so the client reconnects and sends it again through sync.
        log.error('storing an update failed', { ...this.who, error: String(err) })
        this.close(1011, 'storage failed')
      })
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
          log.warn('awareness refused', { ...this.who, clientId: entry.clientId })
          return
        }
        this.awarenessIds.add(entry.clientId)
      }
    }
    applyAwarenessUpdate(live.awareness, update, this)
  }

  /** Whatever a message makes the decoders throw closes this one connection; nothing was applied. */
  private fail(err: unknown) {
    if (this.closed) return
    log.warn('sync connection closed after a malformed message', { ...this.who, error: String(err) })
    this.close(CLOSE.malformed, 'malformed message')
  }

  private cleanup() {
    if (this.closed) return
    this.closed = true
    clearInterval(this.ping)
    if (this.live) {
      removeAwarenessStates(this.live.awareness, [...this.awarenessIds], this)
      for (const id of this.awarenessIds) this.live.releaseAwareness(id, this)
      this.context.hub.leave(this.who.sectionId, this)
    }
    this.context.onClosed(this)
  }
}

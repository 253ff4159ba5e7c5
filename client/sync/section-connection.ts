import * as decoding from 'lib0/decoding'
import { IndexeddbPersistence } from 'y-indexeddb'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import {
  ACK_PARAM,
  CLOSE,
  CLOSE_REASONS,
  EVENTS_PARAM,
  MESSAGE,
  type PlanEventPayload,
  REFUSAL,
} from '../../shared/sync/protocol'
import { SaveTracker } from './save-tracker'

export interface Presence {
  userId: string
  name: string
  color: string
}

export interface RoomOptions {
  /** Keep the document in IndexedDB so work survives being offline and reloads (section rooms). */
  offline: boolean
  /** Receive the server's plan events (plan rooms). */
  events?: boolean
}

/** Close codes after which reconnecting cannot help: the person must sign in again or lost access. */
const FINAL_CLOSES = new Set<number>([
  CLOSE.unauthenticated,
  CLOSE.forbidden,
  CLOSE.foreignOrigin,
  CLOSE.documentTooLarge,
])

/**
 * One live room (a section, or a plan's presence room): a Y.Doc kept in IndexedDB for offline work, a
 * stock WebsocketProvider that asks for "stored" acknowledgements, and the tracker that turns them
 * into "Saved".
 */
export class RoomConnection {
  readonly doc = new Y.Doc()
  readonly tracker = new SaveTracker()
  readonly provider: WebsocketProvider
  readonly persistence: IndexeddbPersistence | null
  /** Why the server ended the connection for good, in words for the person. */
  finalReason: string | null = null
  /** Whether this person may edit the section (set by the pane that shows it; rooms read in the background may not). */
  private mayWrite = false
  private readonly finalListeners = new Set<() => void>()
  /** What the server said about a write: refused (read-only, too large) or stored and repaired. */
  private readonly noticeListeners = new Set<(notice: { code: string; message: string }) => void>()
  /** Server-made news about the plan (plan rooms opened with `events`): what to refetch. */
  private readonly eventListeners = new Set<(event: PlanEventPayload) => void>()

  constructor(
    readonly room: string,
    me: Presence,
    opts: RoomOptions,
  ) {
    this.persistence = opts.offline ? new IndexeddbPersistence(`planroom:${room}`, this.doc) : null
    const tracker = this.tracker
    // Counts the write messages the provider sends on each socket, to match the server's count.
    class CountingWebSocket extends WebSocket {
      constructor(url: string | URL, protocols?: string | string[]) {
        super(url, protocols)
        this.addEventListener('open', () => tracker.socketOpened())
        this.addEventListener('close', () => tracker.socketClosed())
      }
      override send(data: string | ArrayBufferLike | Blob | ArrayBufferView) {
        if (data instanceof Uint8Array) tracker.messageSent(data)
        super.send(data)
      }
    }
    const origin = window.location.origin.replace(/^http/, 'ws')
    this.provider = new WebsocketProvider(`${origin}/sync`, room, this.doc, {
      params: { [ACK_PARAM]: '1', ...(opts.events ? { [EVENTS_PARAM]: '1' } : {}) },
      WebSocketPolyfill: CountingWebSocket,
      disableBc: true,
      maxBackoffTime: 5000,
      shouldReconnect: (event) => !FINAL_CLOSES.has(event.code),
    })
    this.provider.messageHandlers[MESSAGE.stored] = (_encoder, decoder) =>
      tracker.acknowledged(decoding.readVarUint(decoder))
    this.provider.messageHandlers[MESSAGE.auth] = (_encoder, decoder) => {
      decoding.readVarUint(decoder) // permission-denied sub-type
      const text = decoding.readVarString(decoder)
      const split = text.indexOf(': ')
      const notice = {
        code: split > 0 ? text.slice(0, split) : text,
        message: split > 0 ? text.slice(split + 2) : text,
      }
      // A repaired write was stored (then corrected); only a refusal leaves changes unsaved.
      if (notice.code !== REFUSAL.repaired) tracker.refusedWrite(notice.code)
      for (const l of this.noticeListeners) l(notice)
    }
    this.provider.messageHandlers[MESSAGE.planEvent] = (_encoder, decoder) => {
      const event = JSON.parse(decoding.readVarString(decoder)) as PlanEventPayload
      for (const l of this.eventListeners) l(event)
    }
    this.provider.on('connection-close', (event) => {
      if (event && FINAL_CLOSES.has(event.code)) {
        this.finalReason = CLOSE_REASONS[event.code] ?? 'The connection was closed.'
        for (const l of this.finalListeners) l()
      }
    })
    // Only this person's own changes count as unsaved: what they type, and the copy kept on this device
    // where they may edit (it may hold what they typed offline). Never what arrives from the server, nor
    // the device's copy of a section they may only read: that holds nothing of theirs.
    this.doc.on('update', (_update: Uint8Array, origin: unknown, _doc: Y.Doc, transaction: Y.Transaction) => {
      if (transaction.local || (origin === this.persistence && this.mayWrite)) tracker.localChange()
    })
    this.provider.awareness.setLocalStateField('user', me)
  }

  /** Said by the pane that shows the section: whether this person may edit it now. */
  setMayWrite(may: boolean) {
    this.mayWrite = may
  }

  onFinal(listener: () => void): () => void {
    this.finalListeners.add(listener)
    return () => this.finalListeners.delete(listener)
  }

  onNotice(listener: (notice: { code: string; message: string }) => void): () => void {
    this.noticeListeners.add(listener)
    return () => this.noticeListeners.delete(listener)
  }

  onPlanEvent(listener: (event: PlanEventPayload) => void): () => void {
    this.eventListeners.add(listener)
    return () => this.eventListeners.delete(listener)
  }

  destroy() {
    this.provider.destroy()
    void this.persistence?.destroy()
    this.doc.destroy()
  }
}

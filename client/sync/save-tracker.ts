import { SYNC_SUBTYPE, MESSAGE } from '../../shared/sync/protocol'

/**
 * Knows whether this tab's changes to one section are durably stored on the server.
 *
 * The server acknowledges (message type 7) how many write messages of this socket it has processed.
 * A change is saved once every write message sent on the current socket is acknowledged; changes made
 * while offline (or restored from IndexedDB) reach the server in the sync step 2 sent on reconnect, so
 * they count as saved only once that message is acknowledged too.
 */
export interface SaveState {
  online: boolean
  /** Local changes not yet confirmed stored. */
  unsaved: number
  /** Set when the server refused a write (read-only, size limit). */
  refused: string | null
}

export function isWriteMessage(data: Uint8Array): boolean {
  return data[0] === MESSAGE.sync && (data[1] === SYNC_SUBTYPE.step2 || data[1] === SYNC_SUBTYPE.update)
}

export class SaveTracker {
  private sent = 0
  private processed = 0
  // Online until a socket says otherwise, so a page that is still connecting does not flash "Offline".
  private state: SaveState = { online: true, unsaved: 0, refused: null }
  private readonly listeners = new Set<(s: SaveState) => void>()

  get current(): SaveState {
    return this.state
  }

  subscribe(listener: (s: SaveState) => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  private set(next: Partial<SaveState>) {
    this.state = { ...this.state, ...next }
    for (const l of this.listeners) l(this.state)
  }

  /** A new socket: its counters start again (the server counts per connection). */
  socketOpened() {
    this.sent = 0
    this.processed = 0
    this.set({ online: true })
  }

  socketClosed() {
    this.set({ online: false })
  }

  messageSent(data: Uint8Array) {
    if (isWriteMessage(data)) this.sent++
  }

  localChange() {
    this.set({ unsaved: this.state.unsaved + 1 })
  }

  acknowledged(processed: number) {
    this.processed = processed
    if (this.processed >= this.sent && this.state.unsaved > 0 && !this.state.refused) this.set({ unsaved: 0 })
  }

  refusedWrite(reason: string) {
    this.set({ refused: reason })
  }
}

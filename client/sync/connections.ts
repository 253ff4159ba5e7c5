import { type Presence, RoomConnection, type RoomOptions } from './section-connection'

/**
 * The tab's open rooms. A room that is released while it still has unsaved changes stays connected
 * until the server has stored them, so leaving a section never strands work in IndexedDB.
 */
interface Entry {
  connection: RoomConnection
  users: number
  unsubscribe: () => void
}

const entries = new Map<string, Entry>()
const listeners = new Set<() => void>()
let snapshot: { unsaved: number; online: boolean } = { unsaved: 0, online: true }

function recompute() {
  let unsaved = 0
  let online = navigator.onLine
  for (const { connection } of entries.values()) {
    unsaved += connection.tracker.current.unsaved
    // A room the server closed for good says so in its own pane; it does not make the tab "offline".
    if (!connection.tracker.current.online && !connection.finalReason) online = false
  }
  if (unsaved !== snapshot.unsaved || online !== snapshot.online) {
    snapshot = { unsaved, online }
    for (const l of listeners) l()
  }
  for (const [room, entry] of entries) {
    if (entry.users === 0 && entry.connection.tracker.current.unsaved === 0) close(room, entry)
  }
}

function close(room: string, entry: Entry) {
  entries.delete(room)
  entry.unsubscribe()
  entry.connection.destroy()
}

export function acquireRoom(room: string, me: Presence, opts: RoomOptions): RoomConnection {
  let entry = entries.get(room)
  if (!entry) {
    const connection = new RoomConnection(room, me, opts)
    entry = { connection, users: 0, unsubscribe: connection.tracker.subscribe(recompute) }
    entries.set(room, entry)
  }
  entry.users++
  return entry.connection
}

/** A plan's own room: presence of everyone in the plan, and the server's plan events. */
export const acquirePlanRoom = (planId: string, me: Presence) =>
  acquireRoom(planId, me, { offline: false, events: true })

export function releaseRoom(room: string) {
  const entry = entries.get(room)
  if (!entry) return
  entry.users--
  recompute()
}

/** For useSyncExternalStore: the whole tab's unsaved count and whether every room is connected. */
export const saveSummary = {
  subscribe: (listener: () => void) => {
    listeners.add(listener)
    return () => {
      listeners.delete(listener)
    }
  },
  get: () => snapshot,
}

// When the device says it is offline, say so at once instead of waiting for a socket to time out, and
// come back as soon as it is online again.
window.addEventListener('offline', () => {
  for (const { connection } of entries.values()) connection.provider.disconnect()
  recompute()
})
window.addEventListener('online', () => {
  for (const { connection } of entries.values()) if (!connection.finalReason) connection.provider.connect()
  recompute()
})

// Closing the tab with changes the server has not stored asks for confirmation (docs/product.md#live-editing).
window.addEventListener('beforeunload', (event) => {
  if (snapshot.unsaved > 0) event.preventDefault()
})

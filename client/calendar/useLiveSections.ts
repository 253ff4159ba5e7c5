import { useEffect, useState } from 'react'
import { acquireRoom, releaseRoom } from '../sync/connections'
import type { Presence, RoomConnection } from '../sync/section-connection'

export interface LiveSections {
  /** The open rooms, by section id. */
  rooms: ReadonlyMap<string, RoomConnection>
  /** Changes whenever any of the documents changes (or a room connects or closes): read again. */
  version: number
  /** Every room has synced with the server once (or was closed by it for good). */
  loaded: boolean
}

const EMPTY: ReadonlyMap<string, RoomConnection> = new Map()

/**
 * Keeps the rooms of several sections open for as long as the component is shown (the calendar reads
 * every network and the process; the overview every section), and re-renders on each change of any of
 * them. Changes are batched: a burst of updates (a sync, a paste) costs one read.
 */
export function useLiveSections(sectionIds: readonly string[], me: Presence): LiveSections {
  const key = sectionIds.join(',')
  const [state, setState] = useState<LiveSections>({ rooms: EMPTY, version: 0, loaded: sectionIds.length === 0 })

  useEffect(() => {
    const ids = key ? key.split(',') : []
    const rooms = new Map(ids.map((id) => [id, acquireRoom(id, me, { offline: true })] as const))
    const isLoaded = () => [...rooms.values()].every((r) => r.provider.synced || r.finalReason !== null)
    const publish = () => setState((s) => ({ rooms, version: s.version + 1, loaded: isLoaded() }))
    let timer: ReturnType<typeof setTimeout> | null = null
    // A timer rather than an animation frame: frames stop in hidden tabs, and the calendar of a tab
    // in the background must still be right when it comes back.
    const schedule = () => {
      if (timer === null) timer = setTimeout(() => ((timer = null), publish()), 16)
    }
    const offs: (() => void)[] = []
    for (const room of rooms.values()) {
      room.doc.on('update', schedule)
      room.provider.on('sync', schedule)
      offs.push(
        () => room.doc.off('update', schedule),
        () => room.provider.off('sync', schedule),
        room.onFinal(schedule),
      )
    }
    publish()
    return () => {
      if (timer !== null) clearTimeout(timer)
      for (const off of offs) off()
      // Released a moment later, so that when the list changes (a network added) the rooms that stay
      // are acquired again by the next run before they are let go, instead of reconnecting.
      setTimeout(() => {
        for (const id of ids) releaseRoom(id)
      }, 0)
    }
  }, [key, me])

  return state
}

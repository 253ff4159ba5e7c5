import { useEffect, useMemo, useState } from 'react'
import { useMe } from '../api/auth'
import { acquireRoom, releaseRoom } from './connections'
import type { Presence, RoomConnection } from './section-connection'
import { userColor } from './user-color'

/** The signed-in person as others see them in carets and avatars. */
export function useMyPresence(): Presence | null {
  const me = useMe().data
  return useMemo(() => (me ? { userId: me.id, name: me.name, color: userColor(me.id) } : null), [me])
}

/** A section's live connection for as long as the component shows it (kept longer if unsaved). */
export function useSectionRoom(sectionId: string, me: Presence): RoomConnection | null {
  const [connection, setConnection] = useState<RoomConnection | null>(null)
  useEffect(() => {
    // Acquiring the ref-counted connection is the effect (it must be released on cleanup, so it cannot
    // happen during render); the component shows it from the next render on.
    // eslint-disable-next-line react-hooks/set-state-in-effect -- see above
    setConnection(acquireRoom(sectionId, me, { offline: true }))
    return () => {
      setConnection(null)
      releaseRoom(sectionId)
    }
  }, [sectionId, me])
  return connection
}

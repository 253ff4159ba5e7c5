import { useEffect, useState } from 'react'
import { acquirePlanRoom, releaseRoom } from '../sync/connections'
import type { Presence } from '../sync/section-connection'

export interface PresentPerson extends Presence {
  clientId: number
  /** The section they have open, if any. */
  sectionId: string | null
  isMe: boolean
}

/**
 * Who is in the plan and in which section: everyone joins the plan's presence room (no document, only
 * awareness) and says which section they have open.
 */
export function usePlanPresence(planId: string, me: Presence, sectionId: string | null): PresentPerson[] {
  const [people, setPeople] = useState<PresentPerson[]>([])
  // The person by value: a new object saying the same does not rejoin the room.
  const { userId, name, color } = me

  useEffect(() => {
    const room = acquirePlanRoom(planId, { userId, name, color })
    const { awareness } = room.provider
    const update = () => {
      const list: PresentPerson[] = []
      for (const [clientId, state] of awareness.getStates()) {
        const user = state.user as Presence | undefined
        if (!user?.userId) continue
        list.push({
          ...user,
          clientId,
          sectionId: (state.sectionId as string | null) ?? null,
          isMe: clientId === awareness.clientID,
        })
      }
      setPeople(list)
    }
    awareness.on('change', update)
    update()
    return () => {
      awareness.off('change', update)
      releaseRoom(planId)
    }
  }, [planId, userId, name, color])

  useEffect(() => {
    const room = acquirePlanRoom(planId, { userId, name, color })
    room.provider.awareness.setLocalStateField('sectionId', sectionId)
    return () => releaseRoom(planId)
  }, [planId, sectionId, userId, name, color])

  return people
}

/** One entry per person (a person may have several tabs open). */
export function distinctPeople(people: PresentPerson[]): PresentPerson[] {
  const seen = new Map<string, PresentPerson>()
  for (const p of people) if (!seen.has(p.userId) || p.isMe) seen.set(p.userId, p)
  return [...seen.values()]
}

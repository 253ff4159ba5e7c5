import { useEffect, useEffectEvent } from 'react'
import type { PlanEventPayload } from '../../shared/sync/protocol'
import { acquirePlanRoom, releaseRoom } from './connections'
import type { Presence } from './section-connection'

/**
 * Calls `onEvent` for each piece of server-made news about the plan (a comment, a decision, the health
 * of the plan, an inbox change). Events only say what changed: refetch it over the API.
 */
export function usePlanEvents(planId: string, me: Presence, onEvent: (event: PlanEventPayload) => void) {
  const handle = useEffectEvent(onEvent)
  useEffect(() => {
    const room = acquirePlanRoom(planId, me)
    const off = room.onPlanEvent((event) => handle(event))
    return () => {
      off()
      releaseRoom(planId)
    }
  }, [planId, me])
}

import type { QueryClient, QueryKey } from '@tanstack/react-query'
import { useEffect, useEffectEvent } from 'react'
import type { PlanEventPayload } from '../../shared/sync/protocol'
import { acquirePlanRoom, releaseRoom } from '../sync/connections'
import { useMyPresence } from '../sync/useRoom'

type Kind = PlanEventPayload['kind']

/**
 * Server news about a plan (usePlanEvents, for components that are not handed `me`): calls `onEvent`
 * for events of the given kinds while `planId` is set, and once per kind (without a section or
 * department: "refetch it all") whenever the room is back in sync, since news sent while it was
 * connecting or offline never arrives. The plan room is shared and reference-counted, so every
 * listener rides the one connection the plan page already holds.
 */
export function usePlanNews(planId: string | null, kinds: readonly Kind[], onEvent: (event: PlanEventPayload) => void) {
  const me = useMyPresence()
  const handle = useEffectEvent(onEvent)
  const wanted = kinds.join(',')
  useEffect(() => {
    if (!planId || !me) return
    const accepted = new Set(wanted.split(','))
    const room = acquirePlanRoom(planId, me)
    const off = room.onPlanEvent((event) => {
      if (accepted.has(event.kind)) handle(event)
    })
    // News sent while the room was (re)connecting is lost: once it is in sync again, refetch everything.
    const resync = (synced: boolean) => {
      if (synced) for (const kind of accepted) handle({ kind: kind as Kind })
    }
    room.provider.on('sync', resync)
    return () => {
      off()
      room.provider.off('sync', resync)
      releaseRoom(planId)
    }
  }, [planId, me, wanted])
}

/**
 * Refetch after news. A first load still in flight may have been answered before the change (and
 * TanStack Query would reuse it rather than ask again), so it is cancelled and asked anew.
 */
export async function refetchAfterNews(queryClient: QueryClient, queryKey: QueryKey) {
  await queryClient.cancelQueries({ queryKey })
  await queryClient.invalidateQueries({ queryKey })
}

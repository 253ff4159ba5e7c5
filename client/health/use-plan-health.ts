import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query'
import { useCallback, useEffect, useRef } from 'react'
import type { Plan } from '../../shared/plans/schema'
import { call } from '../api/call'
import { api } from '../api/client'
import { keys } from '../api/keys'
import type { Presence } from '../sync/section-connection'
import { usePlanEvents } from '../sync/usePlanEvents'
import { onPlanDocChange } from './pulse'

/** Under the plan's key, so whatever refreshes the plan refreshes its health too. */
export const healthKey = (planId: string) => [...keys.plan(planId), 'health'] as const

/** After a document change, how long to wait for the server's own news before asking anyway. */
const FALLBACK_MS = 1500

/**
 * The plan health check (`GET /api/plans/:id/health`), kept live: asked again whenever the server
 * says the plan's health may have changed (a stored write to any section, an approval decision), when
 * the plan's sections change, and — as a fallback — a moment after any open section's document
 * changes without the server's news following.
 */
export function usePlanHealth(plan: Plan, me: Presence) {
  const queryClient = useQueryClient()
  const query = useQuery({
    queryKey: healthKey(plan.id),
    queryFn: async () => (await call(api.plans[':id'].health.$get({ param: { id: plan.id } }))).findings,
    placeholderData: keepPreviousData,
    staleTime: 10_000,
  })

  const fallback = useRef<number | undefined>(undefined)
  const refresh = useCallback(() => {
    window.clearTimeout(fallback.current)
    void queryClient.invalidateQueries({ queryKey: healthKey(plan.id), exact: true })
  }, [queryClient, plan.id])

  usePlanEvents(plan.id, me, (event) => {
    if (event.kind === 'health' || event.kind === 'approvals') refresh()
  })

  useEffect(() => {
    const off = onPlanDocChange(plan.id, () => {
      window.clearTimeout(fallback.current)
      fallback.current = window.setTimeout(refresh, FALLBACK_MS)
    })
    return () => {
      off()
      window.clearTimeout(fallback.current)
    }
  }, [plan.id, refresh])

  // Networks added or removed, departments renamed: the plan came back different.
  const shape = plan.sections.map((s) => `${s.id}:${s.title}`).join('|')
  const first = useRef(true)
  useEffect(() => {
    if (first.current) {
      first.current = false
      return
    }
    refresh()
  }, [shape, refresh])

  return query
}

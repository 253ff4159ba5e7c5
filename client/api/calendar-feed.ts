import { useQuery, useQueryClient } from '@tanstack/react-query'
import { call } from './call'
import { api } from './client'
import { useApiMutation } from './mutation'

const feedKey = (planId: string) => ['plan', planId, 'calendar-feed'] as const

export function useCalendarFeedStatus(planId: string, enabled: boolean) {
  return useQuery({
    queryKey: feedKey(planId),
    queryFn: () => call(api.plans[':id']['calendar-feed'].$get({ param: { id: planId } })),
    enabled,
  })
}

export function useCreateCalendarFeed(planId: string) {
  const queryClient = useQueryClient()
  return useApiMutation({
    mutationFn: () => call(api.plans[':id']['calendar-feed'].$post({ param: { id: planId } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: feedKey(planId) }),
  })
}

export function useRevokeCalendarFeed(planId: string) {
  const queryClient = useQueryClient()
  return useApiMutation({
    mutationFn: () => call(api.plans[':id']['calendar-feed'].$delete({ param: { id: planId } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: feedKey(planId) }),
    success: 'Calendar address revoked. Calendars subscribed to it stop updating.',
  })
}

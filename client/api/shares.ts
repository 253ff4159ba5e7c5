import { useQuery, useQueryClient } from '@tanstack/react-query'
import type { ShareScope } from '../../shared/shares/schema'
import { call } from './call'
import { api } from './client'
import { keys } from './keys'
import { useApiMutation } from './mutation'

/** A plan's public links live under the plan's own key and go away with it. */
const sharesKey = (planId: string) => [...keys.plan(planId), 'shares'] as const

export function useShares(planId: string, enabled: boolean) {
  return useQuery({
    queryKey: sharesKey(planId),
    queryFn: async () => (await call(api.plans[':id'].shares.$get({ param: { id: planId } }))).shares,
    enabled,
    refetchOnMount: 'always',
  })
}

export function useCreateShare(planId: string) {
  const queryClient = useQueryClient()
  return useApiMutation({
    mutationFn: (scope: ShareScope) => call(api.plans[':id'].shares.$post({ param: { id: planId }, json: { scope } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: sharesKey(planId) }),
    success: 'Public link created. Copy it now: it is shown only once.',
  })
}

export function useRevokeShare(planId: string) {
  const queryClient = useQueryClient()
  return useApiMutation({
    mutationFn: (shareId: string) =>
      call(api.plans[':id'].shares[':shareId'].$delete({ param: { id: planId, shareId } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: sharesKey(planId) }),
    success: 'Link revoked. It no longer opens anything.',
  })
}

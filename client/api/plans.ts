import { useQuery, useQueryClient } from '@tanstack/react-query'
import { call } from './call'
import { api } from './client'
import { keys } from './keys'
import { useApiMutation } from './mutation'

export function usePlans(workspaceId: string) {
  return useQuery({
    queryKey: keys.plans(workspaceId),
    queryFn: async () => (await call(api.workspaces[':id'].plans.$get({ param: { id: workspaceId } }))).plans,
  })
}

export function usePlan(planId: string) {
  return useQuery({
    queryKey: keys.plan(planId),
    queryFn: () => call(api.plans[':id'].$get({ param: { id: planId } })),
  })
}

export function useCreatePlan(workspaceId: string) {
  const queryClient = useQueryClient()
  return useApiMutation({
    mutationFn: (title: string) =>
      call(api.workspaces[':id'].plans.$post({ param: { id: workspaceId }, json: { title } })),
    onSuccess: (plan) => {
      queryClient.setQueryData(keys.plan(plan.id), plan)
      return queryClient.invalidateQueries({ queryKey: keys.plans(workspaceId) })
    },
    success: (plan) => `${plan.title} created, with every section of the six steps.`,
  })
}

/** A new network gets its own section; the plan comes back with it. */
export function useAddNetwork(planId: string) {
  const queryClient = useQueryClient()
  return useApiMutation({
    mutationFn: (body: { name: string; ownerDepartmentId?: string | null }) =>
      call(api.plans[':id'].networks.$post({ param: { id: planId }, json: body })),
    onSuccess: (plan) => queryClient.setQueryData(keys.plan(planId), plan),
    success: (_plan, body) => `${body.name} added to the plan, with a section of its own.`,
  })
}

export function useRemoveNetwork(planId: string) {
  const queryClient = useQueryClient()
  return useApiMutation({
    mutationFn: (section: { id: string; title: string }) =>
      call(api.sections[':id'].$delete({ param: { id: section.id } })),
    onSuccess: (plan) => queryClient.setQueryData(keys.plan(planId), plan),
    success: (_plan, section) => `${section.title} removed. Its section is archived; adding it again brings it back.`,
  })
}

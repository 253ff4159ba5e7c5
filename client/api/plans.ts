import { useQuery, useQueryClient } from '@tanstack/react-query'
import { call } from './call'
import { api } from './client'
import { keys } from './keys'
import { useApiMutation } from './mutation'

/** The workspace's active plans, or its archived ones. */
export function usePlans(workspaceId: string, archived = false) {
  return useQuery({
    queryKey: [...keys.plans(workspaceId), archived ? 'archived' : 'active'],
    queryFn: async () =>
      (
        await call(
          api.workspaces[':id'].plans.$get({ param: { id: workspaceId }, query: archived ? { archived: 'true' } : {} }),
        )
      ).plans,
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
    mutationFn: (body: { title: string; templateId?: string }) =>
      call(api.workspaces[':id'].plans.$post({ param: { id: workspaceId }, json: body })),
    onSuccess: (plan) => {
      queryClient.setQueryData(keys.plan(plan.id), plan)
      return queryClient.invalidateQueries({ queryKey: keys.plans(workspaceId) })
    },
    success: (plan, body) =>
      body.templateId && body.templateId !== 'blank'
        ? `${plan.title} created from the template: every section is written, ready to adapt.`
        : `${plan.title} created, with every section of the six steps.`,
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

/** Rename, duplicate, archive, unarchive: each changes the plan and the workspace's lists. */
function usePlanChange<T>(
  workspaceId: string,
  run: (body: T) => Promise<{ id: string; title: string }>,
  success: (plan: { title: string }, body: T) => string,
) {
  const queryClient = useQueryClient()
  return useApiMutation({
    mutationFn: run,
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: keys.plans(workspaceId) }),
        queryClient.invalidateQueries({ queryKey: keys.allPlans }),
      ]),
    success,
  })
}

export const useRenamePlan = (workspaceId: string, planId: string) =>
  usePlanChange(
    workspaceId,
    (title: string) => call(api.plans[':id'].$patch({ param: { id: planId }, json: { title } })),
    (plan) => `Renamed to ${plan.title}.`,
  )

export const useDuplicatePlan = (workspaceId: string, planId: string) =>
  usePlanChange(
    workspaceId,
    (title: string) => call(api.plans[':id'].duplicate.$post({ param: { id: planId }, json: { title } })),
    (plan) => `${plan.title} started from this plan: every section copied, approvals back to draft.`,
  )

export const useArchivePlan = (workspaceId: string, planId: string) =>
  usePlanChange(
    workspaceId,
    (archived: boolean) =>
      call(
        archived
          ? api.plans[':id'].archive.$post({ param: { id: planId } })
          : api.plans[':id'].unarchive.$post({ param: { id: planId } }),
      ),
    (plan, archived) => (archived ? `${plan.title} archived: it is read-only now.` : `${plan.title} is active again.`),
  )

export function useDeletePlan(workspaceId: string, planId: string) {
  const queryClient = useQueryClient()
  return useApiMutation({
    // The title is for the message only: the plan is gone once this resolves.
    mutationFn: async (title: string) => {
      await call(api.plans[':id'].$delete({ param: { id: planId } }))
      return title
    },
    onSuccess: () => {
      queryClient.removeQueries({ queryKey: keys.plan(planId) })
      return queryClient.invalidateQueries({ queryKey: keys.plans(workspaceId) })
    },
    success: (title) => `${title} deleted.`,
  })
}

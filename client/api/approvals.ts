import { possessive } from '../../shared/text'
import { useQuery, useQueryClient } from '@tanstack/react-query'
import type { DepartmentApproval } from '../../shared/approvals/schema'
import { call } from './call'
import { api } from './client'
import { useApiMutation } from './mutation'

export const approvalKeys = {
  plan: (planId: string) => ['approvals', planId] as const,
}

/** Where each department's objectives stand in a plan, with what changed since the last decision. */
export function useApprovals(planId: string) {
  return useQuery({
    queryKey: approvalKeys.plan(planId),
    queryFn: async () => (await call(api.plans[':id'].approvals.$get({ param: { id: planId } }))).approvals,
  })
}

function useStoreApproval(planId: string) {
  const queryClient = useQueryClient()
  return (approval: DepartmentApproval) => {
    queryClient.setQueryData<DepartmentApproval[]>(approvalKeys.plan(planId), (list) =>
      list?.map((a) => (a.departmentId === approval.departmentId ? approval : a)),
    )
    return queryClient.invalidateQueries({ queryKey: approvalKeys.plan(planId) })
  }
}

export function useSubmitObjectives(planId: string) {
  const store = useStoreApproval(planId)
  return useApiMutation({
    mutationFn: (departmentId: string) =>
      call(
        api.plans[':id'].departments[':departmentId'].objectives.submit.$post({ param: { id: planId, departmentId } }),
      ),
    onSuccess: store,
    success: (a) => `${possessive(a.departmentName)} objectives are submitted; its lead has been told.`,
  })
}

export interface DecisionInput {
  departmentId: string
  decision: 'approve' | 'request_changes'
  reason?: string
  /** The objectives the lead reviewed: nothing is decided if they changed since. */
  hash?: string
}

export function useDecideObjectives(planId: string) {
  const store = useStoreApproval(planId)
  const queryClient = useQueryClient()
  return useApiMutation({
    mutationFn: ({ departmentId, ...json }: DecisionInput) =>
      call(
        api.plans[':id'].departments[':departmentId'].objectives.decision.$post({
          param: { id: planId, departmentId },
          json,
        }),
      ),
    onSuccess: store,
    // The objectives moved under the lead's eyes: show them what they are now.
    onError: () => queryClient.invalidateQueries({ queryKey: approvalKeys.plan(planId) }),
    success: (a) =>
      a.state === 'approved'
        ? `${possessive(a.departmentName)} objectives are approved.`
        : `Changes requested to ${possessive(a.departmentName)} objectives.`,
  })
}

import { useQuery, useQueryClient } from '@tanstack/react-query'
import type { UpdateMemberBody, Workspace } from '../../shared/workspaces/schema'
import { call } from './call'
import { api } from './client'
import { keys } from './keys'
import { useApiMutation } from './mutation'

export function useWorkspaceList() {
  return useQuery({ queryKey: keys.workspaceList, queryFn: async () => (await call(api.workspaces.$get())).workspaces })
}

export function useWorkspace(workspaceId: string, options: { refetchOnMount?: boolean | 'always' } = {}) {
  return useQuery({
    queryKey: keys.workspace(workspaceId),
    queryFn: () => call(api.workspaces[':id'].$get({ param: { id: workspaceId } })),
    ...options,
  })
}

/**
 * For pages about people and departments: others change them (someone just accepted an invite), so
 * opening the page asks the server again instead of trusting the shell's copy.
 */
export function useRefreshWorkspaceOnOpen(workspaceId: string) {
  useWorkspace(workspaceId, { refetchOnMount: 'always' })
}

/**
 * Every workspace change answers the whole workspace: store it, and refresh what derives from it
 * (names in the switcher; plan sections follow departments, and abilities follow roles).
 */
function useStoreWorkspace() {
  const queryClient = useQueryClient()
  return (workspace: Workspace) => {
    queryClient.setQueryData(keys.workspace(workspace.id), workspace)
    void queryClient.invalidateQueries({ queryKey: keys.workspaceList })
    void queryClient.invalidateQueries({ queryKey: keys.allPlans })
  }
}

export function useCreateWorkspace() {
  const store = useStoreWorkspace()
  return useApiMutation({
    mutationFn: (name: string) => call(api.workspaces.$post({ json: { name } })),
    onSuccess: store,
    success: (ws) => `${ws.name} is ready. Invite your team from Settings.`,
  })
}

export function useRenameWorkspace(workspaceId: string) {
  const store = useStoreWorkspace()
  return useApiMutation({
    mutationFn: (name: string) => call(api.workspaces[':id'].$patch({ param: { id: workspaceId }, json: { name } })),
    onSuccess: store,
    success: (ws) => `Workspace renamed to ${ws.name}.`,
  })
}

export function useAddDepartment(workspaceId: string) {
  const store = useStoreWorkspace()
  return useApiMutation({
    mutationFn: (name: string) =>
      call(api.workspaces[':id'].departments.$post({ param: { id: workspaceId }, json: { name } })),
    onSuccess: store,
    success: (_ws, name) => `${name.trim()} added. Every plan now has objectives for it.`,
  })
}

export function useRenameDepartment(workspaceId: string) {
  const store = useStoreWorkspace()
  return useApiMutation({
    mutationFn: ({ departmentId, name }: { departmentId: string; name: string }) =>
      call(
        api.workspaces[':id'].departments[':departmentId'].$patch({
          param: { id: workspaceId, departmentId },
          json: { name },
        }),
      ),
    onSuccess: store,
    success: (_ws, { name }) => `Department renamed to ${name.trim()}.`,
  })
}

export function useRemoveDepartment(workspaceId: string) {
  const store = useStoreWorkspace()
  return useApiMutation({
    mutationFn: ({ departmentId }: { departmentId: string; name: string }) =>
      call(api.workspaces[':id'].departments[':departmentId'].$delete({ param: { id: workspaceId, departmentId } })),
    onSuccess: store,
    success: (_ws, { name }) => `${name} removed. Its objectives sections are archived.`,
  })
}

export interface MemberChange {
  userId: string
  change: UpdateMemberBody
  /** What the change means, in words, for the confirmation toast. */
  describe: string
}

export function useUpdateMember(workspaceId: string) {
  const store = useStoreWorkspace()
  return useApiMutation({
    mutationFn: ({ userId, change }: MemberChange) =>
      call(api.workspaces[':id'].members[':userId'].$patch({ param: { id: workspaceId, userId }, json: change })),
    onSuccess: store,
    success: (_ws, { describe }) => describe,
  })
}

export interface MemberRemoval {
  userId: string
  /** Leaving (removing yourself) also forgets the workspace here and refreshes the list. */
  leaving: boolean
  describe: string
}

export function useRemoveMember(workspaceId: string) {
  const queryClient = useQueryClient()
  return useApiMutation({
    mutationFn: ({ userId }: MemberRemoval) =>
      call(api.workspaces[':id'].members[':userId'].$delete({ param: { id: workspaceId, userId } })),
    onSuccess: async (_none, { leaving }) => {
      if (!leaving) return queryClient.invalidateQueries({ queryKey: keys.workspace(workspaceId), exact: true })
      queryClient.removeQueries({ queryKey: keys.workspace(workspaceId) })
      await queryClient.refetchQueries({ queryKey: keys.workspaceList })
    },
    success: (_none, { describe }) => describe,
  })
}

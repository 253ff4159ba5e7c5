import { useQuery, useQueryClient } from '@tanstack/react-query'
import type { CreateInviteBody } from '../../shared/workspaces/schema'
import { call } from './call'
import { api } from './client'
import { keys } from './keys'
import { useApiMutation } from './mutation'

export function useInvites(workspaceId: string) {
  return useQuery({
    queryKey: keys.invites(workspaceId),
    queryFn: async () => (await call(api.workspaces[':id'].invites.$get({ param: { id: workspaceId } }))).invites,
    // Statuses change elsewhere (a colleague just used a link): ask again whenever the list is shown.
    refetchOnMount: 'always',
  })
}

export function useCreateInvite(workspaceId: string) {
  const queryClient = useQueryClient()
  return useApiMutation({
    mutationFn: (body: CreateInviteBody) =>
      call(api.workspaces[':id'].invites.$post({ param: { id: workspaceId }, json: body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.invites(workspaceId) }),
    success: 'Invite link created. Copy it and send it to your colleague.',
  })
}

export function useRevokeInvite(workspaceId: string) {
  const queryClient = useQueryClient()
  return useApiMutation({
    mutationFn: (inviteId: string) =>
      call(api.workspaces[':id'].invites[':inviteId'].$delete({ param: { id: workspaceId, inviteId } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.invites(workspaceId) }),
    success: 'Invite revoked. The link no longer works.',
  })
}

/** What an invite link offers; readable without signing in. */
export function useInvitePreview(token: string) {
  return useQuery({
    queryKey: keys.invitePreview(token),
    queryFn: () => call(api.invites[':token'].$get({ param: { token } })),
    // Read once: asked again once it has been accepted (on focus, on a remount) it would only answer 410.
    staleTime: Infinity,
    refetchOnWindowFocus: false,
  })
}

export function useAcceptInvite(token: string) {
  const queryClient = useQueryClient()
  return useApiMutation({
    mutationFn: async () => {
      const joined = await call(api.invites[':token'].accept.$post({ param: { token } }))
      // Joining lands on the plan the team works on now (the newest), or the workspace when it has none.
      const { plans } = await call(api.workspaces[':id'].plans.$get({ param: { id: joined.workspaceId }, query: {} }))
      return {
        ...joined,
        landing: plans[0] ? `/w/${joined.workspaceId}/plans/${plans[0].id}` : `/w/${joined.workspaceId}`,
      }
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.workspaceList }),
    success: 'You joined the workspace.',
    inlineErrors: true, // the invite page shows why joining failed
  })
}

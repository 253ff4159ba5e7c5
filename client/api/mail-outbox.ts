import { useQuery } from '@tanstack/react-query'
import { call } from './call'
import { api } from './client'

export function useMailOutbox(workspaceId: string) {
  return useQuery({
    // Under the workspace's key, so it goes away with the workspace.
    queryKey: ['workspace', workspaceId, 'mail-outbox'],
    queryFn: () => call(api.workspaces[':id']['mail-outbox'].$get({ param: { id: workspaceId } })),
    refetchInterval: 5_000,
  })
}

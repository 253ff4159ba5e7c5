import { useInfiniteQuery, useQuery, useQueryClient } from '@tanstack/react-query'
import { call } from './call'
import { api } from './client'
import { useApiMutation } from './mutation'

export const notificationKeys = {
  all: (workspaceId: string) => ['notifications', workspaceId] as const,
  unread: (workspaceId: string) => ['notifications', workspaceId, 'unread-count'] as const,
  list: (workspaceId: string) => ['notifications', workspaceId, 'list'] as const,
}

/** The caller's unread count; `pollMs` keeps asking when no plan room brings the news. */
export function useUnreadCount(workspaceId: string, pollMs: number | false) {
  return useQuery({
    queryKey: notificationKeys.unread(workspaceId),
    queryFn: async () =>
      (await call(api.workspaces[':id'].notifications['unread-count'].$get({ param: { id: workspaceId } })))
        .unreadCount,
    refetchInterval: pollMs,
    refetchIntervalInBackground: false,
    staleTime: 5_000,
  })
}

const PAGE = 30

export function useNotifications(workspaceId: string, enabled: boolean) {
  return useInfiniteQuery({
    queryKey: notificationKeys.list(workspaceId),
    enabled,
    initialPageParam: null as number | null,
    queryFn: ({ pageParam }) =>
      call(
        api.workspaces[':id'].notifications.$get({
          param: { id: workspaceId },
          query: { limit: String(PAGE), ...(pageParam !== null ? { before: String(pageParam) } : {}) },
        }),
      ),
    getNextPageParam: (last) => last.nextBefore,
    staleTime: 0,
  })
}

export function useMarkRead(workspaceId: string) {
  const queryClient = useQueryClient()
  return useApiMutation({
    mutationFn: (which: { ids: string[] } | { all: true }) =>
      call(api.workspaces[':id'].notifications.read.$post({ param: { id: workspaceId }, json: which })),
    onSuccess: ({ unreadCount }) => {
      queryClient.setQueryData(notificationKeys.unread(workspaceId), unreadCount)
      return queryClient.invalidateQueries({ queryKey: notificationKeys.list(workspaceId) })
    },
  })
}

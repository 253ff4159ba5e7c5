import { useQuery, useQueryClient } from '@tanstack/react-query'
import type { CreateCommentBody, EditCommentBody, Thread } from '../../shared/comments/schema'
import { call } from './call'
import { api } from './client'
import { useApiMutation } from './mutation'

/** Comment threads, per section: a plan event of kind 'comments' names the section to refetch. */
export const commentKeys = {
  all: ['comments'] as const,
  section: (sectionId: string) => ['comments', 'section', sectionId] as const,
}

export function useSectionThreads(sectionId: string) {
  return useQuery({
    queryKey: commentKeys.section(sectionId),
    queryFn: async () => (await call(api.sections[':id'].comments.$get({ param: { id: sectionId } }))).threads,
  })
}

/** Puts the thread the server answered with in the section's list at once (the refetch confirms it). */
function useStoreThread(sectionId: string) {
  const queryClient = useQueryClient()
  return (thread: Thread) => {
    queryClient.setQueryData<Thread[]>(commentKeys.section(sectionId), (threads = []) =>
      threads.some((t) => t.id === thread.id)
        ? threads.map((t) => (t.id === thread.id ? thread : t))
        : [...threads, thread],
    )
    return queryClient.invalidateQueries({ queryKey: commentKeys.section(sectionId) })
  }
}

/** A new thread (with or without an anchor), or a reply when `threadId` is given. */
export function useCreateComment(sectionId: string) {
  const store = useStoreThread(sectionId)
  return useApiMutation({
    mutationFn: (body: CreateCommentBody) =>
      call(api.sections[':id'].comments.$post({ param: { id: sectionId }, json: body })),
    onSuccess: store,
  })
}

export function useEditComment(sectionId: string) {
  const store = useStoreThread(sectionId)
  return useApiMutation({
    mutationFn: ({ commentId, body }: { commentId: string; body: EditCommentBody }) =>
      call(api.comments[':id'].$patch({ param: { id: commentId }, json: body })),
    onSuccess: store,
  })
}

export function useDeleteComment(sectionId: string) {
  const queryClient = useQueryClient()
  return useApiMutation({
    mutationFn: (commentId: string) => call(api.comments[':id'].$delete({ param: { id: commentId } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: commentKeys.section(sectionId) }),
    success: 'Comment deleted.',
  })
}

export function useResolveThread(sectionId: string) {
  const store = useStoreThread(sectionId)
  return useApiMutation({
    mutationFn: ({ threadId, resolved }: { threadId: string; resolved: boolean }) =>
      call(
        resolved
          ? api.threads[':id'].resolve.$post({ param: { id: threadId } })
          : api.threads[':id'].reopen.$post({ param: { id: threadId } }),
      ),
    onSuccess: store,
    success: (_thread, { resolved }) => (resolved ? 'Thread resolved.' : 'Thread reopened.'),
  })
}

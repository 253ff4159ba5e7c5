import { useQuery, useQueryClient } from '@tanstack/react-query'
import { call } from './call'
import { api } from './client'
import { useApiMutation } from './mutation'

const reviewKey = (token: string) => ['review-link', token] as const

/** What a review link opens (404 once revoked or expired). */
export function useReviewLink(token: string) {
  return useQuery({
    queryKey: reviewKey(token),
    queryFn: () => call(api.review[':token'].$get({ param: { token } })),
    retry: false,
  })
}

/** Joining signs the browser in as the guest: whatever was cached for someone else goes. */
export function useJoinReview(token: string) {
  const queryClient = useQueryClient()
  return useApiMutation({
    mutationFn: (name: string) => call(api.review[':token'].join.$post({ param: { token }, json: { name } })),
    onSuccess: () => queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== reviewKey(token)[0] }),
    inlineErrors: true,
  })
}

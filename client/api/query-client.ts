import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query'
import { ApiError, isApiError } from './errors'
import { keys } from './keys'

/**
 * One place decides what a 401 means: the session is gone. Forgetting the signed-in user makes the
 * auth guard send the person to sign in, with the page they were on to come back to.
 */
function onUnauthenticated(error: unknown) {
  if (isApiError(error, 'unauthenticated')) queryClient.setQueryData(keys.me, null)
}

export const queryClient = new QueryClient({
  queryCache: new QueryCache({ onError: onUnauthenticated }),
  mutationCache: new MutationCache({ onError: onUnauthenticated }),
  defaultOptions: {
    queries: {
      staleTime: 15_000,
      // A 4xx will not change by asking again; network hiccups and 5xx might.
      retry: (failures, error) => !(error instanceof ApiError && error.status < 500) && failures < 2,
    },
  },
})

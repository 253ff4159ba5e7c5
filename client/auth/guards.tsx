import type { ReactNode } from 'react'
import { Navigate, useLocation } from 'react-router'
import { useMe } from '../api/auth'
import { ErrorState, PageLoader } from '../ui/states'
import { authPath, nextFromSearch } from './next'

/**
 * Pages behind sign-in. When the session is missing or ends (any 401 clears it), the person goes to
 * sign in and comes back to this very page afterwards.
 */
export function RequireAuth({ children }: { children: ReactNode }) {
  const me = useMe()
  const location = useLocation()
  if (me.isPending) return <PageLoader />
  if (me.isError)
    return <ErrorState title="Planroom is out of reach" error={me.error} onRetry={() => void me.refetch()} />
  if (!me.data) return <Navigate to={authPath('/signin', location.pathname + location.search)} replace />
  return children
}

/** Sign-in and sign-up pages: someone already signed in goes straight on. */
export function SignedOutOnly({ children }: { children: ReactNode }) {
  const me = useMe()
  const location = useLocation()
  if (me.isPending) return <PageLoader />
  if (me.data) return <Navigate to={nextFromSearch(location.search)} replace />
  return children
}

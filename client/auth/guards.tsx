import type { ReactNode } from 'react'
import { Redirect } from 'wouter'
import { usePathname, useSearch } from 'wouter/use-browser-location'
import { useMe } from '../api/auth'
import { ErrorState, PageLoader } from '../ui/states'
import { authPath, nextFromSearch } from './next'

/**
 * Pages behind sign-in. When the session is missing or ends (any 401 clears it), the person goes to
 * sign in and comes back to this very page afterwards.
 */
export function RequireAuth({ children }: { children: ReactNode }) {
  const me = useMe()
  const pathname = usePathname()
  const search = useSearch()
  if (me.isPending) return <PageLoader />
  if (me.isError)
    return <ErrorState title="Planroom is out of reach" error={me.error} onRetry={() => void me.refetch()} />
  if (!me.data) return <Redirect to={authPath('/signin', pathname + search)} replace />
  return children
}

/** Sign-in and sign-up pages: someone already signed in goes straight on. */
export function SignedOutOnly({ children }: { children: ReactNode }) {
  const me = useMe()
  const search = useSearch()
  if (me.isPending) return <PageLoader />
  if (me.data) return <Redirect to={nextFromSearch(search)} replace />
  return children
}

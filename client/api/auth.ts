import { useQuery, useQueryClient } from '@tanstack/react-query'
import type { LoginBody, SignupBody, User } from '../../shared/auth/schema'
import { call } from './call'
import { api } from './client'
import { keys } from './keys'
import { useApiMutation } from './mutation'

/** The signed-in user, or null when signed out (a 401 here is an answer, not a failure). */
export function useMe() {
  return useQuery({
    queryKey: keys.me,
    // Asks the route that answers 200 signed out too, so sign-in pages log no 401.
    queryFn: async (): Promise<User | null> => (await call(api.auth.session.$get())).user,
    staleTime: 60_000,
  })
}

/** After signing in as someone (else), nothing cached for the previous person may show. */
function useStartSession() {
  const queryClient = useQueryClient()
  return (user: User) => {
    // An invite's preview is the same for everyone: dropped, it would be fetched again while the
    // invite is being accepted, and answer 410.
    queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== keys.invitePreview('')[0] })
    queryClient.setQueryData(keys.me, user)
  }
}

// Auth forms show the server's message in place, where the person is looking.
export function useSignUp() {
  const start = useStartSession()
  return useApiMutation({
    mutationFn: (body: SignupBody) => call(api.auth.signup.$post({ json: body })),
    onSuccess: ({ user }) => start(user),
    success: ({ user }) => `Welcome to Planroom, ${user.name}.`,
    inlineErrors: true,
  })
}

export function useSignIn() {
  const start = useStartSession()
  return useApiMutation({
    mutationFn: (body: LoginBody) => call(api.auth.login.$post({ json: body })),
    onSuccess: ({ user }) => start(user),
    success: ({ user }) => `Signed in as ${user.name}.`,
    inlineErrors: true,
  })
}

export function useSignOut() {
  const queryClient = useQueryClient()
  return useApiMutation({
    mutationFn: () => call(api.auth.logout.$post()),
    onSuccess: () => {
      queryClient.removeQueries()
      queryClient.setQueryData(keys.me, null)
    },
    success: 'You are signed out.',
  })
}

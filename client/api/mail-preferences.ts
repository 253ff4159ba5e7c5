import { useQuery, useQueryClient } from '@tanstack/react-query'
import type { EmailNotifications } from '../../shared/mail/preferences'
import { call } from './call'
import { api } from './client'
import { keys } from './keys'
import { useApiMutation } from './mutation'

const prefKey = [...keys.me, 'email-notifications'] as const

/** The caller's choice about notification mail (GET /api/auth/me carries it). */
export function useEmailNotifications() {
  return useQuery({
    queryKey: prefKey,
    queryFn: async () => (await call(api.auth.me.$get())).user.emailNotifications,
  })
}

export function useSetEmailNotifications() {
  const queryClient = useQueryClient()
  return useApiMutation({
    mutationFn: (emailNotifications: EmailNotifications) => call(api.auth.me.$patch({ json: { emailNotifications } })),
    onSuccess: ({ user }) => queryClient.setQueryData(prefKey, user.emailNotifications),
    success: ({ user }) =>
      user.emailNotifications === 'off'
        ? 'Notification mail is off.'
        : user.emailNotifications === 'daily'
          ? 'You will get one digest a day.'
          : 'You will get notification mail as things happen.',
  })
}

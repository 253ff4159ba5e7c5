import { call } from './call'
import { api } from './client'
import { useApiMutation } from './mutation'

export function useRequestPasswordReset() {
  return useApiMutation({
    mutationFn: (email: string) => call(api.auth['password-reset'].$post({ json: { email } })),
    inlineErrors: true,
  })
}

export function useResetPassword(token: string) {
  return useApiMutation({
    mutationFn: (password: string) =>
      call(api.auth['password-reset'][':token'].$post({ param: { token }, json: { password } })),
    success: 'Your password is set. Sign in with it.',
    inlineErrors: true,
  })
}

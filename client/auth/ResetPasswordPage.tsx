import { Anchor, Button, PasswordInput, Stack } from '@mantine/core'
import { useLocation, useParams } from 'wouter'
import { PasswordResetBody } from '../../shared/auth/password-reset-schema'
import { useResetPassword } from '../api/password-reset'
import { Link } from '../shell/routing'
import { FormError, useSchemaForm } from '../ui/forms'
import { AuthLayout } from './AuthLayout'

/** The page a reset link opens: a new password, then sign in with it (every old session has ended). */
export function ResetPasswordPage() {
  const { token = '' } = useParams()
  const [, navigate] = useLocation()
  const reset = useResetPassword(token)
  const form = useSchemaForm(PasswordResetBody, { password: '' })
  return (
    <AuthLayout
      title="Choose a new password"
      subtitle="Setting it signs you out on every device."
      footer={
        <Anchor component={Link} to="/forgot-password" fw={600}>
          Ask for a new link
        </Anchor>
      }
    >
      <form
        onSubmit={form.onSubmit((v) =>
          reset.mutateAsync(v.password).then(
            () => navigate('/signin', { replace: true }),
            () => {},
          ),
        )}
      >
        <Stack gap="md">
          <PasswordInput
            label="New password"
            autoComplete="new-password"
            {...form.getInputProps('password')}
            key={form.key('password')}
          />
          <FormError error={reset.error} />
          <Button type="submit" fullWidth size="md" loading={reset.isPending}>
            Set password
          </Button>
        </Stack>
      </form>
    </AuthLayout>
  )
}

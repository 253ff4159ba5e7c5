import { Alert, Anchor, Button, Stack, TextInput } from '@mantine/core'
import { IconMailCheck } from '@tabler/icons-react'
import { PasswordResetRequestBody } from '../../shared/auth/password-reset-schema'
import { useRequestPasswordReset } from '../api/password-reset'
import { Link } from '../shell/routing'
import { FormError, useSchemaForm } from '../ui/forms'
import { AuthLayout } from './AuthLayout'

/** Asks for a reset link; the answer is the same whether or not the address has an account. */
export function ForgotPasswordPage() {
  const request = useRequestPasswordReset()
  const form = useSchemaForm(PasswordResetRequestBody, { email: '' })
  return (
    <AuthLayout
      title="Reset your password"
      subtitle="Enter the address you sign in with. We mail you a link that works once, for one hour."
      footer={
        <Anchor component={Link} to="/signin" fw={600}>
          Back to sign in
        </Anchor>
      }
    >
      {request.isSuccess ? (
        <Alert icon={<IconMailCheck />} color="teal" title="Check your inbox">
          {request.data.message}
        </Alert>
      ) : (
        <form onSubmit={form.onSubmit((v) => request.mutateAsync(v.email).catch(() => {}))}>
          <Stack gap="md">
            <TextInput
              label="Email"
              type="email"
              autoComplete="email"
              placeholder="you@company.com"
              {...form.getInputProps('email')}
              key={form.key('email')}
            />
            <FormError error={request.error} />
            <Button type="submit" fullWidth size="md" loading={request.isPending}>
              Mail me a link
            </Button>
          </Stack>
        </form>
      )}
    </AuthLayout>
  )
}

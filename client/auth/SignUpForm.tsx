import { Button, PasswordInput, Stack, TextInput } from '@mantine/core'
import { SignupBody, type User } from '../../shared/auth/schema'
import { LIMITS } from '../../shared/limits'
import { useSignUp } from '../api/auth'
import { FormError, useSchemaForm } from '../ui/forms'

export function SignUpForm({ onSignedUp }: { onSignedUp: (user: User) => void }) {
  const signUp = useSignUp()
  const form = useSchemaForm(SignupBody, { name: '', email: '', password: '' })

  return (
    <form
      onSubmit={form.onSubmit((values) =>
        signUp.mutateAsync(values).then(
          ({ user }) => onSignedUp(user),
          () => {},
        ),
      )}
    >
      <Stack gap="md">
        <TextInput
          label="Name"
          autoComplete="name"
          placeholder="Olivia Martin"
          {...form.getInputProps('name')}
          key={form.key('name')}
        />
        <TextInput
          label="Work email"
          type="email"
          autoComplete="email"
          placeholder="you@company.com"
          {...form.getInputProps('email')}
          key={form.key('email')}
        />
        <PasswordInput
          label="Password"
          autoComplete="new-password"
          description={`At least ${LIMITS.passwordMin} characters.`}
          {...form.getInputProps('password')}
          key={form.key('password')}
        />
        <FormError error={signUp.error} />
        <Button type="submit" fullWidth size="md" loading={form.submitting}>
          Create account
        </Button>
      </Stack>
    </form>
  )
}

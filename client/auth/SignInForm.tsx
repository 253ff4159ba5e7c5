import { Anchor, Button, Group, PasswordInput, Stack, TextInput } from '@mantine/core'
import { LoginBody, type User } from '../../shared/auth/schema'
import { useSignIn } from '../api/auth'
import { Link } from '../shell/routing'
import { FormError, useSchemaForm } from '../ui/forms'

/** Email and password; the server's answer (wrong password, too many attempts) shows above the button. */
export function SignInForm({ onSignedIn }: { onSignedIn: (user: User) => void }) {
  const signIn = useSignIn()
  const form = useSchemaForm(LoginBody, { email: '', password: '' })

  return (
    <form
      onSubmit={form.onSubmit((values) =>
        signIn.mutateAsync(values).then(
          ({ user }) => onSignedIn(user),
          () => {},
        ),
      )}
    >
      <Stack gap="md">
        <TextInput
          label="Email"
          type="email"
          autoComplete="email"
          placeholder="you@company.com"
          {...form.getInputProps('email')}
          key={form.key('email')}
        />
        <PasswordInput
          label="Password"
          autoComplete="current-password"
          {...form.getInputProps('password')}
          key={form.key('password')}
        />
        <Group justify="flex-end" mt={-8}>
          <Anchor component={Link} to="/forgot-password" size="sm">
            Forgot password?
          </Anchor>
        </Group>
        <FormError error={signIn.error} />
        <Button type="submit" fullWidth size="md" loading={form.submitting}>
          Sign in
        </Button>
      </Stack>
    </form>
  )
}

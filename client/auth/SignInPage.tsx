import { Anchor } from '@mantine/core'
import { useLocation } from 'wouter'
import { useSearch } from 'wouter/use-browser-location'
import { Link } from '../shell/routing'
import { AuthLayout } from './AuthLayout'
import { authPath, nextFromSearch } from './next'
import { SignInForm } from './SignInForm'

export function SignInPage() {
  const [, navigate] = useLocation()
  const next = nextFromSearch(useSearch())
  return (
    <AuthLayout
      title="Sign in to Planroom"
      subtitle="Pick up your team's social media plan where you left it."
      footer={
        <>
          New to Planroom?{' '}
          <Anchor component={Link} to={authPath('/signup', next)} fw={600}>
            Create an account
          </Anchor>
        </>
      }
    >
      <SignInForm onSignedIn={() => navigate(next, { replace: true })} />
    </AuthLayout>
  )
}

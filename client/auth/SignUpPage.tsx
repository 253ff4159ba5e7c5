import { Anchor } from '@mantine/core'
import { useLocation } from 'wouter'
import { useSearch } from 'wouter/use-browser-location'
import { Link } from '../shell/routing'
import { AuthLayout } from './AuthLayout'
import { authPath, nextFromSearch } from './next'
import { SignUpForm } from './SignUpForm'

export function SignUpPage() {
  const [, navigate] = useLocation()
  const next = nextFromSearch(useSearch())
  return (
    <AuthLayout
      title="Create your account"
      subtitle="Write one social media strategy with marketing, customer service and sales."
      footer={
        <>
          Already have an account?{' '}
          <Anchor component={Link} to={authPath('/signin', next)} fw={600}>
            Sign in
          </Anchor>
        </>
      }
    >
      <SignUpForm onSignedUp={() => navigate(next, { replace: true })} />
    </AuthLayout>
  )
}

import { Anchor } from '@mantine/core'
import { Link, useLocation, useNavigate } from 'react-router'
import { AuthLayout } from './AuthLayout'
import { authPath, nextFromSearch } from './next'
import { SignInForm } from './SignInForm'

export function SignInPage() {
  const navigate = useNavigate()
  const next = nextFromSearch(useLocation().search)
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
      <SignInForm onSignedIn={() => void navigate(next, { replace: true })} />
    </AuthLayout>
  )
}

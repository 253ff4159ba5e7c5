import { Anchor } from '@mantine/core'
import { Link, useLocation, useNavigate } from 'react-router'
import { AuthLayout } from './AuthLayout'
import { authPath, nextFromSearch } from './next'
import { SignUpForm } from './SignUpForm'

export function SignUpPage() {
  const navigate = useNavigate()
  const next = nextFromSearch(useLocation().search)
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
      <SignUpForm onSignedUp={() => void navigate(next, { replace: true })} />
    </AuthLayout>
  )
}

import { Button } from '@mantine/core'
import { Link, useRouteError } from 'react-router'
import { AuthLayout } from '../auth/AuthLayout'

export function NotFoundPage() {
  return (
    <AuthLayout title="Page not found" subtitle="This address does not lead anywhere in Planroom.">
      <Button component={Link} to="/" fullWidth>
        Go to your workspaces
      </Button>
    </AuthLayout>
  )
}

/** A rendering failure: say so plainly and offer a reload, rather than a blank page. */
export function CrashPage() {
  const error = useRouteError()
  console.error(error)
  return (
    <AuthLayout
      title="Something went wrong"
      subtitle="This page failed to show. Reloading usually fixes it; nothing you saved is lost."
    >
      <Button fullWidth onClick={() => window.location.reload()}>
        Reload the page
      </Button>
    </AuthLayout>
  )
}

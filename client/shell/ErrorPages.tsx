import { Button } from '@mantine/core'
import { Component, type ReactNode } from 'react'
import { AuthLayout } from '../auth/AuthLayout'
import { Link } from './routing'

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
function CrashPage() {
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

/**
 * Catches what any page throws while rendering, a page's chunk that failed to load included (a tab left
 * open across a deploy), and shows the crash page instead of a blank screen.
 */
export class CrashBoundary extends Component<{ children: ReactNode }, { failed: boolean }> {
  state = { failed: false }

  static getDerivedStateFromError() {
    return { failed: true }
  }

  componentDidCatch(error: unknown) {
    console.error(error)
  }

  render() {
    return this.state.failed ? <CrashPage /> : this.props.children
  }
}

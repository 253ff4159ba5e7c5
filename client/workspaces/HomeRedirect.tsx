import { Redirect } from 'wouter'
import { useWorkspaceList } from '../api/workspaces'
import { ErrorState, PageLoader } from '../ui/states'
import { lastWorkspace } from './last-workspace'
import { OnboardingPage } from './OnboardingPage'

/** "/": the workspace opened last (or the first one); onboarding when there is none. */
export function HomeRedirect() {
  const list = useWorkspaceList()
  if (list.isPending) return <PageLoader />
  if (list.isError)
    return (
      <ErrorState title="Your workspaces could not be loaded" error={list.error} onRetry={() => void list.refetch()} />
    )
  if (list.data.length === 0) return <OnboardingPage />
  const last = lastWorkspace()
  const target = list.data.find((w) => w.id === last) ?? list.data[0]!
  return <Redirect to={`/w/${target.id}`} replace />
}

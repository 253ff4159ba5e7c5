import { AppShell, Button } from '@mantine/core'
import { useDisclosure } from '@mantine/hooks'
import { type ReactNode, useEffect, useMemo } from 'react'
import { useLocation, useParams, useRoute } from 'wouter'
import { useWorkspace } from '../api/workspaces'
import { SkipToEditor } from '../plans/SkipToEditor'
import { ErrorState, PageLoader } from '../ui/states'
import { lazyWhenOpened } from '../ui/lazy-when-opened'
import { CurrentWorkspaceContext } from '../workspaces/current'
import { rememberWorkspace } from '../workspaces/last-workspace'
import { AppHeader } from './AppHeader'
import { Sidebar } from './Sidebar'
import { Link } from './routing'

const NewPlanModal = lazyWhenOpened(() => import('../plans/NewPlanModal').then((m) => m.NewPlanModal))

/** Every page inside a workspace: header, sidebar (a drawer on phones) and the page itself. */
export function WorkspaceLayout({ children }: { children: ReactNode }) {
  const { workspaceId = '' } = useParams()
  const workspace = useWorkspace(workspaceId)
  const [navOpened, nav] = useDisclosure(false)
  const [newPlanOpened, newPlan] = useDisclosure(false)
  const [pathname] = useLocation()
  const [onPlan] = useRoute('/w/:workspaceId/plans/:planId')

  // On phones the sidebar is an overlay: close it once the person has picked where to go.
  const closeNav = nav.close
  useEffect(() => closeNav(), [pathname, closeNav])
  useEffect(() => {
    if (workspace.data) rememberWorkspace(workspace.data.id)
  }, [workspace.data])

  const current = useMemo(
    () => (workspace.data ? { workspace: workspace.data, openNewPlan: newPlan.open } : null),
    [workspace.data, newPlan.open],
  )

  return (
    <AppShell
      header={{ height: 60 }}
      navbar={{ width: 280, breakpoint: 'sm', collapsed: { mobile: !navOpened, desktop: !current } }}
      padding={{ base: 'md', sm: 'xl' }}
    >
      {onPlan && <SkipToEditor />}
      <AppHeader workspace={workspace.data} navOpened={navOpened} onToggleNav={nav.toggle} />
      {current ? (
        <CurrentWorkspaceContext.Provider value={current}>
          <Sidebar />
          <AppShell.Main id="main">
            <div style={{ maxWidth: 1120, margin: '0 auto' }}>{children}</div>
          </AppShell.Main>
          <NewPlanModal opened={newPlanOpened} onClose={newPlan.close} />
        </CurrentWorkspaceContext.Provider>
      ) : (
        <AppShell.Main id="main">
          {workspace.isError ? (
            <ErrorState
              title="This workspace is not available"
              error={workspace.error}
              action={
                <Button component={Link} to="/" variant="default">
                  Go to your workspaces
                </Button>
              }
            />
          ) : (
            <PageLoader label="Opening the workspace…" />
          )}
        </AppShell.Main>
      )}
    </AppShell>
  )
}

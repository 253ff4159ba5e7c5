import { MantineProvider } from '@mantine/core'
import { QueryClientProvider } from '@tanstack/react-query'
import { type ComponentType, type ReactNode, Suspense, lazy } from 'react'
import { Redirect, Route, Switch } from 'wouter'
import { queryClient } from './api/query-client'
import { RequireAuth, SignedOutOnly } from './auth/guards'
import { SignInPage } from './auth/SignInPage'
import { SignUpPage } from './auth/SignUpPage'
import { CrashBoundary, NotFoundPage } from './shell/ErrorPages'
import { cssVariablesResolver, theme } from './shell/theme'
import { NotificationsHost } from './ui/NotificationsHost'
import { PageLoader } from './ui/states'

// Signing in is the first page most visits see, so it ships in the entry chunk; every other page is a chunk
// of its own, fetched when first navigated to (docs/bundle.md lists what each page downloads).
const page = (load: () => Promise<ComponentType>) => {
  const Page = lazy(async () => ({ default: await load() }))
  return (
    <Suspense fallback={<PageLoader />}>
      <Page />
    </Suspense>
  )
}
const signedIn = (children: ReactNode) => <RequireAuth>{children}</RequireAuth>

const HomeRedirect = async () => (await import('./workspaces/HomeRedirect')).HomeRedirect
const WorkspaceLayout = lazy(async () => ({ default: (await import('./shell/WorkspaceLayout')).WorkspaceLayout }))

// A workspace's pages are routes of their own, each inside the layout, so that an address under /w/ that is
// none of them is the plain not-found page. The layout sits at the same place in every one of them, so
// React keeps it (sidebar, header, loaded workspace) when moving between pages and swaps only the page.
const inWorkspace = (child: ReactNode) =>
  signedIn(
    <Suspense fallback={<PageLoader />}>
      <WorkspaceLayout>{child}</WorkspaceLayout>
    </Suspense>,
  )

/** The key of every route inside the workspace layout (see the Switch below). */
const IN_LAYOUT = 'in-workspace-layout'

/** A workspace's pages: their addresses under /w/:workspaceId and their code. */
const WORKSPACE_PAGES: [string, () => Promise<ComponentType>][] = [
  ['', async () => (await import('./plans/WorkspaceHome')).WorkspaceHome],
  ['/plans/:planId', async () => (await import('./plans/PlanPage')).PlanPage],
  ['/settings/general', async () => (await import('./workspaces/settings/GeneralSettings')).GeneralSettings],
  [
    '/settings/departments',
    async () => (await import('./workspaces/settings/DepartmentsSettings')).DepartmentsSettings,
  ],
  ['/settings/members', async () => (await import('./members/MembersPage')).MembersPage],
  ['/settings/invites', async () => (await import('./invites/InvitesPage')).InvitesPage],
  ['/settings/mail-outbox', async () => (await import('./mail/MailOutboxPage')).MailOutboxPage],
  [
    '/settings/notification-mail',
    async () => (await import('./mail/NotificationMailSettings')).NotificationMailSettings,
  ],
]

// Built once: each page's lazy component must be the same one at every render, or it would load again.
const routes = (
  <Switch>
    <Route path="/signin">
      <SignedOutOnly>
        <SignInPage />
      </SignedOutOnly>
    </Route>
    <Route path="/signup">
      <SignedOutOnly>
        <SignUpPage />
      </SignedOutOnly>
    </Route>
    <Route path="/forgot-password">
      {page(async () => (await import('./auth/ForgotPasswordPage')).ForgotPasswordPage)}
    </Route>
    <Route path="/reset-password/:token">
      {page(async () => (await import('./auth/ResetPasswordPage')).ResetPasswordPage)}
    </Route>
    {/* Public: the page itself offers sign-up and sign-in before joining. */}
    <Route path="/invite/:token">
      {page(async () => (await import('./invites/InviteLandingPage')).InviteLandingPage)}
    </Route>
    {/* Public: an outside reviewer gives a name and joins as a guest of the one plan (docs/suggestions.md). */}
    <Route path="/review/:token">{page(async () => (await import('./review-links/ReviewPage')).ReviewPage)}</Route>
    <Route path="/">{signedIn(page(HomeRedirect))}</Route>
    {/* One key for them all: Switch renders only the route that matches, and the same key and type there
        is what lets React keep the layout from one page to the next. */}
    {WORKSPACE_PAGES.map(([path, load]) => (
      <Route key={IN_LAYOUT} path={`/w/:workspaceId${path}`}>
        {inWorkspace(page(load))}
      </Route>
    ))}
    <Route key={IN_LAYOUT} path="/w/:workspaceId/settings">
      {({ workspaceId }) => inWorkspace(<Redirect to={`/w/${workspaceId}/settings/general`} replace />)}
    </Route>
    <Route>
      <NotFoundPage />
    </Route>
  </Switch>
)

export function App() {
  return (
    <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} defaultColorScheme="light">
      <NotificationsHost />
      <QueryClientProvider client={queryClient}>
        <CrashBoundary>{routes}</CrashBoundary>
      </QueryClientProvider>
    </MantineProvider>
  )
}

import { MantineProvider } from '@mantine/core'
import { QueryClientProvider } from '@tanstack/react-query'
import { type ComponentType, type ReactNode, Suspense, lazy } from 'react'
import { BrowserRouter, Navigate, Route, Routes } from 'react-router'
import { queryClient } from './api/query-client'
import { RequireAuth, SignedOutOnly } from './auth/guards'
import { SignInPage } from './auth/SignInPage'
import { SignUpPage } from './auth/SignUpPage'
import { CrashBoundary, NotFoundPage } from './shell/ErrorPages'
import { cssVariablesResolver, theme } from './shell/theme'
import { NotificationsHost } from './ui/NotificationsHost'
import { PageLoader } from './ui/states'

// Signing in is the first page most visits see, so it ships in the entry chunk; every other page is a chunk
// of its own, fetched when first navigated to (docs/bundle.md lists what each page downloads). The router
// is react-router's declarative mode: its data mode (loaders, actions) would add ~15 KB to every page.
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
const WorkspaceLayout = async () => (await import('./shell/WorkspaceLayout')).WorkspaceLayout

// Built once: each page's lazy component must be the same one at every render, or it would load again.
const routes = (
  <Routes>
    <Route
      path="/signin"
      element={
        <SignedOutOnly>
          <SignInPage />
        </SignedOutOnly>
      }
    />
    <Route
      path="/signup"
      element={
        <SignedOutOnly>
          <SignUpPage />
        </SignedOutOnly>
      }
    />
    <Route
      path="/forgot-password"
      element={page(async () => (await import('./auth/ForgotPasswordPage')).ForgotPasswordPage)}
    />
    <Route
      path="/reset-password/:token"
      element={page(async () => (await import('./auth/ResetPasswordPage')).ResetPasswordPage)}
    />
    {/* Public: the page itself offers sign-up and sign-in before joining. */}
    <Route
      path="/invite/:token"
      element={page(async () => (await import('./invites/InviteLandingPage')).InviteLandingPage)}
    />
    {/* Public: an outside reviewer gives a name and joins as a guest of the one plan (docs/suggestions.md). */}
    <Route path="/review/:token" element={page(async () => (await import('./review-links/ReviewPage')).ReviewPage)} />
    <Route path="/" element={signedIn(page(HomeRedirect))} />
    <Route path="/w/:workspaceId" element={signedIn(page(WorkspaceLayout))}>
      <Route index element={page(async () => (await import('./plans/WorkspaceHome')).WorkspaceHome)} />
      <Route path="plans/:planId" element={page(async () => (await import('./plans/PlanPage')).PlanPage)} />
      <Route path="settings" element={<Navigate to="general" replace />} />
      <Route
        path="settings/general"
        element={page(async () => (await import('./workspaces/settings/GeneralSettings')).GeneralSettings)}
      />
      <Route
        path="settings/departments"
        element={page(async () => (await import('./workspaces/settings/DepartmentsSettings')).DepartmentsSettings)}
      />
      <Route path="settings/members" element={page(async () => (await import('./members/MembersPage')).MembersPage)} />
      <Route path="settings/invites" element={page(async () => (await import('./invites/InvitesPage')).InvitesPage)} />
      <Route
        path="settings/mail-outbox"
        element={page(async () => (await import('./mail/MailOutboxPage')).MailOutboxPage)}
      />
      <Route
        path="settings/notification-mail"
        element={page(async () => (await import('./mail/NotificationMailSettings')).NotificationMailSettings)}
      />
    </Route>
    <Route path="*" element={<NotFoundPage />} />
  </Routes>
)

export function App() {
  return (
    <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} defaultColorScheme="light">
      <NotificationsHost />
      <QueryClientProvider client={queryClient}>
        <BrowserRouter>
          <CrashBoundary>{routes}</CrashBoundary>
        </BrowserRouter>
      </QueryClientProvider>
    </MantineProvider>
  )
}

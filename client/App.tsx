import { MantineProvider } from '@mantine/core'
import { Notifications } from '@mantine/notifications'
import { QueryClientProvider } from '@tanstack/react-query'
import type { ComponentType } from 'react'
import { Navigate, Outlet, RouterProvider, createBrowserRouter } from 'react-router'
import { queryClient } from './api/query-client'
import { RequireAuth, SignedOutOnly } from './auth/guards'
import { SignInPage } from './auth/SignInPage'
import { SignUpPage } from './auth/SignUpPage'
import { CrashPage, NotFoundPage } from './shell/ErrorPages'
import { theme } from './shell/theme'

// Signing in is the first page most visits see, so it ships in the entry chunk; every other page is a chunk
// of its own, fetched when first navigated to (docs/bundle.md lists what each page downloads).
const page = (load: () => Promise<ComponentType>) => ({ lazy: async () => ({ Component: await load() }) })

const router = createBrowserRouter([
  {
    element: <Outlet />,
    errorElement: <CrashPage />,
    children: [
      {
        path: '/signin',
        element: (
          <SignedOutOnly>
            <SignInPage />
          </SignedOutOnly>
        ),
      },
      {
        path: '/signup',
        element: (
          <SignedOutOnly>
            <SignUpPage />
          </SignedOutOnly>
        ),
      },
      { path: '/forgot-password', ...page(async () => (await import('./auth/ForgotPasswordPage')).ForgotPasswordPage) },
      {
        path: '/reset-password/:token',
        ...page(async () => (await import('./auth/ResetPasswordPage')).ResetPasswordPage),
      },
      // Public: the page itself offers sign-up and sign-in before joining.
      { path: '/invite/:token', ...page(async () => (await import('./invites/InviteLandingPage')).InviteLandingPage) },
      // Public: an outside reviewer gives a name and joins as a guest of the one plan (docs/suggestions.md).
      { path: '/review/:token', ...page(async () => (await import('./review-links/ReviewPage')).ReviewPage) },
      {
        path: '/',
        lazy: async () => {
          const { HomeRedirect } = await import('./workspaces/HomeRedirect')
          return {
            element: (
              <RequireAuth>
                <HomeRedirect />
              </RequireAuth>
            ),
          }
        },
      },
      {
        path: '/w/:workspaceId',
        lazy: async () => {
          const { WorkspaceLayout } = await import('./shell/WorkspaceLayout')
          return {
            element: (
              <RequireAuth>
                <WorkspaceLayout />
              </RequireAuth>
            ),
          }
        },
        children: [
          { index: true, ...page(async () => (await import('./plans/WorkspaceHome')).WorkspaceHome) },
          { path: 'plans/:planId', ...page(async () => (await import('./plans/PlanPage')).PlanPage) },
          { path: 'settings', element: <Navigate to="general" replace /> },
          {
            path: 'settings/general',
            ...page(async () => (await import('./workspaces/settings/GeneralSettings')).GeneralSettings),
          },
          {
            path: 'settings/departments',
            ...page(async () => (await import('./workspaces/settings/DepartmentsSettings')).DepartmentsSettings),
          },
          { path: 'settings/members', ...page(async () => (await import('./members/MembersPage')).MembersPage) },
          { path: 'settings/invites', ...page(async () => (await import('./invites/InvitesPage')).InvitesPage) },
          { path: 'settings/mail-outbox', ...page(async () => (await import('./mail/MailOutboxPage')).MailOutboxPage) },
          {
            path: 'settings/notification-mail',
            ...page(async () => (await import('./mail/NotificationMailSettings')).NotificationMailSettings),
          },
        ],
      },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
])

export function App() {
  return (
    <MantineProvider theme={theme} defaultColorScheme="light">
      <Notifications position="bottom-right" limit={3} zIndex={1000} />
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </MantineProvider>
  )
}

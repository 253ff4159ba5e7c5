import { MantineProvider } from '@mantine/core'
import { Notifications } from '@mantine/notifications'
import { QueryClientProvider } from '@tanstack/react-query'
import { Navigate, Outlet, RouterProvider, createBrowserRouter } from 'react-router'
import { queryClient } from './api/query-client'
import { RequireAuth, SignedOutOnly } from './auth/guards'
import { ForgotPasswordPage } from './auth/ForgotPasswordPage'
import { ResetPasswordPage } from './auth/ResetPasswordPage'
import { SignInPage } from './auth/SignInPage'
import { SignUpPage } from './auth/SignUpPage'
import { InviteLandingPage } from './invites/InviteLandingPage'
import { InvitesPage } from './invites/InvitesPage'
import { MailOutboxPage } from './mail/MailOutboxPage'
import { NotificationMailSettings } from './mail/NotificationMailSettings'
import { MembersPage } from './members/MembersPage'
import { PlanPage } from './plans/PlanPage'
import { WorkspaceHome } from './plans/WorkspaceHome'
import { CrashPage, NotFoundPage } from './shell/ErrorPages'
import { theme } from './shell/theme'
import { WorkspaceLayout } from './shell/WorkspaceLayout'
import { HomeRedirect } from './workspaces/HomeRedirect'
import { DepartmentsSettings } from './workspaces/settings/DepartmentsSettings'
import { GeneralSettings } from './workspaces/settings/GeneralSettings'

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
      { path: '/forgot-password', element: <ForgotPasswordPage /> },
      { path: '/reset-password/:token', element: <ResetPasswordPage /> },
      // Public: the page itself offers sign-up and sign-in before joining.
      { path: '/invite/:token', element: <InviteLandingPage /> },
      {
        path: '/',
        element: (
          <RequireAuth>
            <HomeRedirect />
          </RequireAuth>
        ),
      },
      {
        path: '/w/:workspaceId',
        element: (
          <RequireAuth>
            <WorkspaceLayout />
          </RequireAuth>
        ),
        children: [
          { index: true, element: <WorkspaceHome /> },
          { path: 'plans/:planId', element: <PlanPage /> },
          { path: 'settings', element: <Navigate to="general" replace /> },
          { path: 'settings/general', element: <GeneralSettings /> },
          { path: 'settings/departments', element: <DepartmentsSettings /> },
          { path: 'settings/members', element: <MembersPage /> },
          { path: 'settings/invites', element: <InvitesPage /> },
          { path: 'settings/mail-outbox', element: <MailOutboxPage /> },
          { path: 'settings/notification-mail', element: <NotificationMailSettings /> },
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

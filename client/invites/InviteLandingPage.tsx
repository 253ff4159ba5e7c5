import { Anchor, Button, Paper, SegmentedControl, Stack, Text } from '@mantine/core'
import { useDocumentTitle } from '@mantine/hooks'
import { IconArrowRight } from '@tabler/icons-react'
import { useState } from 'react'
import { useLocation, useParams } from 'wouter'
import { ROLE_LABELS } from '../../shared/workspaces/roles'
import type { InvitePreview } from '../../shared/workspaces/schema'
import { useMe, useSignOut } from '../api/auth'
import { ApiError } from '../api/errors'
import { useAcceptInvite, useInvitePreview } from '../api/invites'
import { AuthLayout } from '../auth/AuthLayout'
import { SignInForm } from '../auth/SignInForm'
import { SignUpForm } from '../auth/SignUpForm'
import { Link } from '../shell/routing'
import { formatDate } from '../ui/format'
import { FormError } from '../ui/forms'
import { PageLoader } from '../ui/states'

/** "Olivia invited you to join Acme as Editor (Marketing)" */
export function inviteSentence(invite: InvitePreview): string {
  const departments = invite.departments.length ? ` (${invite.departments.join(', ')})` : ''
  return `${invite.invitedBy} invited you to join ${invite.workspaceName} as ${ROLE_LABELS[invite.role]}${departments}`
}

/** Why a link does not work: 410 says used, revoked or expired in the server's words. */
function InviteUnavailable({ error }: { error: unknown }) {
  const gone = error instanceof ApiError && error.status === 410
  const notFound = error instanceof ApiError && error.status === 404
  return (
    <AuthLayout
      title={
        gone
          ? 'This invite can no longer be used'
          : notFound
            ? 'This invite link is not valid'
            : 'This invite could not be opened'
      }
      footer={
        <Anchor component={Link} to="/" fw={600}>
          Go to Planroom
        </Anchor>
      }
    >
      <Text c="dimmed">
        {notFound
          ? 'Check that you opened the whole link, or ask the person who invited you for a new one.'
          : error instanceof Error
            ? error.message
            : 'Try again in a moment.'}
      </Text>
    </AuthLayout>
  )
}

export function InviteLandingPage() {
  const { token = '' } = useParams()
  // A malformed token cannot be an invite; do not ask the server about it.
  const wellFormed = /^[a-z0-9]{20,128}$/.test(token)
  const preview = useInvitePreview(wellFormed ? token : 'x'.repeat(20))
  const me = useMe()
  const accept = useAcceptInvite(token)
  const signOut = useSignOut()
  const [, navigate] = useLocation()
  const [mode, setMode] = useState<'signup' | 'signin'>('signup')
  useDocumentTitle(preview.data ? `Join ${preview.data.workspaceName} · Planroom` : 'Invitation · Planroom')

  if (!wellFormed) return <InviteUnavailable error={new ApiError(404, 'not_found', 'The invite was not found.')} />
  if (preview.isPending || me.isPending) return <PageLoader />
  if (preview.isError) return <InviteUnavailable error={preview.error} />

  // A refusal shows through `accept.error`; a success opens the plan the invite came from, or the newest.
  const join = () => accept.mutate(undefined, { onSuccess: ({ landing }) => navigate(landing, { replace: true }) })
  const invite = preview.data

  return (
    <AuthLayout
      title={`Join ${invite.workspaceName}`}
      subtitle={`${inviteSentence(invite)}. The link works until ${formatDate(invite.expiresAt)}.`}
    >
      <FormError error={accept.error} />
      {me.data ? (
        <Stack gap="md">
          <Paper withBorder radius="md" p="sm" bg="gray.0">
            <Text size="sm">
              You will join as <b>{me.data.name}</b> ({me.data.email}).
            </Text>
          </Paper>
          <Button
            size="md"
            fullWidth
            onClick={join}
            loading={accept.isPending}
            rightSection={<IconArrowRight size={18} />}
          >
            Join workspace
          </Button>
          <Text size="xs" c="dimmed" ta="center">
            Not you?{' '}
            <Anchor component="button" size="xs" onClick={() => signOut.mutate()}>
              Sign out
            </Anchor>{' '}
            and use another account.
          </Text>
        </Stack>
      ) : (
        <Stack gap="lg">
          <SegmentedControl
            fullWidth
            value={mode}
            onChange={(v) => setMode(v)}
            data={[
              { value: 'signup', label: 'New account' },
              { value: 'signin', label: 'I have an account' },
            ]}
          />
          {mode === 'signup' ? <SignUpForm onSignedUp={join} /> : <SignInForm onSignedIn={join} />}
          <Text size="xs" c="dimmed" ta="center">
            You join {invite.workspaceName} as soon as you are {mode === 'signup' ? 'signed up' : 'signed in'}.
          </Text>
        </Stack>
      )}
    </AuthLayout>
  )
}

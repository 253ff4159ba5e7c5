import { Anchor, Button, Stack, Text, TextInput } from '@mantine/core'
import { useDocumentTitle } from '@mantine/hooks'
import { IconArrowRight } from '@tabler/icons-react'
import { useState } from 'react'
import { useParams } from 'wouter'
import { LIMITS } from '../../shared/limits'
import { useMe } from '../api/auth'
import { useJoinReview, useReviewLink } from '../api/review-links'
import { AuthLayout } from '../auth/AuthLayout'
import { Link } from '../shell/routing'
import { FormError } from '../ui/forms'
import { PageLoader } from '../ui/states'
import { GuestPlan } from './GuestPlan'

/** Which plan this browser joined through a link, so a reload opens it again instead of asking for a name. */
const joinedKey = (token: string) => `planroom:review:${token}`
interface Joined {
  planId: string
  workspaceId: string
}
function readJoined(token: string): Joined | null {
  const raw = sessionStorage.getItem(joinedKey(token))
  return raw ? (JSON.parse(raw) as Joined) : null
}

/** Revoked, expired, mistyped, or the guest was cut off: one clear answer. */
export function ReviewLinkGone() {
  return (
    <AuthLayout title="This review link no longer works">
      <Text c="dimmed" data-testid="review-link-gone">
        It was revoked or has expired. Ask the person who sent it to you for a new one.
      </Text>
    </AuthLayout>
  )
}

/** `/review/:token`: an outside reviewer gives a name, then reads the plan live, comments and suggests. */
export function ReviewPage() {
  const { token = '' } = useParams()
  const info = useReviewLink(token)
  const me = useMe()
  const join = useJoinReview(token)
  const [joined, setJoined] = useState<Joined | null>(() => readJoined(token))
  const [name, setName] = useState('')
  useDocumentTitle(info.data ? `Review ${info.data.planTitle} · Planroom` : 'Review · Planroom')

  if (joined && me.data && info.data) return <GuestPlan {...joined} info={info.data} me={me.data} />
  // A guest whose session ended (the link was revoked) is signed out: the link is gone for them.
  if (info.isError || (joined && me.data === null)) return <ReviewLinkGone />
  if (info.isPending || me.isPending) return <PageLoader />

  const { asMember } = info.data
  if (asMember && me.data) {
    return (
      <AuthLayout
        title={`Review “${info.data.planTitle}”`}
        subtitle={`${info.data.invitedBy} shared this plan for review. You are a member of its workspace, so open it as yourself.`}
      >
        <Button
          component={Link}
          to={`/w/${asMember.workspaceId}/plans/${asMember.planId}`}
          size="md"
          fullWidth
          rightSection={<IconArrowRight size={18} />}
        >
          Open the plan as {me.data.name}
        </Button>
      </AuthLayout>
    )
  }

  const submit = () =>
    join.mutate(name, {
      onSuccess: ({ planId, workspaceId }) => {
        const next = { planId, workspaceId }
        sessionStorage.setItem(joinedKey(token), JSON.stringify(next))
        setJoined(next)
      },
    })
  return (
    <AuthLayout
      title={`Review “${info.data.planTitle}”`}
      subtitle={`${info.data.invitedBy} invited you to read this plan, comment on it and suggest changes. No account needed.`}
      footer={
        <Text size="xs" c="dimmed">
          Have an account? <Anchor href="/signin">Sign in</Anchor> instead.
        </Text>
      }
    >
      <form
        onSubmit={(e) => {
          e.preventDefault()
          submit()
        }}
      >
        <Stack gap="md">
          <FormError error={join.error} />
          {me.data && (
            <Text size="sm" c="dimmed">
              You are signed in as {me.data.name}. Opening the plan as a guest signs you out in this browser.
            </Text>
          )}
          <TextInput
            label="Your name"
            description="Your comments and suggestions show it, marked as a guest."
            placeholder="Sam Rivera"
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            maxLength={LIMITS.nameLength - ' (guest)'.length}
            required
            data-autofocus
          />
          <Button type="submit" size="md" loading={join.isPending} rightSection={<IconArrowRight size={18} />}>
            Open the plan
          </Button>
        </Stack>
      </form>
    </AuthLayout>
  )
}

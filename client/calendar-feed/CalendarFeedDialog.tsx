import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core'
import { SecretLinkInput } from '../ui/SecretLinkInput'
import { useState } from 'react'
import { useCalendarFeedStatus, useCreateCalendarFeed, useRevokeCalendarFeed } from '../api/calendar-feed'
import { formatDateTime } from '../ui/format'

/** "Subscribe in your calendar": the plan's secret .ics address, shown once when made, revocable. */
export function CalendarFeedDialog({
  planId,
  opened,
  onClose: close,
}: {
  planId: string
  opened: boolean
  onClose: () => void
}) {
  const status = useCalendarFeedStatus(planId, opened)
  const create = useCreateCalendarFeed(planId)
  const revoke = useRevokeCalendarFeed(planId)
  const [url, setUrl] = useState<string | null>(null)
  const active = status.data?.active ?? false

  return (
    <Modal opened={opened} onClose={close} title="Subscribe in your calendar" size="lg">
      <Stack gap="md">
        <Text size="sm" c="dimmed">
          Every dated post of the conversational calendars and every deliverable of the timetable, in Google Calendar,
          Outlook or Apple Calendar. Changes show up there as your calendar app refreshes.
        </Text>
        {url ? (
          <SecretLinkInput
            label="Calendar address"
            value={url}
            description="Shown only now. Anyone with this address can read the plan's dates: share it with care."
            copyLabel="Copy calendar address"
            copyHint="Copy address"
          />
        ) : (
          active && (
            <Alert color="brand" variant="light">
              This plan has a calendar address since {formatDateTime(status.data!.createdAt!)}. Its address is shown
              only when it is made: make a new one to see it again (the old one stops working).
            </Alert>
          )
        )}
        <Text size="xs" c="dimmed">
          In Google Calendar: Other calendars → From URL. In Outlook: Add calendar → Subscribe from web. In Apple
          Calendar: File → New Calendar Subscription.
        </Text>
        <Group justify="space-between">
          {active || url ? (
            <Button
              variant="subtle"
              color="red"
              loading={revoke.isPending}
              onClick={() => revoke.mutate(undefined, { onSuccess: () => setUrl(null) })}
            >
              Revoke address
            </Button>
          ) : (
            <span />
          )}
          <Button
            loading={create.isPending}
            onClick={() => create.mutate(undefined, { onSuccess: (r) => setUrl(r.url) })}
          >
            {active || url ? 'Make a new address' : 'Make calendar address'}
          </Button>
        </Group>
      </Stack>
    </Modal>
  )
}

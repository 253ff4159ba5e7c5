import { ActionIcon, Alert, Button, CopyButton, Group, Modal, Stack, Text, TextInput, Tooltip } from '@mantine/core'
import { IconCheck, IconCopy } from '@tabler/icons-react'
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
          <TextInput
            label="Calendar address"
            readOnly
            value={url}
            onFocus={(e) => e.currentTarget.select()}
            description="Shown only now. Anyone with this address can read the plan's dates: share it with care."
            styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)', fontSize: 13 } }}
            rightSection={
              <CopyButton value={url}>
                {({ copied, copy }) => (
                  <Tooltip label={copied ? 'Copied' : 'Copy address'}>
                    <ActionIcon
                      variant={copied ? 'filled' : 'subtle'}
                      color={copied ? 'teal' : 'gray'}
                      onClick={copy}
                      aria-label="Copy calendar address"
                    >
                      {copied ? <IconCheck size={16} /> : <IconCopy size={16} />}
                    </ActionIcon>
                  </Tooltip>
                )}
              </CopyButton>
            }
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

import {
  ActionIcon,
  Anchor,
  Box,
  Button,
  CloseButton,
  Drawer,
  Group,
  Indicator,
  Popover,
  ScrollArea,
  Stack,
  Text,
  ThemeIcon,
  Tooltip,
  UnstyledButton,
} from '@mantine/core'
import { PanelLoader } from '../ui/states'
import { useMediaQuery } from '@mantine/hooks'
import {
  IconAlertTriangle,
  IconAt,
  IconBell,
  IconChecks,
  IconMessage,
  IconMessageCheck,
  IconRotate,
  IconSend,
  IconShieldCheck,
} from '@tabler/icons-react'
import { useQueryClient } from '@tanstack/react-query'
import { type ReactNode, useState } from 'react'
import { useLocation, useRoute } from 'wouter'
import type { NotificationKind } from '../../shared/notifications/schema'
import { errorMessage } from '../api/errors'
import { notificationKeys, useMarkRead, useNotifications, useUnreadCount } from '../api/notifications'
import { refetchAfterNews, usePlanNews } from '../activity/live'
import { formatDateTime, fromNow } from '../ui/format'

type Item = NonNullable<ReturnType<typeof useNotifications>['data']>['pages'][number]['notifications'][number]

/** Without a plan open no room brings inbox news: ask this often. */
const POLL_MS = 30_000

const KINDS: Record<NotificationKind, { icon: ReactNode; color: string; say: (actor: string) => string }> = {
  mention: { icon: <IconAt size={14} />, color: 'brand', say: (a) => `${a} mentioned you` },
  reply: { icon: <IconMessage size={14} />, color: 'brand', say: (a) => `${a} replied in a thread you are in` },
  resolved: { icon: <IconMessageCheck size={14} />, color: 'teal', say: (a) => `${a} resolved a thread you are in` },
  reopened: { icon: <IconRotate size={14} />, color: 'yellow', say: (a) => `${a} reopened a thread you are in` },
  approval_submitted: {
    icon: <IconSend size={14} />,
    color: 'blue',
    say: (a) => `${a} submitted objectives for your approval`,
  },
  approval_decided: {
    icon: <IconShieldCheck size={14} />,
    color: 'teal',
    say: (a) => `${a} decided on objectives you submitted`,
  },
  approval_stale: {
    icon: <IconAlertTriangle size={14} />,
    color: 'red',
    say: () => 'Objectives you lead were edited after approval',
  },
  suggestion: {
    icon: <IconMessage size={14} />,
    color: 'brand',
    say: (a) => `${a} suggested a change to a section you edit`,
  },
}

function linkOf(workspaceId: string, n: Item): string | null {
  if (!n.planId) return null
  const params = new URLSearchParams()
  if (n.sectionId) params.set('section', n.sectionId)
  if (n.threadId) params.set('thread', n.threadId)
  const query = params.toString()
  return `/w/${workspaceId}/plans/${n.planId}${query ? `?${query}` : ''}`
}

function NotificationRow({ item, onOpen }: { item: Item; onOpen: (item: Item) => void }) {
  const kind = KINDS[item.kind]
  const unread = item.readAt === null
  return (
    <UnstyledButton
      onClick={() => onOpen(item)}
      px="md"
      py="sm"
      data-testid="notification"
      data-unread={unread || undefined}
      style={{
        display: 'block',
        width: '100%',
        background: unread ? 'var(--mantine-color-brand-0)' : undefined,
        borderBottom: '1px solid var(--mantine-color-gray-2)',
      }}
    >
      <Group gap="sm" align="flex-start" wrap="nowrap">
        <ThemeIcon size={28} radius="xl" variant="light" color={kind.color} style={{ flexShrink: 0 }}>
          {kind.icon}
        </ThemeIcon>
        <Stack gap={2} style={{ flex: 1, minWidth: 0 }}>
          <Text size="sm" fw={unread ? 650 : 500}>
            {kind.say(item.actor?.name ?? 'Someone')}
          </Text>
          {item.excerpt && (
            <Text size="sm" c="dimmed" lineClamp={2} style={{ overflowWrap: 'anywhere' }}>
              {item.excerpt}
            </Text>
          )}
          <Tooltip label={formatDateTime(item.createdAt)}>
            <Text size="xs" c="dimmed" w="fit-content">
              {fromNow(item.createdAt)}
            </Text>
          </Tooltip>
        </Stack>
        {unread && (
          <Box
            w={8}
            h={8}
            mt={8}
            style={{ borderRadius: 8, background: 'var(--mantine-color-brand-6)', flexShrink: 0 }}
            aria-label="Unread"
          />
        )}
      </Group>
    </UnstyledButton>
  )
}

function Inbox({
  workspaceId,
  unreadCount,
  onClose,
  closable,
}: {
  workspaceId: string
  unreadCount: number
  onClose: () => void
  closable?: boolean
}) {
  const list = useNotifications(workspaceId, true)
  const markRead = useMarkRead(workspaceId)
  const [, navigate] = useLocation()
  const items = list.data?.pages.flatMap((p) => p.notifications) ?? []
  const open = (item: Item) => {
    if (item.readAt === null) markRead.mutate({ ids: [item.id] })
    const to = linkOf(workspaceId, item)
    if (to) {
      navigate(to)
      onClose()
    }
  }
  return (
    <Stack gap={0} data-testid="inbox">
      <Group justify="space-between" px="md" py="sm" style={{ borderBottom: '1px solid var(--mantine-color-gray-2)' }}>
        <Text fw={650}>Notifications</Text>
        <Group gap={4} wrap="nowrap">
          <Button
            size="compact-xs"
            variant="subtle"
            leftSection={<IconChecks size={14} />}
            disabled={unreadCount === 0}
            loading={markRead.isPending}
            onClick={() => markRead.mutate({ all: true })}
          >
            Mark all read
          </Button>
          {closable && <CloseButton aria-label="Close notifications" onClick={onClose} />}
        </Group>
      </Group>
      {list.isPending ? (
        <PanelLoader />
      ) : list.isError ? (
        <Text size="sm" c="red" p="md">
          {errorMessage(list.error)}
        </Text>
      ) : items.length === 0 ? (
        <Text size="sm" c="dimmed" p="md" ta="center">
          Nothing yet. Mentions, replies to your threads and approval news will show up here.
        </Text>
      ) : (
        <>
          {items.map((n) => (
            <NotificationRow key={n.id} item={n} onOpen={open} />
          ))}
          {list.hasNextPage && (
            <Anchor component="button" size="sm" py="sm" ta="center" onClick={() => void list.fetchNextPage()}>
              {list.isFetchingNextPage ? 'Loading…' : 'Load more'}
            </Anchor>
          )}
        </>
      )}
    </Stack>
  )
}

/**
 * The inbox bell in the header: the unread count, live on the open plan's room (inbox news travels
 * there) and polled when no plan is open; a popover (a drawer on phones) lists the notifications,
 * each linking to its section or thread.
 */
export function NotificationBell({ workspaceId }: { workspaceId: string }) {
  const planId = useRoute('/w/:workspaceId/plans/:planId')[1]?.planId ?? null
  const queryClient = useQueryClient()
  usePlanNews(planId, ['notifications'], () => void refetchAfterNews(queryClient, notificationKeys.all(workspaceId)))
  const unread = useUnreadCount(workspaceId, planId ? false : POLL_MS)
  const count = unread.data ?? 0
  const [opened, setOpened] = useState(false)
  const phone = useMediaQuery('(max-width: 36em)') ?? false
  const label = count > 0 ? `Notifications (${count} unread)` : 'Notifications'

  const button = (
    <ActionIcon variant="subtle" color="gray" size="lg" aria-label={label} onClick={() => setOpened((o) => !o)}>
      <IconBell size={20} />
    </ActionIcon>
  )
  // The count wraps the popover, so the popover's aria-expanded lands on the button, where ARIA allows it.
  const withCount = (child: ReactNode) => (
    <Indicator
      label={count > 99 ? '99+' : count}
      size={16}
      offset={4}
      color="red"
      disabled={count === 0}
      data-testid="unread-count"
    >
      {child}
    </Indicator>
  )
  if (phone) {
    return (
      <>
        {withCount(button)}
        <Drawer
          opened={opened}
          onClose={() => setOpened(false)}
          position="right"
          size="100%"
          padding={0}
          withCloseButton={false}
        >
          <Inbox workspaceId={workspaceId} unreadCount={count} onClose={() => setOpened(false)} closable />
        </Drawer>
      </>
    )
  }
  return withCount(
    <Popover
      opened={opened}
      onChange={setOpened}
      position="bottom-end"
      width={380}
      shadow="md"
      radius="md"
      withinPortal
    >
      <Popover.Target>{button}</Popover.Target>
      <Popover.Dropdown p={0}>
        <ScrollArea.Autosize mah="min(70vh, 560px)">
          <Inbox workspaceId={workspaceId} unreadCount={count} onClose={() => setOpened(false)} />
        </ScrollArea.Autosize>
      </Popover.Dropdown>
    </Popover>,
  )
}

import {
  Anchor,
  Badge,
  Button,
  Group,
  Paper,
  SegmentedControl,
  Select,
  Stack,
  Text,
  ThemeIcon,
  Tooltip,
} from '@mantine/core'
import { LoadError, PanelLoader } from '../ui/states'
import {
  IconAlertTriangle,
  IconArchive,
  IconArchiveOff,
  IconCopy,
  IconTrash,
  IconTemplate,
  IconCheck,
  IconMessage,
  IconMessageCheck,
  IconMessageOff,
  IconPencil,
  IconSend,
  IconUserCog,
  IconUserMinus,
  IconUserPlus,
  IconArrowBackUp,
  IconMessageReport,
  IconMessagePlus,
  IconLink,
  IconLinkOff,
  IconBookmark,
  IconHistory,
  IconPlus,
} from '@tabler/icons-react'
import { useQueryClient } from '@tanstack/react-query'
import { type ReactNode, useState } from 'react'
import { useSearchParams } from 'wouter'
import {
  ACTIVITY_CATEGORIES,
  type ActivityCategory,
  type ActivityEvent,
  type ActivityKind,
} from '../../shared/activity/schema'
import { activityKeys, useActivity } from '../api/activity'
import { PersonAvatar } from '../comments/PersonAvatar'
import type { PlanViewProps } from '../plans/plan-views'
import { formatDateTime, fromNow } from '../ui/format'
import { departmentName } from '../workspaces/current'
import { refetchAfterNews, usePlanNews } from './live'

const KINDS: Record<ActivityKind, { label: string; icon: ReactNode; color: string }> = {
  objectives_submitted: { label: 'Submitted', icon: <IconSend size={11} stroke={2.4} />, color: 'blue' },
  objectives_approved: { label: 'Approved', icon: <IconCheck size={11} stroke={2.4} />, color: 'teal' },
  objectives_changes_requested: {
    label: 'Changes requested',
    icon: <IconMessageReport size={11} stroke={2.4} />,
    color: 'orange',
  },
  objectives_stale: { label: 'Approval stale', icon: <IconAlertTriangle size={11} stroke={2.4} />, color: 'red' },
  thread_created: { label: 'New thread', icon: <IconMessagePlus size={11} stroke={2.4} />, color: 'brand' },
  comment_added: { label: 'Reply', icon: <IconMessage size={11} stroke={2.4} />, color: 'brand' },
  comment_edited: { label: 'Comment edited', icon: <IconPencil size={11} stroke={2.4} />, color: 'gray' },
  comment_deleted: { label: 'Comment deleted', icon: <IconMessageOff size={11} stroke={2.4} />, color: 'gray' },
  thread_resolved: { label: 'Resolved', icon: <IconMessageCheck size={11} stroke={2.4} />, color: 'teal' },
  thread_reopened: { label: 'Reopened', icon: <IconArrowBackUp size={11} stroke={2.4} />, color: 'yellow' },
  member_joined: { label: 'Joined', icon: <IconUserPlus size={11} stroke={2.4} />, color: 'grape' },
  member_changed: { label: 'Role or departments', icon: <IconUserCog size={11} stroke={2.4} />, color: 'grape' },
  member_removed: { label: 'Left or removed', icon: <IconUserMinus size={11} stroke={2.4} />, color: 'grape' },
  share_created: { label: 'Public link created', icon: <IconLink size={11} stroke={2.4} />, color: 'grape' },
  share_revoked: { label: 'Public link revoked', icon: <IconLinkOff size={11} stroke={2.4} />, color: 'grape' },
  version_named: { label: 'Version named', icon: <IconBookmark size={11} stroke={2.4} />, color: 'indigo' },
  version_restored: { label: 'Version restored', icon: <IconHistory size={11} stroke={2.4} />, color: 'indigo' },
  suggestion_made: { label: 'Suggestion', icon: <IconPencil size={11} stroke={2.4} />, color: 'brand' },
  suggestion_accepted: {
    label: 'Suggestion accepted',
    icon: <IconMessageCheck size={11} stroke={2.4} />,
    color: 'teal',
  },
  suggestion_rejected: { label: 'Suggestion rejected', icon: <IconMessageOff size={11} stroke={2.4} />, color: 'gray' },
  plan_created: { label: 'Plan started', icon: <IconPlus size={11} stroke={2.4} />, color: 'cyan' },
  plan_renamed: { label: 'Renamed', icon: <IconPencil size={11} stroke={2.4} />, color: 'cyan' },
  plan_duplicated: { label: 'Started from a plan', icon: <IconCopy size={11} stroke={2.4} />, color: 'cyan' },
  plan_archived: { label: 'Archived', icon: <IconArchive size={11} stroke={2.4} />, color: 'cyan' },
  plan_unarchived: { label: 'Unarchived', icon: <IconArchiveOff size={11} stroke={2.4} />, color: 'cyan' },
  plan_deleted: { label: 'Plan deleted', icon: <IconTrash size={11} stroke={2.4} />, color: 'red' },
  plan_saved_as_template: { label: 'Saved as template', icon: <IconTemplate size={11} stroke={2.4} />, color: 'cyan' },
  template_deleted: { label: 'Template deleted', icon: <IconTrash size={11} stroke={2.4} />, color: 'gray' },
}

const CATEGORIES = [
  { value: 'all', label: 'All' },
  { value: 'approvals', label: 'Approvals' },
  { value: 'comments', label: 'Comments' },
  { value: 'members', label: 'People' },
  { value: 'history', label: 'History' },
  { value: 'plans', label: 'Plans' },
]

function EventRow({
  event,
  plan,
  departments,
  open,
}: {
  event: ActivityEvent
  plan: PlanViewProps['plan']
  departments: PlanViewProps['workspace']['departments']
  open: (sectionId: string, threadId?: string) => void
}) {
  const kind = KINDS[event.kind]
  const section = event.sectionId ? plan.sections.find((s) => s.id === event.sectionId) : undefined
  const threadId =
    typeof event.details.threadId === 'string' && !event.details.threadRemoved ? event.details.threadId : undefined
  const reason =
    event.kind === 'objectives_changes_requested' && typeof event.details.reason === 'string'
      ? event.details.reason
      : null
  return (
    <Group
      gap="sm"
      align="flex-start"
      wrap="nowrap"
      py="sm"
      px="md"
      data-testid="activity-event"
      data-kind={event.kind}
    >
      <div style={{ position: 'relative', flexShrink: 0 }}>
        <PersonAvatar person={event.actor} size={34} />
        <ThemeIcon
          size={18}
          radius="xl"
          color={kind.color}
          variant="filled"
          style={{ position: 'absolute', right: -4, bottom: -4, border: '2px solid var(--mantine-color-body)' }}
        >
          {kind.icon}
        </ThemeIcon>
      </div>
      <Stack gap={4} style={{ flex: 1, minWidth: 0 }}>
        <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
          {event.summary}
        </Text>
        {reason && (
          <Text
            size="sm"
            c="dimmed"
            fs="italic"
            pl="xs"
            style={{ borderLeft: '3px solid var(--mantine-color-orange-3)', whiteSpace: 'pre-wrap' }}
          >
            {reason}
          </Text>
        )}
        <Group gap={6}>
          <Tooltip label={formatDateTime(event.at)}>
            <Text size="xs" c="dimmed">
              {fromNow(event.at)}
            </Text>
          </Tooltip>
          <Badge size="xs" variant="light" color={kind.color}>
            {kind.label}
          </Badge>
          {event.departmentId && (
            <Badge size="xs" variant="outline" color="gray">
              {departmentName(departments, event.departmentId)}
            </Badge>
          )}
          {section && (
            <Anchor component="button" size="xs" onClick={() => open(section.id, threadId)}>
              {threadId && event.category === 'comments'
                ? `Open the thread in ${section.title}`
                : `Open ${section.title}`}
            </Anchor>
          )}
        </Group>
      </Stack>
    </Group>
  )
}

/** The plan's activity log (`?view=activity`): who did what, when, on what; filtered, paged, live. */
export function ActivityFeed({ plan, workspace }: PlanViewProps) {
  const [departmentId, setDepartmentId] = useState<string | null>(null)
  const [category, setCategory] = useState<ActivityCategory | 'all'>('all')
  const [kind, setKind] = useState<ActivityKind | null>(null)
  const filters = {
    ...(departmentId ? { departmentId } : {}),
    ...(category !== 'all' ? { category } : {}),
    ...(kind ? { kind } : {}),
  }
  const feed = useActivity(plan.id, filters)
  const queryClient = useQueryClient()
  usePlanNews(plan.id, ['activity'], () => void refetchAfterNews(queryClient, activityKeys.plan(plan.id)))
  const [, setSearch] = useSearchParams()
  const open = (sectionId: string, threadId?: string) =>
    setSearch(threadId ? { section: sectionId, thread: threadId } : { section: sectionId })

  const kindOptions = (Object.keys(KINDS) as ActivityKind[])
    .filter((k) => category === 'all' || ACTIVITY_CATEGORIES[k] === category)
    .map((k) => ({ value: k, label: KINDS[k].label }))
  const events = feed.data?.pages.flatMap((p) => p.events) ?? []
  const filtered = departmentId !== null || category !== 'all' || kind !== null

  return (
    <Stack gap="md" data-testid="activity-feed">
      <Group gap="sm" align="flex-end">
        <SegmentedControl
          size="sm"
          style={{ flex: '0 1 auto', maxWidth: '100%' }}
          data={CATEGORIES}
          value={category}
          onChange={(v) => {
            setCategory(v as ActivityCategory | 'all')
            setKind(null)
          }}
          aria-label="What kind of activity"
        />
        <Select
          size="sm"
          style={{ flex: '1 1 160px', maxWidth: 240 }}
          placeholder="Every department"
          aria-label="Department"
          clearable
          data={workspace.departments.map((d) => ({ value: d.id, label: d.name }))}
          value={departmentId}
          onChange={setDepartmentId}
        />
        <Select
          size="sm"
          style={{ flex: '1 1 160px', maxWidth: 240 }}
          placeholder="Every event"
          aria-label="Event"
          clearable
          data={kindOptions}
          value={kind}
          onChange={(v) => setKind(v)}
        />
      </Group>
      {feed.isPending ? (
        <PanelLoader />
      ) : feed.isError ? (
        <LoadError title="The activity could not be loaded" error={feed.error} onRetry={() => void feed.refetch()} />
      ) : events.length === 0 ? (
        <Paper withBorder radius="md" p="xl">
          <Text c="dimmed" ta="center" size="sm">
            {filtered
              ? 'Nothing matches these filters yet.'
              : 'Nothing has happened in this plan yet. Submissions, decisions, comments and changes to the team will be listed here.'}
          </Text>
        </Paper>
      ) : (
        <Paper withBorder radius="md">
          <Stack gap={0}>
            {events.map((e, i) => (
              <div key={e.id} style={{ borderTop: i === 0 ? undefined : '1px solid var(--mantine-color-gray-2)' }}>
                <EventRow event={e} plan={plan} departments={workspace.departments} open={open} />
              </div>
            ))}
          </Stack>
        </Paper>
      )}
      {feed.hasNextPage && (
        <Button variant="default" mx="auto" onClick={() => void feed.fetchNextPage()} loading={feed.isFetchingNextPage}>
          Load more
        </Button>
      )}
    </Stack>
  )
}

import { ActionIcon, Button, Group, Loader, SegmentedControl, Title, Tooltip } from '@mantine/core'
import { IconChevronLeft, IconChevronRight, IconPlus } from '@tabler/icons-react'

export const VIEWS = [
  { value: 'dayGridMonth', label: 'Month' },
  { value: 'dayGridWeek', label: 'Week' },
  { value: 'listMonth', label: 'List' },
] as const
export type ViewName = (typeof VIEWS)[number]['value']

interface CalendarToolbarProps {
  /** The days shown, in words ("March 2027"). */
  title: string
  loading: boolean
  view: ViewName
  onView: (view: ViewName) => void
  onMove: (to: 'prev' | 'next' | 'today') => void
  /** "New entry": hidden without networks, disabled when the person may edit none of them. */
  newEntry: 'none' | 'disabled' | 'enabled'
  onNewEntry: () => void
  narrow: boolean
}

/** The calendar's own toolbar: move through the days, choose the view, add an entry. */
export function CalendarToolbar(props: CalendarToolbarProps) {
  const { title, loading, view, onView, onMove, newEntry, onNewEntry, narrow } = props
  return (
    <Group justify="space-between" gap="sm" wrap="wrap">
      <Group gap="xs" wrap="nowrap">
        <ActionIcon.Group>
          <ActionIcon variant="default" size="lg" aria-label="Previous" onClick={() => onMove('prev')}>
            <IconChevronLeft size={16} />
          </ActionIcon>
          <ActionIcon variant="default" size="lg" aria-label="Next" onClick={() => onMove('next')}>
            <IconChevronRight size={16} />
          </ActionIcon>
        </ActionIcon.Group>
        <Button variant="default" size="sm" onClick={() => onMove('today')}>
          Today
        </Button>
        <Title
          order={3}
          fz={{ base: 'md', sm: 'lg' }}
          ml={4}
          data-testid="calendar-title"
          style={{ whiteSpace: 'nowrap' }}
        >
          {title}
        </Title>
        {loading && <Loader size="xs" aria-label="Loading the calendars" />}
      </Group>
      <Group gap="sm" wrap="nowrap">
        <SegmentedControl size="sm" data={[...VIEWS]} value={view} onChange={onView} aria-label="Calendar view" />
        {newEntry !== 'none' && (
          <Tooltip label="You can edit none of the networks" disabled={newEntry === 'enabled'}>
            <Button
              size="sm"
              leftSection={<IconPlus size={16} />}
              onClick={onNewEntry}
              disabled={newEntry === 'disabled'}
              data-testid="new-calendar-entry"
            >
              {narrow ? 'New' : 'New entry'}
            </Button>
          </Tooltip>
        )}
      </Group>
    </Group>
  )
}

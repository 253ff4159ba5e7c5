import '@mantine/dates/styles.css'
import './calendar.css'
import type { DatesSetArg, EventClickArg, EventContentArg, EventDropArg, EventInput } from '@fullcalendar/core'
import dayGridPlugin from '@fullcalendar/daygrid'
import interactionPlugin, { type DateClickArg } from '@fullcalendar/interaction'
import listPlugin from '@fullcalendar/list'
import FullCalendar from '@fullcalendar/react'
import {
  ActionIcon,
  Alert,
  Anchor,
  Box,
  Button,
  Chip,
  Group,
  Loader,
  Paper,
  SegmentedControl,
  Select,
  Stack,
  Text,
  Title,
  Tooltip,
} from '@mantine/core'
import { useMediaQuery } from '@mantine/hooks'
import { IconCalendarOff, IconCheck, IconChevronLeft, IconChevronRight, IconFlag, IconPlus } from '@tabler/icons-react'
import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import { updateItem } from '../../shared/plan-model/write'
import type { Section } from '../../shared/plans/schema'
import { REFUSAL } from '../../shared/sync/protocol'
import type { PlanViewProps } from '../plans/plan-views'
import { notifyError } from '../ui/notify'
import { departmentName } from '../workspaces/current'
import { type CalendarItem, type SourceSection, calendarItems, describeItem } from './calendar-items'
import { FORMAT_LABELS, networkColor } from './labels'
import { type EditableNetwork, NewEntryModal } from './NewEntryModal'
import { useLiveSections } from './useLiveSections'

const VIEWS = [
  { value: 'dayGridMonth', label: 'Month' },
  { value: 'dayGridWeek', label: 'Week' },
  { value: 'listMonth', label: 'List' },
] as const
type ViewName = (typeof VIEWS)[number]['value']

/** Phones get the list first: seven columns of 50 pixels cut every title short. */
const NARROW = '(max-width: 48em)'
const DELIVERABLES = 'deliverables'
const ALL = 'all'
const SHARED = 'shared'

/**
 * The plan's calendar: every network's conversational calendar entries and the process's deliverables
 * on one month, week or list, read live from their sections' documents. Dragging an entry the person
 * may edit reschedules it in that section's document, which everyone sees at once.
 */
export default function CalendarView({ plan, workspace, me, openSection }: PlanViewProps) {
  const narrow = useMediaQuery(NARROW, undefined, { getInitialValueInEffect: false }) ?? false
  const networks = useMemo(() => plan.sections.filter((s) => s.kind === 'network'), [plan.sections])
  const processSection = plan.sections.find((s) => s.kind === 'process') ?? null
  const sectionIds = useMemo(
    () => [...networks.map((s) => s.id), ...(processSection ? [processSection.id] : [])],
    [networks, processSection],
  )
  const { rooms, version, loaded } = useLiveSections(sectionIds, me)

  const editableNow = useCallback(
    (sectionId: string, canEdit: boolean) => canEdit && !rooms.get(sectionId)?.finalReason,
    [rooms],
  )
  const items = useMemo(() => {
    const source = (s: Section, color?: string): SourceSection[] => {
      const room = rooms.get(s.id)
      return room ? [{ section: s, doc: room.doc, editable: editableNow(s.id, s.abilities.edit), color }] : []
    }
    // Colours follow the network's place in the plan, even while some rooms are still opening.
    const fromNetworks = networks.flatMap((n, i) => source(n, networkColor(i)))
    return calendarItems(fromNetworks, processSection ? (source(processSection)[0] ?? null) : null, workspace.members)
    // The documents change in place; `version` changes whenever any of them does: read them again.
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `version` is that signal, not a value read here
  }, [rooms, version, networks, processSection, workspace.members, editableNow])

  // A write the server refused or corrected (rights changed meanwhile, a value repaired) is said out loud.
  useEffect(() => {
    const offs = [...rooms.values()].map((room) =>
      room.onNotice((n) =>
        notifyError(
          new Error(n.message),
          n.code === REFUSAL.repaired ? 'Your change was corrected' : 'Your change was not saved',
        ),
      ),
    )
    return () => offs.forEach((off) => off())
  }, [rooms])

  // ——— Filters: sources hidden (so that a network added later shows), and one owner department.
  const [hidden, setHidden] = useState<ReadonlySet<string>>(new Set())
  const [department, setDepartment] = useState<string>(ALL)
  const sources = [
    ...networks.map((n, i) => ({ value: n.id, label: n.title, color: networkColor(i) })),
    ...(processSection ? [{ value: DELIVERABLES, label: 'Deliverables', color: 'gray' }] : []),
  ]
  const owners = [
    ...new Set([...networks, ...(processSection ? [processSection] : [])].map((s) => s.ownerDepartmentId ?? SHARED)),
  ]
  const departmentOptions = [
    { value: ALL, label: 'All departments' },
    ...workspace.departments.filter((d) => owners.includes(d.id)).map((d) => ({ value: d.id, label: d.name })),
    ...owners
      .filter((o) => o !== SHARED && !workspace.departments.some((d) => d.id === o))
      .map((o) => ({ value: o, label: departmentName(workspace.departments, o) })),
    ...(owners.includes(SHARED) ? [{ value: SHARED, label: 'Shared sections' }] : []),
  ]
  const shown = (item: CalendarItem) =>
    !hidden.has(item.kind === 'deliverable' ? DELIVERABLES : item.sectionId) &&
    (department === ALL || (item.departmentId ?? SHARED) === department)
  const visible = items.filter(shown)
  const undated = visible.filter((i) => i.date === null)
  const events: EventInput[] = visible
    .filter((i) => i.date !== null)
    .map((item) => ({
      id: item.key,
      title: item.title,
      start: item.date!,
      allDay: true,
      startEditable: item.editable,
      durationEditable: false,
      backgroundColor: `var(--mantine-color-${item.color}-light)`,
      borderColor: `var(--mantine-color-${item.color}-filled)`,
      textColor: `var(--mantine-color-${item.color}-light-color)`,
      classNames: [`pr-${item.kind}`, `pr-status-${item.status}`, item.editable ? 'pr-editable' : 'pr-locked'],
      extendedProps: { item },
      // Deliverables after the network entries of the same day, then by source.
      order: `${item.kind === 'deliverable' ? 1 : 0}:${item.source}`,
    }))

  // ——— The calendar itself, driven by our own toolbar.
  const calendar = useRef<FullCalendar>(null)
  const [view, setView] = useState<ViewName>(narrow ? 'listMonth' : 'dayGridMonth')
  const [title, setTitle] = useState('')
  const api = () => calendar.current?.getApi()
  const changeView = (next: string) => {
    setView(next as ViewName)
    api()?.changeView(next)
  }

  const reschedule = (arg: EventDropArg) => {
    const item = arg.event.extendedProps.item as CalendarItem
    const room = rooms.get(item.sectionId)
    const date = arg.event.startStr.slice(0, 10)
    if (!room || !item.editable) return arg.revert()
    try {
      if (item.kind === 'entry') updateItem(room.doc, 'network', ['calendar'] as const, item.itemId, { date })
      else updateItem(room.doc, 'process', ['deliverables'] as const, item.itemId, { due: date })
    } catch (error) {
      arg.revert()
      notifyError(error, 'Not rescheduled')
    }
  }

  // ——— New entries, in the networks the person may edit.
  const editableNetworks: EditableNetwork[] = networks.flatMap((n) => {
    const room = rooms.get(n.id)
    return room && editableNow(n.id, n.abilities.edit) ? [{ sectionId: n.id, name: n.title, room }] : []
  })
  const [creating, setCreating] = useState<{ date: string | null } | null>(null)
  const onlyNetwork = sources.filter((s) => s.value !== DELIVERABLES && !hidden.has(s.value))
  const newEntry = (date: string | null) => setCreating({ date })

  return (
    <Stack gap="md" data-testid="plan-calendar">
      <Group justify="space-between" gap="sm" wrap="wrap">
        <Group gap="xs" wrap="nowrap">
          <ActionIcon.Group>
            <ActionIcon variant="default" size="lg" aria-label="Previous" onClick={() => api()?.prev()}>
              <IconChevronLeft size={16} />
            </ActionIcon>
            <ActionIcon variant="default" size="lg" aria-label="Next" onClick={() => api()?.next()}>
              <IconChevronRight size={16} />
            </ActionIcon>
          </ActionIcon.Group>
          <Button variant="default" size="sm" onClick={() => api()?.today()}>
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
          {!loaded && <Loader size="xs" aria-label="Loading the calendars" />}
        </Group>
        <Group gap="sm" wrap="nowrap">
          <SegmentedControl size="sm" data={[...VIEWS]} value={view} onChange={changeView} aria-label="Calendar view" />
          {networks.length > 0 && (
            <Tooltip label="You can edit none of the networks" disabled={editableNetworks.length > 0}>
              <Button
                size="sm"
                leftSection={<IconPlus size={16} />}
                onClick={() => newEntry(null)}
                disabled={editableNetworks.length === 0}
                data-testid="new-calendar-entry"
              >
                {narrow ? 'New' : 'New entry'}
              </Button>
            </Tooltip>
          )}
        </Group>
      </Group>

      <Group justify="space-between" align="flex-start" gap="sm">
        <Chip.Group
          multiple
          value={sources.map((s) => s.value).filter((v) => !hidden.has(v))}
          onChange={(values) => setHidden(new Set(sources.map((s) => s.value).filter((v) => !values.includes(v))))}
        >
          <Group gap={6} style={{ flex: '1 1 320px' }} aria-label="Show networks">
            {sources.map((s) => (
              <Chip key={s.value} value={s.value} color={s.color} size="xs" variant="light">
                {s.label}
              </Chip>
            ))}
          </Group>
        </Chip.Group>
        {departmentOptions.length > 2 && (
          <Select
            size="xs"
            w={200}
            data={departmentOptions}
            value={department}
            onChange={(v) => setDepartment(v ?? ALL)}
            allowDeselect={false}
            aria-label="Department"
          />
        )}
      </Group>

      {networks.length === 0 && (
        <Alert variant="light" color="brand" icon={<IconCalendarOff size={18} />} title="No network in the plan yet">
          Each network the plan is on gets a section with its conversational calendar. Add a network, then plan its
          entries here; the deliverables of the Process &amp; team section already show.
        </Alert>
      )}

      <Paper withBorder radius="md" className="planroom-calendar" data-view={view}>
        <FullCalendar
          ref={calendar}
          plugins={[dayGridPlugin, listPlugin, interactionPlugin]}
          initialView={view}
          headerToolbar={false}
          height="auto"
          firstDay={1}
          fixedWeekCount={false}
          dayMaxEvents={narrow ? 2 : 4}
          events={events}
          eventOrder="order,title"
          editable
          eventDurationEditable={false}
          eventInteractive
          noEventsContent="Nothing planned in these days."
          views={{
            dayGridWeek: { dayHeaderFormat: { weekday: 'short', day: 'numeric', omitCommas: true } },
            listMonth: { listDayFormat: { weekday: 'long', day: 'numeric', month: 'long' }, listDaySideFormat: false },
          }}
          datesSet={(arg: DatesSetArg) => setTitle(arg.view.title)}
          eventContent={(arg: EventContentArg) => (
            <EventLabel item={arg.event.extendedProps.item as CalendarItem} list={arg.view.type.startsWith('list')} />
          )}
          eventClick={(arg: EventClickArg) => {
            arg.jsEvent.preventDefault()
            openSection((arg.event.extendedProps.item as CalendarItem).sectionId)
          }}
          eventDrop={reschedule}
          dateClick={(arg: DateClickArg) => editableNetworks.length > 0 && newEntry(arg.dateStr.slice(0, 10))}
        />
      </Paper>

      {undated.length > 0 && (
        <Paper withBorder radius="md" p="md">
          <Text size="sm" fw={600} mb={6}>
            Not scheduled yet ({undated.length})
          </Text>
          <Stack gap={4}>
            {undated.slice(0, 20).map((item) => (
              <Group key={item.key} gap={8} wrap="nowrap">
                <Box
                  w={8}
                  h={8}
                  style={{ borderRadius: 8, flex: 'none', background: `var(--mantine-color-${item.color}-filled)` }}
                />
                <Anchor
                  component="button"
                  size="sm"
                  onClick={() => openSection(item.sectionId)}
                  className="truncate"
                  ta="left"
                >
                  {describeItem(item)}
                </Anchor>
              </Group>
            ))}
            {undated.length > 20 && (
              <Text size="xs" c="dimmed">
                and {undated.length - 20} more
              </Text>
            )}
          </Stack>
        </Paper>
      )}

      <NewEntryModal
        opened={creating !== null}
        onClose={() => setCreating(null)}
        networks={editableNetworks}
        members={workspace.members}
        initialDate={creating?.date ?? null}
        initialSectionId={onlyNetwork.length === 1 ? (onlyNetwork[0]?.value ?? null) : null}
      />
    </Stack>
  )
}

/** An entry on the calendar: its title, and in the list view where it comes from and where it stands. */
function EventLabel({ item, list }: { item: CalendarItem; list: boolean }) {
  const done = item.status === 'published' || item.status === 'done'
  if (list) {
    return (
      <Group gap={8} wrap="wrap" title={describeItem(item)} className="pr-event-list">
        <Text span size="sm" fw={600} className="pr-event-title">
          {item.title}
        </Text>
        <Text span size="xs" c="dimmed">
          {item.kind === 'entry' ? `${item.source} · ${FORMAT_LABELS[item.format]}` : 'Deliverable'} ·{' '}
          {item.statusLabel}
          {item.owner ? ` · ${item.owner}` : ''}
        </Text>
      </Group>
    )
  }
  return (
    <div className="pr-event" title={describeItem(item)}>
      {item.kind === 'deliverable' && <IconFlag size={11} className="pr-event-icon" aria-hidden />}
      {done && <IconCheck size={11} className="pr-event-icon" aria-hidden />}
      <span className="pr-event-title">{item.title}</span>
    </div>
  )
}

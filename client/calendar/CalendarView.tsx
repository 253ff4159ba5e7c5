import '@mantine/dates/styles.css'
import './calendar.css'
import type { DatesSetArg, EventClickArg, EventContentArg, EventDropArg, EventInput } from '@fullcalendar/core'
import dayGridPlugin from '@fullcalendar/daygrid'
import interactionPlugin, { type DateClickArg } from '@fullcalendar/interaction'
import listPlugin from '@fullcalendar/list'
import FullCalendar from '@fullcalendar/react'
import { Alert, Group, Paper, Stack, Text } from '@mantine/core'
import { useMediaQuery } from '@mantine/hooks'
import { IconCalendarOff, IconCheck, IconFlag } from '@tabler/icons-react'
import { useCallback, useMemo, useRef, useState } from 'react'
import { updateItem } from '../../shared/plan-model/write'
import type { Section } from '../../shared/plans/schema'
import type { PlanViewProps } from '../plans/plan-views'
import { useWriteNotices } from '../sync/write-notices'
import { notifyError } from '../ui/notify'
import { type CalendarItem, type SourceSection, calendarItems, describeItem } from './calendar-items'
import { FORMAT_LABELS, networkColor } from './labels'
import { CalendarFilters } from './CalendarFilters'
import { CalendarToolbar, type ViewName } from './CalendarToolbar'
import { type EditableNetwork, NewEntryModal } from './NewEntryModal'
import { UndatedList } from './UndatedList'
import { DELIVERABLES, useCalendarFilters } from './useCalendarFilters'
import { useLiveSections } from './useLiveSections'

/** Phones get the list first: seven columns of 50 pixels cut every title short. */
const NARROW = '(max-width: 48em)'

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

  useWriteNotices(rooms)

  const filters = useCalendarFilters(networks, processSection, workspace.departments)
  const visible = items.filter(filters.shown)
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
  const changeView = (next: ViewName) => {
    setView(next)
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
  const onlyNetwork = filters.sources.filter((s) => s.value !== DELIVERABLES && !filters.hidden.has(s.value))
  const newEntry = (date: string | null) => setCreating({ date })

  return (
    <Stack gap="md" data-testid="plan-calendar">
      <CalendarToolbar
        title={title}
        loading={!loaded}
        view={view}
        onView={changeView}
        onMove={(to) => api()?.[to]()}
        newEntry={networks.length === 0 ? 'none' : editableNetworks.length === 0 ? 'disabled' : 'enabled'}
        onNewEntry={() => newEntry(null)}
        narrow={narrow}
      />

      <CalendarFilters filters={filters} />

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

      <UndatedList items={undated} openSection={openSection} />

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

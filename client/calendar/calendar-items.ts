import type * as Y from 'yjs'
import { readContent } from '../../shared/plan-model/read'
import type { Section } from '../../shared/plans/schema'
import type { Member } from '../../shared/workspaces/schema'
import {
  CALENDAR_STATUS_LABELS,
  type CalendarStatusValue,
  DELIVERABLE_COLOR,
  DELIVERABLE_STATUS_LABELS,
  type DeliverableStatusValue,
  FORMAT_LABELS,
  type PostFormatValue,
  networkColor,
  personName,
} from './labels'

/** What the calendar shows: a network's conversational calendar entry, or a deliverable of the process. */
export type CalendarItem = {
  /** Unique across the plan: `sectionId:itemId`. */
  key: string
  sectionId: string
  itemId: string
  /** `YYYY-MM-DD`, or null for an item not scheduled yet. */
  date: string | null
  title: string
  /** The network's name (its section's title), or "Deliverable". */
  source: string
  /** A Mantine palette name. */
  color: string
  /** The owner department of the section; null for a shared one. */
  departmentId: string | null
  /** The person may reschedule it (may edit its section). */
  editable: boolean
  /** The responsible person, as a name. */
  owner: string
  statusLabel: string
} & (
  | { kind: 'entry'; format: PostFormatValue; status: CalendarStatusValue }
  | { kind: 'deliverable'; status: DeliverableStatusValue }
)

export interface SourceSection {
  section: Section
  doc: Y.Doc
  /** The person may edit it right now (abilities, and the server has not closed the room). */
  editable: boolean
  /** The network's colour (a Mantine palette name); by default from its place in the list. */
  color?: string
}

/**
 * Every dated (and undated) entry of the network sections and deliverable of the process section,
 * read with the plan-model reader: whatever a document holds, what comes out is valid.
 */
export function calendarItems(
  networks: readonly SourceSection[],
  process: SourceSection | null,
  members: readonly Pick<Member, 'userId' | 'name'>[],
): CalendarItem[] {
  const items: CalendarItem[] = []
  networks.forEach(({ section, doc, editable, color }, index) => {
    for (const entry of readContent(doc, 'network').calendar) {
      items.push({
        kind: 'entry',
        key: `${section.id}:${entry.id}`,
        sectionId: section.id,
        itemId: entry.id,
        date: entry.date,
        title: entry.theme.trim() || `Untitled ${FORMAT_LABELS[entry.format].toLowerCase()}`,
        source: section.title,
        color: color ?? networkColor(index),
        departmentId: section.ownerDepartmentId,
        editable,
        owner: personName(members, entry.owner),
        format: entry.format,
        status: entry.status,
        statusLabel: CALENDAR_STATUS_LABELS[entry.status],
      })
    }
  })
  if (process) {
    for (const d of readContent(process.doc, 'process').deliverables) {
      items.push({
        kind: 'deliverable',
        key: `${process.section.id}:${d.id}`,
        sectionId: process.section.id,
        itemId: d.id,
        date: d.due,
        title: d.what.trim() || 'Untitled deliverable',
        source: 'Deliverable',
        color: DELIVERABLE_COLOR,
        departmentId: process.section.ownerDepartmentId,
        editable: process.editable,
        owner: personName(members, d.who),
        status: d.status,
        statusLabel: DELIVERABLE_STATUS_LABELS[d.status],
      })
    }
  }
  return items
}

/** One line that says everything about an item (tooltips, screen readers). */
export function describeItem(item: CalendarItem): string {
  const what = item.kind === 'entry' ? `${item.source} · ${FORMAT_LABELS[item.format]}` : 'Deliverable'
  return [what, item.title, item.statusLabel, item.owner ? `by ${item.owner}` : null].filter(Boolean).join(' — ')
}

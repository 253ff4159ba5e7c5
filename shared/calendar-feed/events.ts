import { type PlanModel, sectionsOf } from '../plan-model/model'

/** One dated item of a plan, as a calendar shows it. */
export interface PlanCalendarEvent {
  /** Stable across edits and fetches: the section and the item, never the content. */
  uid: string
  sectionId: string
  /** `YYYY-MM-DD`: every date in a plan is a day, so every event is all-day. */
  date: string
  summary: string
  /** The network's name (its section's title), or "Deliverable" for the process timetable. */
  network: string
  /** The responsible person's name, or '' when nobody is named. */
  owner: string
  details: string[]
}

/**
 * Every dated entry of the plan's conversational calendars and every dated deliverable of its process
 * timetable; undated ones have no place in a calendar. `personName` turns a person field into a name.
 */
export function planCalendarEvents(model: PlanModel, personName: (ref: string) => string): PlanCalendarEvent[] {
  const events: PlanCalendarEvent[] = []
  for (const section of sectionsOf(model, 'network')) {
    for (const entry of section.content.calendar) {
      if (!entry.date) continue
      const theme = entry.theme.trim() || `Untitled ${entry.format}`
      events.push({
        uid: `${section.id}-${entry.id}@planroom`,
        sectionId: section.id,
        date: entry.date,
        summary: `${section.title}: ${theme}`,
        network: section.title,
        owner: personName(entry.owner),
        details: [`Format: ${entry.format}`, `Status: ${entry.status}`],
      })
    }
  }
  for (const section of sectionsOf(model, 'process')) {
    for (const item of section.content.deliverables) {
      if (!item.due) continue
      events.push({
        uid: `${section.id}-${item.id}@planroom`,
        sectionId: section.id,
        date: item.due,
        summary: `Due: ${item.what.trim() || 'Untitled deliverable'}`,
        network: 'Deliverable',
        owner: personName(item.who),
        details: [`Status: ${item.status.replace(/_/g, ' ')}`],
      })
    }
  }
  return events
}

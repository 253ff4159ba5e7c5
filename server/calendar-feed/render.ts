import ical from 'ical-generator'
import type { PlanCalendarEvent } from '../../shared/calendar-feed/events'
import type { EventRevision } from './commands/record-revisions'

export interface FeedSource {
  planTitle: string
  workspaceName: string
  planUrl: string
  events: readonly PlanCalendarEvent[]
  revisions: ReadonlyMap<string, EventRevision>
}

/** A day `YYYY-MM-DD` as the UTC midnight ical-generator writes back as that same DATE. */
const day = (date: string) => new Date(`${date}T00:00:00Z`)
const nextDay = (date: string) => new Date(day(date).getTime() + 24 * 60 * 60_000)

/** The plan's calendar as RFC 5545 text, one all-day VEVENT per dated item. */
export function renderCalendarFeed(source: FeedSource): string {
  const calendar = ical({
    name: `${source.planTitle} · ${source.workspaceName}`,
    description: `Conversational calendars and deliverables of the plan ${source.planTitle}, from Planroom.`,
    prodId: { company: 'Planroom', product: 'Plan calendar', language: 'EN' },
    url: source.planUrl,
    // Calendar apps ask again about hourly (Apple, Outlook honour it; Google does its own thing).
    ttl: 60 * 60,
  })
  for (const e of source.events) {
    const revision = source.revisions.get(e.uid) ?? { sequence: 0, lastModified: Date.now() }
    calendar.createEvent({
      id: e.uid,
      start: day(e.date),
      end: nextDay(e.date),
      allDay: true,
      summary: e.summary,
      description: [
        `Network: ${e.network}`,
        `Owner: ${e.owner || 'nobody yet'}`,
        ...e.details,
        '',
        source.planUrl,
      ].join('\n'),
      categories: [{ name: e.network }],
      url: source.planUrl,
      sequence: revision.sequence,
      lastModified: new Date(revision.lastModified),
      stamp: new Date(revision.lastModified),
      x: { 'X-PLANROOM-NETWORK': e.network, 'X-PLANROOM-OWNER': e.owner },
    })
  }
  return calendar.toString()
}

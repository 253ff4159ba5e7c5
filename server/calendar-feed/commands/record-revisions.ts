import { createHash } from 'node:crypto'
import type { PlanCalendarEvent } from '../../../shared/calendar-feed/events'
import type { Db } from '../../storage/database'

export interface EventRevision {
  sequence: number
  lastModified: number
}

const fingerprint = (e: PlanCalendarEvent) =>
  createHash('sha256')
    .update(JSON.stringify([e.date, e.summary, e.network, e.owner, e.details]))
    .digest('hex')

/**
 * Compares each event with the version last served and counts a change: SEQUENCE goes up by one and
 * LAST-MODIFIED becomes now, so calendar apps replace their copy (RFC 5545 §3.8.7.4). An unchanged
 * event keeps both. Concurrent fetches of one edit bump once: the update only applies to the old print.
 */
export async function recordEventRevisions(
  db: Db,
  planId: string,
  events: readonly PlanCalendarEvent[],
  now = Date.now(),
): Promise<Map<string, EventRevision>> {
  const stored = await db.selectFrom('calendar_feed_events').selectAll().where('plan_id', '=', planId).execute()
  const byUid = new Map(stored.map((r) => [r.uid, r]))
  const revisions = new Map<string, EventRevision>()
  for (const event of events) {
    const print = fingerprint(event)
    const known = byUid.get(event.uid)
    if (!known) {
      await db
        .insertInto('calendar_feed_events')
        .values({ plan_id: planId, uid: event.uid, fingerprint: print, sequence: 0, last_modified: now })
        .onConflict((oc) => oc.columns(['plan_id', 'uid']).doNothing())
        .execute()
      revisions.set(event.uid, { sequence: 0, lastModified: now })
    } else if (known.fingerprint !== print) {
      const sequence = known.sequence + 1
      await db
        .updateTable('calendar_feed_events')
        .set({ fingerprint: print, sequence, last_modified: now })
        .where('plan_id', '=', planId)
        .where('uid', '=', event.uid)
        .where('fingerprint', '=', known.fingerprint)
        .execute()
      revisions.set(event.uid, { sequence, lastModified: now })
    } else {
      revisions.set(event.uid, { sequence: known.sequence, lastModified: known.last_modified })
    }
  }
  return revisions
}

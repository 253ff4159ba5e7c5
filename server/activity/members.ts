import type { AccessEventMap } from '../access-events'
import { log } from '../log'
import type { Services } from '../services'
import type { Db } from '../storage/database'
import type { PlanEvents } from '../sync/plan-events'
import { recordActivity } from './record'

type MemberChange = AccessEventMap['memberChanged'][0]

/**
 * Joins, role and department changes and removals go into the activity log. The member routes
 * already announce them on the AccessEvents emitter (for live connections); we listen there rather
 * than in each route. Returns how to stop listening.
 */
export function recordMemberActivity({
  storage: { db },
  access,
  planEvents,
}: Pick<Services, 'storage' | 'access' | 'planEvents'>): () => void {
  // One at a time, so the log keeps the order in which the changes were made.
  let queue = Promise.resolve()
  const listener = (change: MemberChange) => {
    queue = queue
      .then(() => record(db, planEvents, change))
      .catch((err) =>
        log.error('recording a membership change failed', { ...change, before: undefined, error: String(err) }),
      )
  }
  access.on('memberChanged', listener)
  return () => void access.off('memberChanged', listener)
}

const sameList = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && [...a].sort().join() === [...b].sort().join()

async function record(db: Db, planEvents: PlanEvents, change: MemberChange) {
  // Only the member routes say who did it; anything else is not a change a person made.
  if (change.by === undefined || change.before === undefined || change.after === undefined) return
  const { workspaceId, userId, by, before, after } = change
  const user = await db.selectFrom('users').select('name').where('id', '=', userId).executeTakeFirst()
  const base = { workspaceId, planId: null, actorId: by }
  const subject = { userId, userName: user?.name ?? 'Someone' }
  if (change.removed) {
    await recordActivity(db, { ...base, kind: 'member_removed', details: { ...subject, left: by === userId } })
  } else {
    // As the change left it, not as it is by now: a later change may already be committed.
    if (!after) return
    const now = { role: after.role, departmentIds: [...after.departmentIds], leadOf: [...after.leadOf] }
    if (before === null) {
      await recordActivity(db, { ...base, kind: 'member_joined', details: { ...subject, after: now } })
    } else {
      const was = { role: before.role, departmentIds: [...before.departmentIds], leadOf: [...before.leadOf] }
      if (was.role === now.role && sameList(was.departmentIds, now.departmentIds) && sameList(was.leadOf, now.leadOf))
        return
      await recordActivity(db, { ...base, kind: 'member_changed', details: { ...subject, before: was, after: now } })
    }
  }
  // Every plan of the workspace shows membership in its feed.
  const plans = await db.selectFrom('plans').select('id').where('workspace_id', '=', workspaceId).execute()
  for (const p of plans) planEvents.publish({ kind: 'activity', workspaceId, planId: p.id })
}

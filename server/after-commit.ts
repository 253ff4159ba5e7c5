import type { Db, DbOrTx } from './storage/database'
import { type NewNotification, announceInboxes, notify } from './notifications/notify'
import type { PlanEvent, PlanEvents } from './sync/plan-events'
import { type NewActivity, recordActivity } from './activity/record'

/** What a command needs from the running process. */
export interface CommandServices {
  db: Db
  planEvents: PlanEvents
}

/** What a command's transaction did besides its own rows: recorded with it, told once it is committed. */
export interface Effects {
  /** Appended to the activity log in the command's transaction; the plan's feed refetches. */
  activity?: readonly NewActivity[]
  /** Put in inboxes in the same transaction (see `notify`: never the actor, one item per person). */
  notifications?: readonly NewNotification[]
  /** What else the plan's clients refetch once committed (its comments, its approvals). */
  refetch?: readonly PlanEvent[]
  /** People whose inbox changed without a new item (an item taken back). */
  inboxes?: { workspaceId: string; userIds: readonly string[] }
}

/**
 * Run a command's transaction, record and notify what it did inside it, and only after the commit
 * announce it: the plan's clients refetch, the notified their inbox. A command that throws announces nothing.
 */
export async function runCommand<T>(
  { db, planEvents }: CommandServices,
  work: (trx: DbOrTx) => Promise<{ result: T; effects: Effects }>,
): Promise<T> {
  const { result, announce } = await db.transaction().execute(async (trx) => {
    const { result, effects } = await work(trx)
    for (const event of effects.activity ?? []) await recordActivity(trx, event)
    const notified = await notify(trx, effects.notifications ?? [])
    return { result, announce: () => publishEffects(planEvents, effects, notified) }
  })
  announce()
  return result
}

function publishEffects(planEvents: PlanEvents, effects: Effects, notified: readonly NewNotification[]) {
  for (const event of effects.refetch ?? []) planEvents.publish(event)
  const feeds = new Map<string, PlanEvent>()
  for (const a of effects.activity ?? []) {
    if (!a.planId) continue
    const event: PlanEvent = { kind: 'activity', workspaceId: a.workspaceId, planId: a.planId }
    if (a.departmentId) event.departmentId = a.departmentId
    feeds.set(`${a.planId}/${a.departmentId ?? ''}`, event)
  }
  for (const event of feeds.values()) planEvents.publish(event)
  const byWorkspace = new Map<string, string[]>()
  const inbox = (workspaceId: string, userIds: readonly string[]) =>
    byWorkspace.set(workspaceId, [...(byWorkspace.get(workspaceId) ?? []), ...userIds])
  for (const n of notified) inbox(n.workspaceId, [n.userId])
  if (effects.inboxes) inbox(effects.inboxes.workspaceId, effects.inboxes.userIds)
  for (const [workspaceId, userIds] of byWorkspace) announceInboxes(planEvents, workspaceId, userIds)
}

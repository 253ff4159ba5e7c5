import type { NotificationKind } from '../../shared/notifications/schema'
import type { DbOrTx } from '../storage/database'
import { newId } from '../storage/ids'
import type { PlanEvents } from '../sync/plan-events'

export interface NewNotification {
  workspaceId: string
  userId: string
  kind: NotificationKind
  actorId: string | null
  planId?: string | null
  sectionId?: string | null
  threadId?: string | null
  commentId?: string | null
  departmentId?: string | null
  excerpt: string
}

/**
 * Put items in inboxes: nobody is told about what they did themselves, and each person gets one item
 * per change (the first given wins, so list mentions before replies). Returns who was notified.
 */
export async function notify(db: DbOrTx, items: readonly NewNotification[]): Promise<NewNotification[]> {
  const seen = new Set<string>()
  const kept = items.filter((n) => {
    if (n.userId === n.actorId || seen.has(n.userId)) return false
    seen.add(n.userId)
    return true
  })
  if (kept.length === 0) return []
  const now = Date.now()
  await db
    .insertInto('notifications')
    .values(
      kept.map((n) => ({
        id: newId(),
        workspace_id: n.workspaceId,
        user_id: n.userId,
        kind: n.kind,
        actor_id: n.actorId,
        plan_id: n.planId ?? null,
        section_id: n.sectionId ?? null,
        thread_id: n.threadId ?? null,
        comment_id: n.commentId ?? null,
        department_id: n.departmentId ?? null,
        excerpt: n.excerpt,
        created_at: now,
        read_at: null,
      })),
    )
    .execute()
  return kept
}

/** Tell each person's open connections that their inbox changed (after the change is committed). */
export function announceInboxes(planEvents: PlanEvents, workspaceId: string, userIds: Iterable<string>) {
  for (const userId of new Set(userIds)) planEvents.publish({ kind: 'notifications', workspaceId, userId })
}

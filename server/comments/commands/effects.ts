import type { NewActivity } from '../../activity/record'
import type { NewNotification } from '../../notifications/notify'
import type { SectionContext } from '../../plan-context'
import type { PlanEvent } from '../../sync/plan-events'
import type { ThreadRow } from '../tables'

/** Where a comment change happened, as the activity log records it. */
export const commentActivity = (
  ctx: SectionContext,
  event: Pick<NewActivity, 'kind' | 'actorId' | 'details'>,
): NewActivity => ({
  workspaceId: ctx.plan.workspace_id,
  planId: ctx.plan.id,
  departmentId: ctx.section.owner_department_id,
  sectionId: ctx.section.id,
  ...event,
})

/** What every inbox item about a thread carries. */
export const threadNotification = (ctx: SectionContext, thread: ThreadRow, actorId: string) =>
  ({
    workspaceId: ctx.plan.workspace_id,
    actorId,
    planId: ctx.plan.id,
    sectionId: ctx.section.id,
    threadId: thread.id,
  }) satisfies Partial<NewNotification>

/** The section's clients refetch its comments. */
export const commentsChanged = (ctx: SectionContext): PlanEvent => ({
  kind: 'comments',
  workspaceId: ctx.plan.workspace_id,
  planId: ctx.plan.id,
  sectionId: ctx.section.id,
})

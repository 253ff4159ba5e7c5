import type { ActivityKind } from '../../shared/activity/schema'
import type { DbOrTx } from '../storage/database'

export interface NewActivity {
  workspaceId: string
  planId: string | null
  departmentId?: string | null
  sectionId?: string | null
  kind: ActivityKind
  actorId: string | null
  /** Names as they were (a section title, a department name) so the feed reads right after renames and removals. */
  details?: Record<string, unknown>
}

/** Append to the activity log; callers run it inside the transaction of the change it records. */
export async function recordActivity(db: DbOrTx, event: NewActivity): Promise<void> {
  await db
    .insertInto('activity_events')
    .values({
      workspace_id: event.workspaceId,
      plan_id: event.planId,
      department_id: event.departmentId ?? null,
      section_id: event.sectionId ?? null,
      kind: event.kind,
      actor_id: event.actorId,
      details: JSON.stringify(event.details ?? {}),
      created_at: Date.now(),
    })
    .execute()
}

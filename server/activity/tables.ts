import type { Generated, Selectable } from 'kysely'
import type { ActivityKind } from '../../shared/activity/schema'

/** The activity log: who did what, when, on what. Kept when what it was about is gone. */
export interface ActivityEventsTable {
  /** Increasing: the order events were recorded in, and the feed's page cursor. */
  id: Generated<number>
  workspace_id: string
  /** null for workspace events (membership and roles), which every plan's feed shows. */
  plan_id: string | null
  department_id: string | null
  section_id: string | null
  kind: ActivityKind
  /** null when the server did it on its own. */
  actor_id: string | null
  /** JSON object with what the kind needs (ids, before and after, a reason); never a comment's text. */
  details: string
  created_at: number
}

export type ActivityRow = Selectable<ActivityEventsTable>

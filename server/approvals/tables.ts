import type { Selectable } from 'kysely'
import type { ApprovalState } from '../../shared/plan-model/schema'

/** Where one department's objectives stand in one plan; no row means draft. */
export interface ApprovalsTable {
  plan_id: string
  department_id: string
  workspace_id: string
  state: ApprovalState
  submitted_by: string | null
  submitted_at: number | null
  /** Canonical JSON of the objectives the last decision was made on (for an approval: what was approved). */
  snapshot: string | null
  /** SHA-256 of `snapshot`. */
  hash: string | null
  decided_by: string | null
  decided_at: number | null
  reason: string | null
  stale_at: number | null
  updated_at: number
}

export type ApprovalRow = Selectable<ApprovalsTable>

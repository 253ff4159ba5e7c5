import type { Selectable } from 'kysely'
import type { SectionKind } from '../../shared/plans/catalog'

export interface PlansTable {
  id: string
  workspace_id: string
  title: string
  created_by: string
  created_at: number
  updated_at: number
  /** Set while the plan is archived: readable, refusing every write. */
  archived_at: number | null
}

export interface SectionsTable {
  id: string
  plan_id: string
  workspace_id: string
  kind: SectionKind
  title: string
  owner_department_id: string | null
  position: number
  created_at: number
  archived_at: number | null
}

export type PlanRow = Selectable<PlansTable>
export type SectionRow = Selectable<SectionsTable>

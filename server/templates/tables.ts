import type { Selectable } from 'kysely'

/** A workspace's own templates: a plan's content saved to start new plans from. */
export interface WorkspaceTemplatesTable {
  id: string
  workspace_id: string
  name: string
  description: string
  /** JSON of `TemplateData` (shared/templates/saved.ts). */
  data: string
  source_plan_id: string | null
  created_by: string
  created_at: number
}

export type WorkspaceTemplateRow = Selectable<WorkspaceTemplatesTable>

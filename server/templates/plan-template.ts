import { findTemplate } from '../../shared/templates/catalog'
import type { PlanTemplate } from '../../shared/templates/schema'
import { TemplateData, savedTemplatePlan } from '../../shared/templates/saved'
import type { DbOrTx } from '../storage/database'
import { listDepartments } from '../workspaces/repo'
import { findWorkspaceTemplate } from './repo'

/**
 * What a new plan of this workspace starts from: null for blank, a built-in example, or one of the
 * workspace's own templates (found by the names of its departments as they are now); undefined when
 * the workspace has no such template.
 */
export async function planTemplateFor(
  db: DbOrTx,
  workspaceId: string,
  templateId: string,
): Promise<PlanTemplate | null | undefined> {
  const builtIn = findTemplate(templateId)
  if (builtIn !== undefined) return builtIn
  const row = await findWorkspaceTemplate(db, workspaceId, templateId)
  if (!row) return undefined
  const data = TemplateData.parse(JSON.parse(row.data))
  return savedTemplatePlan(
    { id: row.id, name: row.name, description: row.description },
    data,
    await listDepartments(db, workspaceId),
  )
}

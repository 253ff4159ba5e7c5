import { LIMITS } from '../../../shared/limits'
import { readSectionFill } from '../../../shared/templates/instantiate'
import { TemplateData } from '../../../shared/templates/saved'
import { type CommandServices, runCommand } from '../../after-commit'
import { conflict } from '../../http/errors'
import { liveSections } from '../../plans/repo'
import type { PlanRow } from '../../plans/tables'
import { newId } from '../../storage/ids'
import type { DocumentHub } from '../../sync/hub'
import { listDepartments } from '../../workspaces/repo'
import { countWorkspaceTemplates } from '../repo'
import type { WorkspaceTemplateRow } from '../tables'

/**
 * Save what every live section of the plan holds now — structured fields and rich text — as a
 * template of its workspace. An archived plan can be saved: saving changes nothing in it.
 */
export async function savePlanAsTemplate(
  services: CommandServices & { hub: DocumentHub },
  input: { plan: PlanRow; name: string; actorId: string },
): Promise<WorkspaceTemplateRow> {
  const { plan, name, actorId } = input
  const [departments, sections] = await Promise.all([
    listDepartments(services.db, plan.workspace_id),
    liveSections(services.db, plan.id),
  ])
  const saved = await Promise.all(
    sections.map((s) =>
      services.hub.read(s.id, (doc) => ({
        id: s.id,
        kind: s.kind,
        title: s.title,
        ownerDepartmentId: s.owner_department_id,
        ...readSectionFill(doc, s.kind),
      })),
    ),
  )
  // The same schema checks it again when a plan is made from it.
  const data = TemplateData.parse({ departments: departments.map(({ id, name }) => ({ id, name })), sections: saved })
  const row: WorkspaceTemplateRow = {
    id: newId(),
    workspace_id: plan.workspace_id,
    name,
    description: `Saved from “${plan.title}”, every section as it was written then.`,
    data: JSON.stringify(data),
    source_plan_id: plan.id,
    created_by: actorId,
    created_at: Date.now(),
  }
  return runCommand(services, async (trx) => {
    if ((await countWorkspaceTemplates(trx, plan.workspace_id)) >= LIMITS.templatesPerWorkspace)
      throw conflict(
        'too_many_templates',
        `A workspace keeps at most ${LIMITS.templatesPerWorkspace} templates: delete one to save another.`,
      )
    await trx.insertInto('workspace_templates').values(row).execute()
    const activity = {
      workspaceId: plan.workspace_id,
      planId: plan.id,
      kind: 'plan_saved_as_template' as const,
      actorId,
      details: { templateId: row.id, templateName: name, planTitle: plan.title },
    }
    return { result: row, effects: { activity: [activity] } }
  })
}

import type { PlanTemplate } from '../../../shared/templates/schema'
import { recordActivity } from '../../activity/record'
import { planSections } from '../../../shared/templates/instantiate'
import type { Storage } from '../../storage/db'
import { newId } from '../../storage/ids'
import type { DocumentHub } from '../../sync/hub'
import { writeTemplateContent } from '../../templates/write-content'
import { listDepartments } from '../../workspaces/repo'
import { insertSections } from '../repo'
import type { PlanRow } from '../tables'

export interface StartPlanInput {
  workspaceId: string
  title: string
  /** null: a blank plan. */
  template: PlanTemplate | null
  createdBy: string
}

/**
 * A new plan with every section of the six steps for the workspace's departments, filled from the
 * template when there is one. The rows are one transaction; the content is then written through the
 * hub like any server change (stored, broadcast to whoever opened a section meanwhile). Who started
 * it, and from which template, is the first entry of its activity log.
 */
export async function startPlan({ db, hub }: { db: Storage['db']; hub: DocumentHub }, input: StartPlanInput) {
  const now = Date.now()
  const plan: PlanRow = {
    id: newId(),
    workspace_id: input.workspaceId,
    title: input.title,
    created_by: input.createdBy,
    created_at: now,
    updated_at: now,
    archived_at: null,
  }
  const planned = await db.transaction().execute(async (trx) => {
    await trx.insertInto('plans').values(plan).execute()
    const sections = planSections(input.template, await listDepartments(trx, plan.workspace_id), newId)
    await insertSections(trx, plan, sections)
    const { template } = input
    await recordActivity(trx, {
      workspaceId: plan.workspace_id,
      planId: plan.id,
      kind: 'plan_created',
      actorId: input.createdBy,
      details: template ? { templateId: template.id, templateName: template.name } : {},
    })
    return sections
  })
  await writeTemplateContent(hub, planned)
  return plan
}

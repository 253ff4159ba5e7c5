import { newPlanSections } from '../../../shared/plans/catalog'
import { type CommandServices, runCommand } from '../../after-commit'
import { newId } from '../../storage/ids'
import { listDepartments } from '../../workspaces/repo'
import { insertSections } from '../repo'
import type { PlanRow } from '../tables'

/** A new plan with the sections every plan has (an Objectives section per department). */
export function createPlan(
  services: CommandServices,
  input: { workspaceId: string; title: string; createdBy: string },
): Promise<PlanRow> {
  const now = Date.now()
  const plan: PlanRow = {
    id: newId(),
    workspace_id: input.workspaceId,
    title: input.title,
    created_by: input.createdBy,
    created_at: now,
    updated_at: now,
  }
  return runCommand(services, async (trx) => {
    await trx.insertInto('plans').values(plan).execute()
    await insertSections(trx, plan, newPlanSections(await listDepartments(trx, plan.workspace_id)))
    return { result: plan, effects: {} }
  })
}

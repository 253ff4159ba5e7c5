import type { AccessEvents } from '../../access-events'
import { type CommandServices, runCommand } from '../../after-commit'
import { releaseDepartmentSections } from '../../plans/repo'

export interface RemoveDepartmentInput {
  workspaceId: string
  departmentId: string
}

/**
 * A department goes: its Objectives sections are archived, the other sections it owned become shared,
 * its members leave it; open connections of the workspace look at their access again.
 */
export async function removeDepartment(
  services: CommandServices & { access: AccessEvents },
  { workspaceId, departmentId }: RemoveDepartmentInput,
): Promise<void> {
  await runCommand(services, async (trx) => {
    await releaseDepartmentSections(trx, departmentId)
    await trx.deleteFrom('member_departments').where('department_id', '=', departmentId).execute()
    await trx.deleteFrom('departments').where('id', '=', departmentId).execute()
    return { result: undefined, effects: {} }
  })
  services.access.emit('workspaceChanged', { workspaceId })
}

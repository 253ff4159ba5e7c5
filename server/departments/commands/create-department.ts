import { type CommandServices, runCommand } from '../../after-commit'
import { addObjectivesToAllPlans } from '../../plans/repo'
import { newId } from '../../storage/ids'

export interface CreateDepartmentInput {
  workspaceId: string
  name: string
  /** After the workspace's last department. */
  position: number
}

/** A new department, with an Objectives section in every plan of the workspace. */
export function createDepartment(services: CommandServices, input: CreateDepartmentInput): Promise<void> {
  const department = { id: newId(), name: input.name, position: input.position }
  return runCommand(services, async (trx) => {
    await trx
      .insertInto('departments')
      .values({ ...department, workspace_id: input.workspaceId, created_at: Date.now() })
      .execute()
    await addObjectivesToAllPlans(trx, input.workspaceId, department)
    return { result: undefined, effects: {} }
  })
}

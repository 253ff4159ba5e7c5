import type { Department } from '../../../shared/workspaces/schema'
import { type CommandServices, runCommand } from '../../after-commit'
import { retitleObjectives } from '../../plans/repo'

/** A department's new name, and its Objectives sections' titles with it. */
export function renameDepartment(services: CommandServices, department: Department, name: string): Promise<void> {
  return runCommand(services, async (trx) => {
    await trx.updateTable('departments').set({ name }).where('id', '=', department.id).execute()
    await retitleObjectives(trx, { ...department, name })
    return { result: undefined, effects: {} }
  })
}

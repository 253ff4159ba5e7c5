import { type CommandServices, runCommand } from '../../after-commit'
import { insertSections } from '../../plans/repo'
import type { PlanRow, SectionRow } from '../../plans/tables'

export type AddNetworkInput =
  /** A removed network comes back with its owner and its content. */
  | { plan: PlanRow; restore: SectionRow }
  | { plan: PlanRow; name: string; ownerDepartmentId: string | null; position: number }

/** A network section in the plan, new or restored; the plan counts as changed. */
export function addNetworkSection(services: CommandServices, input: AddNetworkInput): Promise<void> {
  return runCommand(services, async (trx) => {
    if ('restore' in input)
      await trx.updateTable('sections').set({ archived_at: null }).where('id', '=', input.restore.id).execute()
    else
      await insertSections(trx, input.plan, [
        { kind: 'network', title: input.name, ownerDepartmentId: input.ownerDepartmentId, position: input.position },
      ])
    await trx.updateTable('plans').set({ updated_at: Date.now() }).where('id', '=', input.plan.id).execute()
    return { result: undefined, effects: {} }
  })
}

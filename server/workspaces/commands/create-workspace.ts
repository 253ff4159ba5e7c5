import { DEFAULT_DEPARTMENTS } from '../../../shared/workspaces/roles'
import { type CommandServices, runCommand } from '../../after-commit'
import { newId } from '../../storage/ids'
import { type CallerMembership, addMember, requireMembership } from '../repo'

/** A new workspace with the default departments, its creator its owner. */
export function createWorkspace(services: CommandServices, name: string, ownerId: string): Promise<CallerMembership> {
  const now = Date.now()
  const workspaceId = newId()
  return runCommand(services, async (trx) => {
    await trx.insertInto('workspaces').values({ id: workspaceId, name, created_by: ownerId, created_at: now }).execute()
    await trx
      .insertInto('departments')
      .values(
        DEFAULT_DEPARTMENTS.map((d, position) => ({
          id: newId(),
          workspace_id: workspaceId,
          name: d,
          position,
          created_at: now,
        })),
      )
      .execute()
    await addMember(trx, workspaceId, ownerId, 'owner', [])
    return { result: await requireMembership(trx, workspaceId, ownerId), effects: {} }
  })
}

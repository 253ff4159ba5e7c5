import type { DbOrTx } from '../../storage/database'
import { type CallerMembership, lockWorkspaceMembers, requireMembership } from '../repo'

/**
 * The actor as they are at this moment, with the workspace's members locked until the transaction
 * ends: a change that raced this one (the actor demoted, the other owner gone) is seen, not missed.
 */
export async function lockedActor(trx: DbOrTx, caller: CallerMembership): Promise<CallerMembership> {
  await lockWorkspaceMembers(trx, caller.workspaceId)
  return requireMembership(trx, caller.workspaceId, caller.userId)
}

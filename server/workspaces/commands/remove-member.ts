import { canChangeMember } from '../../../shared/workspaces/permissions'
import { type CommandServices, runCommand } from '../../after-commit'
import { conflict, forbidden, notFound } from '../../http/errors'
import { type CallerMembership, countOwners, findMembership } from '../repo'
import { lockedActor } from './locked-actor'

/** Remove a member (or let a member leave). The last owner cannot go. */
export function removeMember(services: CommandServices, caller: CallerMembership, targetUserId: string): Promise<void> {
  return runCommand(services, async (trx) => {
    const actor = await lockedActor(trx, caller)
    const target = await findMembership(trx, actor.workspaceId, targetUserId)
    if (!target) throw notFound('The member')
    const leaving = targetUserId === actor.userId
    if (!leaving && !canChangeMember(actor, target)) throw forbidden('Only owners and admins can remove members.')
    if (target.role === 'owner' && (await countOwners(trx, actor.workspaceId)) <= 1) {
      throw conflict('last_owner', 'The last owner cannot be removed. Make someone else owner first.')
    }
    await trx
      .deleteFrom('member_departments')
      .where('workspace_id', '=', actor.workspaceId)
      .where('user_id', '=', targetUserId)
      .execute()
    await trx
      .deleteFrom('memberships')
      .where('workspace_id', '=', actor.workspaceId)
      .where('user_id', '=', targetUserId)
      .execute()
    return { result: undefined, effects: {} }
  })
}

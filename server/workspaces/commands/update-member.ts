import type { UpdateMemberBody } from '../../../shared/workspaces/schema'
import { canChangeMember, canLead } from '../../../shared/workspaces/permissions'
import { type CommandServices, runCommand } from '../../after-commit'
import { ApiError, conflict, forbidden, notFound } from '../../http/errors'
import { type CallerMembership, countOwners, findMembership, listDepartments, setMemberDepartments } from '../repo'
import { lockedActor } from './locked-actor'

/**
 * Change a member's role, departments and leads as one command. Leads must be editors or above and
 * belong to the department they lead; the last owner keeps their role.
 */
export function updateMember(
  services: CommandServices,
  caller: CallerMembership,
  targetUserId: string,
  change: UpdateMemberBody,
): Promise<CallerMembership> {
  return runCommand(services, async (trx) => {
    const actor = await lockedActor(trx, caller)
    const target = await findMembership(trx, actor.workspaceId, targetUserId)
    if (!target) throw notFound('The member')
    if (!canChangeMember(actor, target, change.role)) {
      throw forbidden(
        target.role === 'owner' || change.role === 'owner'
          ? 'Only an owner can change owners.'
          : 'Only owners and admins can change members.',
      )
    }
    const role = change.role ?? target.role
    if (target.role === 'owner' && role !== 'owner' && (await countOwners(trx, actor.workspaceId)) <= 1) {
      throw conflict('last_owner', 'A workspace needs at least one owner. Make someone else owner first.')
    }
    const known = new Set((await listDepartments(trx, actor.workspaceId)).map((d) => d.id))
    const unknown = [...(change.departmentIds ?? []), ...(change.leadOf ?? [])].find((id) => !known.has(id))
    if (unknown) throw new ApiError(400, 'unknown_department', `Department ${unknown} is not in this workspace.`)

    // A demotion below editor drops the leads it can no longer hold, unless leads were sent explicitly.
    const leadOf = change.leadOf ?? (canLead(role) ? target.leadOf : [])
    if (leadOf.length > 0 && !canLead(role)) {
      throw new ApiError(400, 'lead_requires_editor', 'A department lead must be an editor, admin or owner.')
    }
    const departmentIds = change.departmentIds ?? target.departmentIds
    if (change.role)
      await trx
        .updateTable('memberships')
        .set({ role })
        .where('workspace_id', '=', actor.workspaceId)
        .where('user_id', '=', targetUserId)
        .execute()
    await setMemberDepartments(trx, actor.workspaceId, targetUserId, departmentIds, leadOf)
    // Its activity and its effect on open sockets follow from the access event the route emits, with
    // the membership as this transaction left it.
    return { result: (await findMembership(trx, actor.workspaceId, targetUserId))!, effects: {} }
  })
}

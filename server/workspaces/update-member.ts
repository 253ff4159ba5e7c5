import type { UpdateMemberBody } from '../../shared/workspaces/schema'
import { canChangeMember, canLead } from '../../shared/workspaces/permissions'
import { ApiError, conflict, forbidden, notFound } from '../http/errors'
import type { Transaction } from 'kysely'
import type { Database, Db } from '../storage/database'
import {
  type CallerMembership,
  countOwners,
  findMembership,
  listDepartments,
  lockWorkspaceMembers,
  requireMembership,
  setMemberDepartments,
} from './repo'

/**
 * The actor as they are at this moment, with the workspace's members locked until the transaction
 * ends: a change that raced this one (the actor demoted, the other owner gone) is seen, not missed.
 */
async function lockedActor(trx: Transaction<Database>, caller: CallerMembership): Promise<CallerMembership> {
  await lockWorkspaceMembers(trx, caller.workspaceId)
  return requireMembership(trx, caller.workspaceId, caller.userId)
}

/**
 * Change a member's role, departments and leads as one command. Leads must be editors or above and
 * belong to the department they lead; the last owner keeps their role.
 */
export async function updateMember(
  db: Db,
  caller: CallerMembership,
  targetUserId: string,
  change: UpdateMemberBody,
): Promise<void> {
  await db.transaction().execute(async (trx) => {
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
  })
}

/** Remove a member (or let a member leave). The last owner cannot go. */
export async function removeMember(db: Db, caller: CallerMembership, targetUserId: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
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
  })
}

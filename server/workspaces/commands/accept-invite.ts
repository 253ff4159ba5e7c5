import type { AccessEvents } from '../../access-events'
import { type CommandServices, runCommand } from '../../after-commit'
import { addMember, findMembership, listDepartments } from '../repo'
import type { InviteRow } from '../tables'

/**
 * Join a workspace through a pending invite, in the role and the departments (those still there) it
 * names. Single use even under a race: only the request that flips used_at joins; false for the others.
 */
export async function acceptInvite(
  services: CommandServices & { access: AccessEvents },
  invite: InviteRow,
  userId: string,
): Promise<boolean> {
  const joined = await runCommand(services, async (trx) => {
    const claimed = await trx
      .updateTable('invites')
      .set({ used_at: Date.now(), used_by: userId })
      .where('id', '=', invite.id)
      .where('used_at', 'is', null)
      .where('revoked_at', 'is', null)
      .where('expires_at', '>', Date.now())
      .executeTakeFirst()
    if (Number(claimed.numUpdatedRows) !== 1) return { result: null, effects: {} }
    const known = new Set((await listDepartments(trx, invite.workspace_id)).map((d) => d.id))
    const departmentIds = (JSON.parse(invite.department_ids) as string[]).filter((d) => known.has(d))
    await addMember(trx, invite.workspace_id, userId, invite.role, departmentIds)
    return { result: await findMembership(trx, invite.workspace_id, userId), effects: {} }
  })
  if (joined)
    services.access.emit('memberChanged', {
      workspaceId: invite.workspace_id,
      userId,
      removed: false,
      by: userId,
      before: null,
      after: joined,
    })
  return joined !== null
}

import { type CommandServices, runCommand } from '../../after-commit'
import type { PlanRow } from '../../plans/tables'

/** Revoke an active link of the plan; false when there is none to revoke. */
export function revokeShare(
  services: CommandServices,
  input: { plan: PlanRow; shareId: string; revokedBy: string },
): Promise<boolean> {
  const { plan, revokedBy } = input
  return runCommand(services, async (trx) => {
    const row = await trx
      .updateTable('share_links')
      .set({ revoked_at: Date.now(), revoked_by: revokedBy })
      .where('id', '=', input.shareId)
      .where('plan_id', '=', plan.id)
      .where('revoked_at', 'is', null)
      .returning('scope')
      .executeTakeFirst()
    if (!row) return { result: false, effects: {} }
    const activity = {
      workspaceId: plan.workspace_id,
      planId: plan.id,
      kind: 'share_revoked' as const,
      actorId: revokedBy,
      details: { scope: row.scope },
    }
    return { result: true, effects: { activity: [activity] } }
  })
}

import { type CommandServices, runCommand } from '../../after-commit'

/** Revoke a pending invite of the workspace; false when there is none to revoke. */
export function revokeInvite(services: CommandServices, workspaceId: string, inviteId: string): Promise<boolean> {
  return runCommand(services, async (trx) => {
    const result = await trx
      .updateTable('invites')
      .set({ revoked_at: Date.now() })
      .where('id', '=', inviteId)
      .where('workspace_id', '=', workspaceId)
      .where('revoked_at', 'is', null)
      .executeTakeFirst()
    return { result: Number(result.numUpdatedRows) > 0, effects: {} }
  })
}

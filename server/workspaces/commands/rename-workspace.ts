import { type CommandServices, runCommand } from '../../after-commit'

export function renameWorkspace(services: CommandServices, workspaceId: string, name: string): Promise<void> {
  return runCommand(services, async (trx) => {
    await trx.updateTable('workspaces').set({ name }).where('id', '=', workspaceId).execute()
    return { result: undefined, effects: {} }
  })
}

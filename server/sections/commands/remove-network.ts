import type { AccessEvents } from '../../access-events'
import { type CommandServices, runCommand } from '../../after-commit'
import type { SectionRow } from '../../plans/tables'

/** A network section is archived (its content stays); its open editors turn read-only at once. */
export async function removeNetworkSection(
  services: CommandServices & { access: AccessEvents },
  section: SectionRow,
): Promise<void> {
  await runCommand(services, async (trx) => {
    await trx.updateTable('sections').set({ archived_at: Date.now() }).where('id', '=', section.id).execute()
    return { result: undefined, effects: {} }
  })
  services.access.emit('workspaceChanged', { workspaceId: section.workspace_id })
}

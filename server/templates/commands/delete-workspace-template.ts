import { type CommandServices, runCommand } from '../../after-commit'
import type { WorkspaceTemplateRow } from '../tables'

/** Delete one of a workspace's templates; plans made from it keep their content. */
export async function deleteWorkspaceTemplate(
  services: CommandServices,
  input: { template: WorkspaceTemplateRow; actorId: string },
): Promise<void> {
  const { template, actorId } = input
  await runCommand(services, async (trx) => {
    await trx.deleteFrom('workspace_templates').where('id', '=', template.id).execute()
    // In the feed of the plan it came from while that plan exists, else in the workspace's.
    const activity = {
      workspaceId: template.workspace_id,
      planId: template.source_plan_id,
      kind: 'template_deleted' as const,
      actorId,
      details: { templateId: template.id, templateName: template.name },
    }
    return { result: undefined, effects: { activity: [activity] } }
  })
}

import { type CommandServices, runCommand } from '../../after-commit'
import type { SectionContext } from '../../plan-context'
import type { DocumentHub } from '../../sync/hub'
import type { VersionRow } from '../tables'
import { capture, insertVersion } from '../versions'

/** A named version of a section as it is now (open or not). */
export async function nameVersion(
  services: CommandServices & { hub: DocumentHub },
  input: { ctx: SectionContext; name: string; createdBy: string },
): Promise<VersionRow> {
  const { ctx, name, createdBy } = input
  const captured = await services.hub.read(ctx.section.id, capture)
  return runCommand(services, async (trx) => {
    const row = await insertVersion(trx, ctx.section, captured, { kind: 'named', name, createdBy })
    const activity = {
      workspaceId: ctx.plan.workspace_id,
      planId: ctx.plan.id,
      departmentId: ctx.section.owner_department_id,
      sectionId: ctx.section.id,
      kind: 'version_named' as const,
      actorId: createdBy,
      details: { versionId: row.id, name, sectionTitle: ctx.section.title },
    }
    return { result: row, effects: { activity: [activity] } }
  })
}

import { type CommandServices, runCommand } from '../../after-commit'
import type { PlanContext } from '../../plan-context'
import { liveSections } from '../../plans/repo'
import { newId } from '../../storage/ids'
import type { DocumentHub } from '../../sync/hub'
import type { VersionRow } from '../tables'
import { capture, insertVersion } from '../versions'

/** One named version of every live section of the plan, taken together under one plan version id. */
export async function namePlanVersion(
  services: CommandServices & { hub: DocumentHub },
  input: { ctx: PlanContext; name: string; createdBy: string },
): Promise<{ planVersionId: string; createdAt: number; rows: VersionRow[] }> {
  const { ctx, name, createdBy } = input
  const sections = await liveSections(services.db, ctx.plan.id)
  const captured = await Promise.all(sections.map((s) => services.hub.read(s.id, capture)))
  const planVersionId = newId()
  const createdAt = Date.now()
  return runCommand(services, async (trx) => {
    const rows = []
    for (const [i, s] of sections.entries()) {
      rows.push(
        await insertVersion(trx, s, captured[i]!, { kind: 'named', name, planVersionId, createdBy, at: createdAt }),
      )
    }
    const activity = {
      workspaceId: ctx.plan.workspace_id,
      planId: ctx.plan.id,
      kind: 'version_named' as const,
      actorId: createdBy,
      details: { planVersionId, name, wholePlan: true, sections: sections.length },
    }
    return { result: { planVersionId, createdAt, rows }, effects: { activity: [activity] } }
  })
}

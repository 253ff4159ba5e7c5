import { recordActivity } from '../../activity/record'
import type { DbOrTx } from '../../storage/database'
import type { DocumentHub } from '../../sync/hub'
import type { PlanRow } from '../tables'

/**
 * Delete a plan and everything of it (sections, their update logs, comments, approvals, history and
 * links go with it: ON DELETE CASCADE). Its open sockets are closed by the caller (`planDeleted`). The deletion itself stays in the workspace's activity log.
 */
export async function deletePlan(
  { db, hub }: { db: DbOrTx; hub: DocumentHub },
  input: { plan: PlanRow; actorId: string },
) {
  const { plan, actorId } = input
  // Its documents leave memory first, so nothing of them is stored after the rows are gone.
  const sections = await db.selectFrom('sections').select('id').where('plan_id', '=', plan.id).execute()
  await hub.discard(sections.map((s) => s.id))
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('plans').where('id', '=', plan.id).execute()
    await recordActivity(trx, {
      workspaceId: plan.workspace_id,
      planId: null,
      kind: 'plan_deleted',
      actorId,
      details: { planTitle: plan.title, planId: plan.id },
    })
  })
}

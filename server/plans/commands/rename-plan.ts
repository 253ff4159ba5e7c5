import { recordActivity } from '../../activity/record'
import type { DbOrTx } from '../../storage/database'
import type { PlanRow } from '../tables'

/** Give a plan a new title, in the activity log with the old one. */
export async function renamePlan(db: DbOrTx, input: { plan: PlanRow; title: string; actorId: string }) {
  const { plan, title, actorId } = input
  if (title === plan.title) return plan
  const renamed = { ...plan, title, updated_at: Date.now() }
  await db.transaction().execute(async (trx) => {
    await trx.updateTable('plans').set({ title, updated_at: renamed.updated_at }).where('id', '=', plan.id).execute()
    await recordActivity(trx, {
      workspaceId: plan.workspace_id,
      planId: plan.id,
      kind: 'plan_renamed',
      actorId,
      details: { from: plan.title, to: title },
    })
  })
  return renamed
}

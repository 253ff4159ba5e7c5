import { recordActivity } from '../../activity/record'
import type { DbOrTx } from '../../storage/database'
import type { PlanRow } from '../tables'

/**
 * Archive (read-only to everyone, out of the default list) or bring back a plan. Archiving an
 * archived plan changes nothing and logs nothing; `changed` says whether open connections must be told.
 */
export async function setPlanArchived(db: DbOrTx, input: { plan: PlanRow; archived: boolean; actorId: string }) {
  const { plan, archived, actorId } = input
  if ((plan.archived_at !== null) === archived) return { plan, changed: false }
  const now = Date.now()
  const next = { ...plan, archived_at: archived ? now : null }
  await db.transaction().execute(async (trx) => {
    await trx.updateTable('plans').set({ archived_at: next.archived_at }).where('id', '=', plan.id).execute()
    await recordActivity(trx, {
      workspaceId: plan.workspace_id,
      planId: plan.id,
      kind: archived ? 'plan_archived' : 'plan_unarchived',
      actorId,
      details: { planTitle: plan.title },
    })
  })
  return { plan: next, changed: true }
}

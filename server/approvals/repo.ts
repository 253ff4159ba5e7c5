import type { Updateable } from 'kysely'
import type { DbOrTx } from '../storage/database'
import type { ApprovalRow, ApprovalsTable } from './tables'

export interface ApprovalKey {
  planId: string
  departmentId: string
  workspaceId: string
}

export const findApproval = (db: DbOrTx, key: ApprovalKey) =>
  db
    .selectFrom('approvals')
    .selectAll()
    .where('plan_id', '=', key.planId)
    .where('department_id', '=', key.departmentId)
    .executeTakeFirst()

/**
 * Move an approval from the state it was read in: false when someone else moved it meanwhile (the
 * caller answers 409 rather than deciding on a state it never saw). No row means draft.
 */
export async function moveApproval(
  db: DbOrTx,
  key: ApprovalKey,
  from: ApprovalRow | undefined,
  values: Updateable<ApprovalsTable> & Pick<ApprovalRow, 'state' | 'updated_at'>,
): Promise<boolean> {
  if (!from) {
    const inserted = await db
      .insertInto('approvals')
      .values({
        plan_id: key.planId,
        department_id: key.departmentId,
        workspace_id: key.workspaceId,
        submitted_by: null,
        submitted_at: null,
        snapshot: null,
        hash: null,
        decided_by: null,
        decided_at: null,
        reason: null,
        stale_at: null,
        ...values,
      })
      .onConflict((oc) => oc.columns(['plan_id', 'department_id']).doNothing())
      .executeTakeFirst()
    return Number(inserted.numInsertedOrUpdatedRows ?? 0) === 1
  }
  const updated = await db
    .updateTable('approvals')
    .set(values)
    .where('plan_id', '=', key.planId)
    .where('department_id', '=', key.departmentId)
    .where('state', '=', from.state)
    .where('updated_at', '=', from.updated_at)
    .executeTakeFirst()
  return Number(updated.numUpdatedRows) === 1
}

export type ApprovalStates = Record<string, ApprovalRow['state']>

/** Each department's state from a plan's approval rows, for the health check and exports (a missing one is draft). */
export const statesOf = (rows: readonly Pick<ApprovalRow, 'department_id' | 'state'>[]): ApprovalStates =>
  Object.fromEntries(rows.map((r) => [r.department_id, r.state]))

/** Every approval row of a plan (a department without one is draft). */
export const approvalsOf = (db: DbOrTx, planId: string): Promise<ApprovalRow[]> =>
  db.selectFrom('approvals').selectAll().where('plan_id', '=', planId).execute()

export async function approvalStates(db: DbOrTx, planId: string): Promise<ApprovalStates> {
  return statesOf(await approvalsOf(db, planId))
}

/** Who decides on a department's objectives. */
export async function departmentLeads(db: DbOrTx, departmentId: string): Promise<string[]> {
  const leads = await db
    .selectFrom('member_departments')
    .select('user_id')
    .where('department_id', '=', departmentId)
    .where('is_lead', '=', 1)
    .execute()
  return leads.map((l) => l.user_id)
}

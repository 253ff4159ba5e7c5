import type { Db } from '../../storage/database'

/** Revokes the plan's feed; false when it had none. Its address answers 404 from now on. */
export async function revokeCalendarFeed(db: Db, input: { planId: string; now?: number }): Promise<boolean> {
  const result = await db
    .updateTable('calendar_feeds')
    .set({ revoked_at: input.now ?? Date.now() })
    .where('plan_id', '=', input.planId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst()
  return Number(result.numUpdatedRows) > 0
}

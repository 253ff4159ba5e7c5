import { generateSessionToken, hashToken } from '../../auth/sessions'
import type { Db } from '../../storage/database'
import { newId } from '../../storage/ids'

/**
 * Makes the plan's feed. One per plan: an earlier one is revoked in the same transaction, so a new
 * address always comes with a new token and the old one stops answering.
 */
export async function createCalendarFeed(db: Db, input: { planId: string; userId: string; now?: number }) {
  const now = input.now ?? Date.now()
  const token = generateSessionToken()
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('calendar_feeds')
      .set({ revoked_at: now })
      .where('plan_id', '=', input.planId)
      .where('revoked_at', 'is', null)
      .execute()
    await trx
      .insertInto('calendar_feeds')
      .values({
        id: newId(),
        plan_id: input.planId,
        token_hash: hashToken(token),
        created_by: input.userId,
        created_at: now,
        revoked_at: null,
      })
      .execute()
  })
  return { token }
}

import { hashToken } from '../auth/sessions'
import type { DbOrTx } from '../storage/database'
import type { CallerMembership } from '../workspaces/repo'

/** A link still open: not revoked, not expired. */
export const liveReviewLinkByToken = (db: DbOrTx, token: string, now = Date.now()) =>
  db
    .selectFrom('review_links')
    .selectAll()
    .where('token_hash', '=', hashToken(token))
    .where('revoked_at', 'is', null)
    .where((eb) => eb.or([eb('expires_at', 'is', null), eb('expires_at', '>', now)]))
    .executeTakeFirst()

/**
 * A guest's rights in the one plan their link opens: a commenter's (read, comment, suggest), and only
 * while the link is live. null for anyone else, and for any other plan.
 */
export async function guestMembership(
  db: DbOrTx,
  planId: string,
  userId: string,
  now = Date.now(),
): Promise<CallerMembership | null> {
  const row = await db
    .selectFrom('review_guests')
    .innerJoin('review_links', 'review_links.id', 'review_guests.link_id')
    .select(['review_links.workspace_id'])
    .where('review_guests.user_id', '=', userId)
    .where('review_guests.plan_id', '=', planId)
    .where('review_links.revoked_at', 'is', null)
    .where((eb) => eb.or([eb('review_links.expires_at', 'is', null), eb('review_links.expires_at', '>', now)]))
    .executeTakeFirst()
  if (!row) return null
  return { workspaceId: row.workspace_id, userId, role: 'commenter', departmentIds: [], leadOf: [] }
}

/** Whether a user is a guest (of any link): guests are rate-limited. */
export async function isGuest(db: DbOrTx, userId: string): Promise<boolean> {
  return !!(await db.selectFrom('review_guests').select('user_id').where('user_id', '=', userId).executeTakeFirst())
}

/** A link of this plan, revoked or not (revoking twice answers 404 in the command). */
export const reviewLinkOfPlan = (db: DbOrTx, planId: string, linkId: string) =>
  db.selectFrom('review_links').select('id').where('id', '=', linkId).where('plan_id', '=', planId).executeTakeFirst()
/** Who made a link, for the page that greets its guest. */
export async function linkCreatorName(db: DbOrTx, link: { created_by: string }): Promise<string> {
  const row = await db.selectFrom('users').select('name').where('id', '=', link.created_by).executeTakeFirst()
  return row?.name ?? 'A member'
}

import { generateSessionToken, hashToken } from '../../auth/sessions'
import type { PlanRow } from '../../plans/tables'
import type { Db } from '../../storage/database'
import { newId } from '../../storage/ids'
import type { ReviewLinkRow } from '../tables'

/** A new review link to a plan; the token is returned once and only its hash is kept. */
export async function createReviewLink(
  db: Db,
  input: { plan: PlanRow; createdBy: string; expiresAt: number | null },
): Promise<{ row: ReviewLinkRow; token: string }> {
  const token = generateSessionToken()
  const row: ReviewLinkRow = {
    id: newId(),
    workspace_id: input.plan.workspace_id,
    plan_id: input.plan.id,
    token_hash: hashToken(token),
    created_by: input.createdBy,
    created_at: Date.now(),
    expires_at: input.expiresAt,
    revoked_at: null,
  }
  await db.insertInto('review_links').values(row).execute()
  return { row, token }
}

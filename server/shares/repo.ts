import { hashToken } from '../auth/sessions'
import type { DbOrTx } from '../storage/database'

/** The active link a token opens, if any: the token is looked up by its hash, never stored. */
export const activeShareByToken = (db: DbOrTx, token: string) =>
  db
    .selectFrom('share_links')
    .selectAll()
    .where('token_hash', '=', hashToken(token))
    .where('revoked_at', 'is', null)
    .executeTakeFirst()

export const activeShares = (db: DbOrTx, planId: string) =>
  db
    .selectFrom('share_links')
    .selectAll()
    .where('plan_id', '=', planId)
    .where('revoked_at', 'is', null)
    .orderBy('created_at', 'desc')
    .execute()

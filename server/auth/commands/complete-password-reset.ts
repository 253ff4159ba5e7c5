import type { Db } from '../../storage/database'
import { hashToken } from '../sessions'

export interface CompletePasswordReset {
  token: string
  /** Already hashed (argon2 is slow; it stays outside the transaction). */
  passwordHash: string
  now?: number
}

/**
 * Uses the token (once, even under a race), sets the password and ends every session of the account.
 * Returns the ended sessions, so their live connections can be closed; null when the token is not valid.
 */
export async function completePasswordReset(
  db: Db,
  input: CompletePasswordReset,
): Promise<{ userId: string; endedSessionIds: string[] } | null> {
  const now = input.now ?? Date.now()
  return db.transaction().execute(async (trx) => {
    const claimed = await trx
      .updateTable('password_resets')
      .set({ used_at: now })
      .where('token_hash', '=', hashToken(input.token))
      .where('used_at', 'is', null)
      .where('expires_at', '>', now)
      .returning('user_id')
      .executeTakeFirst()
    if (!claimed) return null
    const userId = claimed.user_id
    await trx.updateTable('users').set({ password_hash: input.passwordHash }).where('id', '=', userId).execute()
    // Every other link of this account dies with this one.
    await trx
      .updateTable('password_resets')
      .set({ used_at: now })
      .where('user_id', '=', userId)
      .where('used_at', 'is', null)
      .execute()
    const sessions = await trx.deleteFrom('sessions').where('user_id', '=', userId).returning('id').execute()
    return { userId, endedSessionIds: sessions.map((s) => s.id) }
  })
}

import { enqueueMail } from '../../mail/outbox'
import type { Db } from '../../storage/database'
import { passwordResetMail, PASSWORD_RESET_TTL_MS } from '../password-reset-mail'
import { generateSessionToken, hashToken } from '../sessions'
import { findUserByEmail } from '../users'

export interface RequestPasswordReset {
  email: string
  /** Where links point (PUBLIC_URL or the request's origin). */
  origin: string
  now?: number
}

/**
 * Stores a single-use token (its hash) and queues the mail with the link, in one transaction.
 * Nothing is done, and nothing said, for an address without an account.
 */
export async function requestPasswordReset(db: Db, input: RequestPasswordReset): Promise<void> {
  const now = input.now ?? Date.now()
  await db.transaction().execute(async (trx) => {
    const user = await findUserByEmail(trx, input.email)
    if (!user) return
    const token = generateSessionToken()
    await trx
      .insertInto('password_resets')
      .values({
        token_hash: hashToken(token),
        user_id: user.id,
        created_at: now,
        expires_at: now + PASSWORD_RESET_TTL_MS,
        used_at: null,
      })
      .execute()
    const mail = passwordResetMail(user.name, `${input.origin}/reset-password/${token}`)
    await enqueueMail(trx, { ...mail, to: user.email, kind: 'password_reset' }, now)
  })
}

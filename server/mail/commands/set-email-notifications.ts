import type { Db } from '../../storage/database'
import { ensurePreferences } from '../preferences'
import type { EmailNotifications } from '../tables'

/**
 * Sets the person's choice. Choosing the daily digest starts its day now, so the first digest comes a
 * day later with what happened meanwhile.
 */
export async function setEmailNotifications(
  db: Db,
  input: { userId: string; emailNotifications: EmailNotifications; now?: number },
): Promise<EmailNotifications> {
  const now = input.now ?? Date.now()
  await db.transaction().execute(async (trx) => {
    const before = await ensurePreferences(trx, input.userId)
    await trx
      .updateTable('mail_preferences')
      .set({
        email_notifications: input.emailNotifications,
        ...(input.emailNotifications === 'daily' && before.email_notifications !== 'daily'
          ? { last_digest_at: now }
          : {}),
      })
      .where('user_id', '=', input.userId)
      .execute()
  })
  return input.emailNotifications
}

import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto'
import type { DbOrTx } from '../storage/database'
import type { EmailNotifications } from './tables'

export async function emailPreference(db: DbOrTx, userId: string): Promise<EmailNotifications> {
  const row = await db
    .selectFrom('mail_preferences')
    .select('email_notifications')
    .where('user_id', '=', userId)
    .executeTakeFirst()
  return row?.email_notifications ?? 'instant'
}

/** The person's row, made with the default choice the first time it is needed (it holds their signing key). */
export async function ensurePreferences(db: DbOrTx, userId: string) {
  await db
    .insertInto('mail_preferences')
    .values({
      user_id: userId,
      email_notifications: 'instant',
      unsubscribe_key: randomBytes(32).toString('hex'),
      last_digest_at: null,
    })
    .onConflict((oc) => oc.column('user_id').doNothing())
    .execute()
  return db.selectFrom('mail_preferences').selectAll().where('user_id', '=', userId).executeTakeFirstOrThrow()
}

const signature = (key: string, userId: string) =>
  createHmac('sha256', key).update(`unsubscribe:${userId}`).digest('base64url')

/** `userId.signature`: works without a session, only for this person, until their key changes. */
export const unsubscribeToken = (userId: string, key: string) => `${userId}.${signature(key, userId)}`

/** The user an unsubscribe token names, when its signature holds. */
export async function verifyUnsubscribeToken(db: DbOrTx, token: string): Promise<string | null> {
  const [userId, sig] = token.split('.')
  if (!userId || !sig) return null
  const row = await db
    .selectFrom('mail_preferences')
    .select('unsubscribe_key')
    .where('user_id', '=', userId)
    .executeTakeFirst()
  if (!row) return null
  const expected = Buffer.from(signature(row.unsubscribe_key, userId))
  const given = Buffer.from(sig)
  return expected.length === given.length && timingSafeEqual(expected, given) ? userId : null
}

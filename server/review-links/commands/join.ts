import { createSession, generateSessionToken } from '../../auth/sessions'
import type { SessionRow, UserRow } from '../../auth/tables'
import type { Db } from '../../storage/database'
import { newId } from '../../storage/ids'
import type { ReviewLinkRow } from '../tables'

/**
 * Whoever opens a review link and gives a name becomes a guest: a user row without membership or
 * password (it can never sign in), named "Name (guest)", with a session for this browser.
 */
export async function joinAsGuest(
  db: Db,
  input: { link: ReviewLinkRow; name: string },
): Promise<{ user: UserRow; session: SessionRow; token: string }> {
  const token = generateSessionToken()
  return db.transaction().execute(async (trx) => {
    const id = newId()
    const user: UserRow = {
      id,
      email: `guest-${id}@guests.invalid`,
      name: `${input.name} (guest)`,
      password_hash: '',
      created_at: Date.now(),
    }
    await trx.insertInto('users').values(user).execute()
    await trx
      .insertInto('review_guests')
      .values({ user_id: id, link_id: input.link.id, plan_id: input.link.plan_id, created_at: user.created_at })
      .execute()
    const session = await createSession(trx, token, id)
    return { user, session, token }
  })
}

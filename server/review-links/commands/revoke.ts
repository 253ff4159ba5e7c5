import type { Db } from '../../storage/database'

/** Revoke a link and end its guests' sessions; returns the ended session ids (their sockets close). */
export async function revokeReviewLink(db: Db, input: { linkId: string }): Promise<string[] | null> {
  return db.transaction().execute(async (trx) => {
    const { numUpdatedRows } = await trx
      .updateTable('review_links')
      .set({ revoked_at: Date.now() })
      .where('id', '=', input.linkId)
      .where('revoked_at', 'is', null)
      .executeTakeFirst()
    if (numUpdatedRows === 0n) return null
    const sessions = await trx
      .selectFrom('sessions')
      .innerJoin('review_guests', 'review_guests.user_id', 'sessions.user_id')
      .select('sessions.id')
      .where('review_guests.link_id', '=', input.linkId)
      .execute()
    const ids = sessions.map((s) => s.id)
    if (ids.length) await trx.deleteFrom('sessions').where('id', 'in', ids).execute()
    return ids
  })
}

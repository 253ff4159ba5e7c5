import type { DbOrTx } from '../storage/database'

/** Every query is by the person's own user id: everyone's inbox is their own. */
export interface Inbox {
  workspaceId: string
  userId: string
}

export async function unreadCount(db: DbOrTx, { workspaceId, userId }: Inbox): Promise<number> {
  const row = await db
    .selectFrom('notifications')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('workspace_id', '=', workspaceId)
    .where('user_id', '=', userId)
    .where('read_at', 'is', null)
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

/** A page of the inbox, newest first. */
export function inboxPage(
  db: DbOrTx,
  { workspaceId, userId }: Inbox,
  page: { unread?: 'true' | 'false'; before?: number; limit: number },
) {
  let query = db
    .selectFrom('notifications')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('user_id', '=', userId)
  if (page.unread === 'true') query = query.where('read_at', 'is', null)
  if (page.unread === 'false') query = query.where('read_at', 'is not', null)
  if (page.before !== undefined) query = query.where('created_at', '<', page.before)
  return query.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(page.limit).execute()
}

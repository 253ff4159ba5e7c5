import { type CommandServices, runCommand } from '../../after-commit'
import type { Inbox } from '../inbox'

/**
 * Mark the given items of the inbox read, or all of it; the person's other tabs update their badge.
 * False, with nothing marked, when an id is not in this inbox (someone else's item is simply not found).
 */
export function markRead(services: CommandServices, inbox: Inbox, ids?: readonly string[]): Promise<boolean> {
  return runCommand(services, async (trx) => {
    let unread = trx
      .updateTable('notifications')
      .set({ read_at: Date.now() })
      .where('workspace_id', '=', inbox.workspaceId)
      .where('user_id', '=', inbox.userId)
      .where('read_at', 'is', null)
    if (ids) {
      const wanted = [...new Set(ids)]
      const found = await trx
        .selectFrom('notifications')
        .select('id')
        .where('workspace_id', '=', inbox.workspaceId)
        .where('user_id', '=', inbox.userId)
        .where('id', 'in', wanted)
        .execute()
      if (found.length !== wanted.length) return { result: false, effects: {} }
      unread = unread.where('id', 'in', wanted)
    }
    await unread.execute()
    return { result: true, effects: { inboxes: { workspaceId: inbox.workspaceId, userIds: [inbox.userId] } } }
  })
}

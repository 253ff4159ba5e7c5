import type { DbOrTx } from '../storage/database'

export const listWorkspaceMail = (db: DbOrTx, workspaceId: string, limit = 100) =>
  db
    .selectFrom('mail_outbox')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .orderBy('created_at', 'desc')
    .limit(limit)
    .execute()

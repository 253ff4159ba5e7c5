import { hashToken } from '../auth/sessions'
import type { DbOrTx } from '../storage/database'
import type { InviteRow } from './tables'

export const inviteByToken = (db: DbOrTx, token: string): Promise<InviteRow | undefined> =>
  db.selectFrom('invites').selectAll().where('token_hash', '=', hashToken(token)).executeTakeFirst()

/** A workspace's latest invites, newest first. */
export const invitesOf = (db: DbOrTx, workspaceId: string): Promise<InviteRow[]> =>
  db
    .selectFrom('invites')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .orderBy('created_at', 'desc')
    .limit(200)
    .execute()

/** What an invite's landing page names: the workspace and who invited. */
export async function inviteNames(db: DbOrTx, row: InviteRow) {
  const ws = await db
    .selectFrom('workspaces')
    .select(['name'])
    .where('id', '=', row.workspace_id)
    .executeTakeFirstOrThrow()
  const inviter = await db.selectFrom('users').select(['name']).where('id', '=', row.created_by).executeTakeFirst()
  return { workspaceName: ws.name, invitedBy: inviter?.name ?? 'Someone' }
}

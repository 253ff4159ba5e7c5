import { hashToken } from '../auth/sessions'
import type { DbOrTx } from '../storage/database'

/** The plan's feed in use, if any. */
export const activeFeedOf = (db: DbOrTx, planId: string) =>
  db
    .selectFrom('calendar_feeds')
    .select('created_at')
    .where('plan_id', '=', planId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst()

/** The plan a feed address serves; undefined once revoked. */
export const planIdOfFeed = async (db: DbOrTx, token: string): Promise<string | undefined> =>
  (
    await db
      .selectFrom('calendar_feeds')
      .select(['plan_id'])
      .where('token_hash', '=', hashToken(token))
      .where('revoked_at', 'is', null)
      .executeTakeFirst()
  )?.plan_id

/** What a feed names besides the plan: its workspace, and who its members are (owners of entries). */
export async function feedWorkspace(db: DbOrTx, workspaceId: string) {
  const [workspace, people] = await Promise.all([
    db.selectFrom('workspaces').select('name').where('id', '=', workspaceId).executeTakeFirstOrThrow(),
    db
      .selectFrom('memberships')
      .innerJoin('users', 'users.id', 'memberships.user_id')
      .select(['users.id', 'users.name'])
      .where('memberships.workspace_id', '=', workspaceId)
      .execute(),
  ])
  return { name: workspace.name, names: new Map(people.map((p) => [p.id, p.name])) }
}

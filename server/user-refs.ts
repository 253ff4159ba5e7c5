import type { UserRef } from '../shared/comments/schema'
import type { DbOrTx } from './storage/database'

/** People by id, to show who did what; someone unknown reads as "Someone". */
export async function userRefs(
  db: DbOrTx,
  ids: Iterable<string | null | undefined>,
): Promise<(id: string | null | undefined) => UserRef | null> {
  const wanted = [...new Set([...ids].filter((id): id is string => typeof id === 'string'))]
  const rows = wanted.length
    ? await db.selectFrom('users').select(['id', 'name']).where('id', 'in', wanted).execute()
    : []
  const names = new Map(rows.map((r) => [r.id, r.name]))
  return (id) => (id ? { id, name: names.get(id) ?? 'Someone' } : null)
}

/** Which of these users are members of the workspace now. */
export async function currentMembers(db: DbOrTx, workspaceId: string, ids: Iterable<string>): Promise<Set<string>> {
  const wanted = [...new Set(ids)]
  if (wanted.length === 0) return new Set()
  const rows = await db
    .selectFrom('memberships')
    .select('user_id')
    .where('workspace_id', '=', workspaceId)
    .where('user_id', 'in', wanted)
    .execute()
  return new Set(rows.map((r) => r.user_id))
}

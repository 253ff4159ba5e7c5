import { mentionedIds } from '../../shared/comments/mentions'
import { LIMITS } from '../../shared/limits'
import { ApiError, invalid } from '../http/errors'
import type { DbOrTx } from '../storage/database'
import { currentMembers } from '../user-refs'

/**
 * Who a comment mentions: the `@[Name](userId)` markup in its text plus any ids sent in `mentions`.
 * Each must be a member of the workspace; nobody outside it can be named or notified.
 */
export async function resolveMentions(
  db: DbOrTx,
  workspaceId: string,
  body: string,
  explicit: readonly string[] = [],
): Promise<string[]> {
  const ids = [...new Set([...mentionedIds(body), ...explicit])]
  if (ids.length > LIMITS.mentionsPerComment)
    throw invalid('too_many_mentions', `A comment mentions at most ${LIMITS.mentionsPerComment} people.`)
  const members = await currentMembers(db, workspaceId, ids)
  const unknown = ids.find((id) => !members.has(id))
  if (unknown) throw new ApiError(400, 'unknown_member', `User ${unknown} is not a member of this workspace.`)
  return ids
}

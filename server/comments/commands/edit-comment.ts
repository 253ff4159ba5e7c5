import { commentExcerpt } from '../../../shared/comments/mentions'
import { type CommandServices, runCommand } from '../../after-commit'
import { findThread, parseMentions, type CommentContext } from '../repo'
import type { ThreadRow } from '../tables'
import { commentActivity, commentsChanged, threadNotification } from './effects'

export interface EditCommentInput {
  ctx: CommentContext
  editorId: string
  body: string
  /** Workspace members, already resolved from the body and the request. */
  mentions: readonly string[]
}

/**
 * New words for a comment. Inboxes show the comment as it reads now: the newly mentioned are told,
 * someone no longer mentioned loses that item.
 */
export async function editComment(services: CommandServices, input: EditCommentInput): Promise<ThreadRow> {
  const { ctx, editorId, mentions } = input
  const before = new Set(parseMentions(ctx.comment.mentions))
  const now = Date.now()
  await runCommand(services, async (trx) => {
    await trx
      .updateTable('comments')
      .set({ body: input.body, mentions: JSON.stringify(mentions), edited_at: now })
      .where('id', '=', ctx.comment.id)
      .execute()
    await trx.updateTable('comment_threads').set({ updated_at: now }).where('id', '=', ctx.thread.id).execute()
    await trx
      .updateTable('notifications')
      .set({ excerpt: commentExcerpt(input.body) })
      .where('comment_id', '=', ctx.comment.id)
      .execute()
    const dropped = [...before].filter((id) => !mentions.includes(id))
    if (dropped.length)
      await trx
        .deleteFrom('notifications')
        .where('comment_id', '=', ctx.comment.id)
        .where('kind', '=', 'mention')
        .where('user_id', 'in', dropped)
        .execute()
    const base = {
      ...threadNotification(ctx, ctx.thread, editorId),
      commentId: ctx.comment.id,
      excerpt: commentExcerpt(input.body),
    }
    return {
      result: undefined,
      effects: {
        activity: [
          commentActivity(ctx, {
            kind: 'comment_edited',
            actorId: editorId,
            details: { threadId: ctx.thread.id, commentId: ctx.comment.id, sectionTitle: ctx.section.title },
          }),
        ],
        notifications: mentions
          .filter((id) => !before.has(id))
          .map((userId) => ({ ...base, userId, kind: 'mention' as const })),
        refetch: [commentsChanged(ctx)],
        inboxes: { workspaceId: ctx.plan.workspace_id, userIds: dropped },
      },
    }
  })
  return findThread(services.db, ctx.thread.id)
}

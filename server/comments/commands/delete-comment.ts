import { type CommandServices, runCommand } from '../../after-commit'
import type { CommentContext } from '../repo'
import { commentActivity, commentsChanged } from './effects'

export interface DeleteCommentInput {
  ctx: CommentContext
  deleterId: string
}

/**
 * A comment's words go, and every inbox item about it. A thread with no words left in it goes;
 * otherwise the deleted comment keeps its place.
 */
export async function deleteComment(services: CommandServices, { ctx, deleterId }: DeleteCommentInput): Promise<void> {
  const now = Date.now()
  await runCommand(services, async (trx) => {
    const inboxes = await trx
      .selectFrom('notifications')
      .select('user_id')
      .where('comment_id', '=', ctx.comment.id)
      .execute()
    await trx.deleteFrom('notifications').where('comment_id', '=', ctx.comment.id).execute()
    await trx
      .updateTable('comments')
      .set({ body: null, mentions: '[]', deleted_at: now })
      .where('id', '=', ctx.comment.id)
      .execute()
    const left = await trx
      .selectFrom('comments')
      .select('id')
      .where('thread_id', '=', ctx.thread.id)
      .where('deleted_at', 'is', null)
      .executeTakeFirst()
    if (left)
      await trx.updateTable('comment_threads').set({ updated_at: now }).where('id', '=', ctx.thread.id).execute()
    else await trx.deleteFrom('comment_threads').where('id', '=', ctx.thread.id).execute()
    return {
      result: undefined,
      effects: {
        activity: [
          commentActivity(ctx, {
            kind: 'comment_deleted',
            actorId: deleterId,
            details: {
              threadId: ctx.thread.id,
              commentId: ctx.comment.id,
              threadRemoved: !left,
              sectionTitle: ctx.section.title,
            },
          }),
        ],
        refetch: [commentsChanged(ctx)],
        inboxes: { workspaceId: ctx.plan.workspace_id, userIds: inboxes.map((n) => n.user_id) },
      },
    }
  })
}

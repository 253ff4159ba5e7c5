import { commentExcerpt } from '../../../shared/comments/mentions'
import type { Anchor } from '../../../shared/comments/schema'
import { LIMITS } from '../../../shared/limits'
import { type CommandServices, runCommand } from '../../after-commit'
import { conflict } from '../../http/errors'
import type { SectionContext } from '../../plan-context'
import { newId } from '../../storage/ids'
import { currentMembers } from '../../user-refs'
import { findThread, participantsOf } from '../repo'
import type { ThreadRow } from '../tables'
import { commentActivity, commentsChanged, threadNotification } from './effects'

export interface CreateCommentInput {
  ctx: SectionContext
  /** The session's user, whatever the request says: the body has no author field. */
  authorId: string
  body: string
  /** Workspace members, already resolved from the body and the request. */
  mentions: readonly string[]
  /** The thread replied to; without it the comment starts a new thread here. */
  thread?: ThreadRow
  anchor?: Anchor
}

/** A new thread with its first comment, or a reply; the mentioned (and, for a reply, the thread's people) are told. */
export async function createComment(services: CommandServices, input: CreateCommentInput): Promise<ThreadRow> {
  const { ctx, authorId } = input
  const now = Date.now()
  const commentId = newId()
  const threadId = await runCommand(services, async (trx) => {
    let thread = input.thread
    if (!thread) {
      thread = {
        id: newId(),
        workspace_id: ctx.plan.workspace_id,
        plan_id: ctx.plan.id,
        section_id: ctx.section.id,
        anchor: input.anchor ? JSON.stringify(input.anchor) : null,
        created_by: authorId,
        created_at: now,
        updated_at: now,
        resolved_at: null,
        resolved_by: null,
      }
      await trx.insertInto('comment_threads').values(thread).execute()
    }
    const last = await trx
      .selectFrom('comments')
      .select((eb) => [eb.fn.max('position').as('position'), eb.fn.countAll<number>().as('n')])
      .where('thread_id', '=', thread.id)
      .executeTakeFirst()
    if (Number(last?.n ?? 0) >= LIMITS.commentsPerThread)
      throw conflict('thread_full', `A thread holds at most ${LIMITS.commentsPerThread} comments; start a new one.`)
    await trx
      .insertInto('comments')
      .values({
        id: commentId,
        thread_id: thread.id,
        workspace_id: ctx.plan.workspace_id,
        author_id: authorId,
        position: last?.position === null || last?.position === undefined ? 0 : Number(last.position) + 1,
        body: input.body,
        mentions: JSON.stringify(input.mentions),
        created_at: now,
        edited_at: null,
        deleted_at: null,
      })
      .execute()
    await trx.updateTable('comment_threads').set({ updated_at: now }).where('id', '=', thread.id).execute()
    const reply = input.thread !== undefined
    const participants = reply
      ? [...(await currentMembers(trx, ctx.plan.workspace_id, await participantsOf(trx, thread)))]
      : []
    const base = { ...threadNotification(ctx, thread, authorId), commentId, excerpt: commentExcerpt(input.body) }
    return {
      result: thread.id,
      effects: {
        activity: [
          commentActivity(ctx, {
            kind: reply ? 'comment_added' : 'thread_created',
            actorId: authorId,
            details: { threadId: thread.id, commentId, sectionTitle: ctx.section.title },
          }),
        ],
        // Mentions first: someone both mentioned and taking part gets the mention.
        notifications: [
          ...input.mentions.map((userId) => ({ ...base, userId, kind: 'mention' as const })),
          ...participants.map((userId) => ({ ...base, userId, kind: 'reply' as const })),
        ],
        refetch: [commentsChanged(ctx)],
      },
    }
  })
  return findThread(services.db, threadId)
}

import { commentExcerpt } from '../../../shared/comments/mentions'
import { type CommandServices, runCommand } from '../../after-commit'
import { currentMembers } from '../../user-refs'
import { type ThreadContext, findThread, participantsOf } from '../repo'
import type { ThreadRow } from '../tables'
import { commentActivity, commentsChanged, threadNotification } from './effects'

export interface SetThreadResolvedInput {
  ctx: ThreadContext
  userId: string
  resolved: boolean
}

/** Resolve or reopen a thread; the people taking part in it are told. */
export async function setThreadResolved(
  services: CommandServices,
  { ctx, userId, resolved }: SetThreadResolvedInput,
): Promise<ThreadRow> {
  const now = Date.now()
  await runCommand(services, async (trx) => {
    await trx
      .updateTable('comment_threads')
      .set({ resolved_at: resolved ? now : null, resolved_by: resolved ? userId : null, updated_at: now })
      .where('id', '=', ctx.thread.id)
      .execute()
    const first = await trx
      .selectFrom('comments')
      .select('body')
      .where('thread_id', '=', ctx.thread.id)
      .where('deleted_at', 'is', null)
      .orderBy('position')
      .executeTakeFirst()
    const participants = await currentMembers(trx, ctx.plan.workspace_id, await participantsOf(trx, ctx.thread))
    const base = { ...threadNotification(ctx, ctx.thread, userId), excerpt: commentExcerpt(first?.body ?? '') }
    return {
      result: undefined,
      effects: {
        activity: [
          commentActivity(ctx, {
            kind: resolved ? 'thread_resolved' : 'thread_reopened',
            actorId: userId,
            details: { threadId: ctx.thread.id, sectionTitle: ctx.section.title },
          }),
        ],
        notifications: [...participants].map((recipient) => ({
          ...base,
          userId: recipient,
          kind: resolved ? ('resolved' as const) : ('reopened' as const),
        })),
        refetch: [commentsChanged(ctx)],
      },
    }
  })
  return findThread(services.db, ctx.thread.id)
}

import { notFound } from '../http/errors'
import { type SectionContext, sectionContext } from '../plan-context'
import type { DbOrTx } from '../storage/database'
import type { CommentRow, ThreadRow } from './tables'

export interface ThreadContext extends SectionContext {
  thread: ThreadRow
}
export interface CommentContext extends ThreadContext {
  comment: CommentRow
}

/** A thread with its section and the caller's membership; another workspace's thread is not found. */
export async function threadContext(db: DbOrTx, threadId: string, userId: string): Promise<ThreadContext> {
  const thread = await db.selectFrom('comment_threads').selectAll().where('id', '=', threadId).executeTakeFirst()
  if (!thread) throw notFound('The thread')
  return { ...(await sectionContext(db, thread.section_id, userId, 'The thread')), thread }
}

export async function commentContext(db: DbOrTx, commentId: string, userId: string): Promise<CommentContext> {
  const comment = await db.selectFrom('comments').selectAll().where('id', '=', commentId).executeTakeFirst()
  if (!comment || comment.deleted_at !== null) throw notFound('The comment')
  const context = await threadContext(db, comment.thread_id, userId).catch(() => {
    throw notFound('The comment')
  })
  return { ...context, comment }
}

export const commentsOf = (db: DbOrTx, threadIds: readonly string[]) =>
  threadIds.length === 0
    ? Promise.resolve([] as CommentRow[])
    : db
        .selectFrom('comments')
        .selectAll()
        .where('thread_id', 'in', threadIds)
        .orderBy('position')
        .orderBy('created_at')
        .execute()

/** The people taking part in a thread: whoever started it and whoever wrote a comment still there. */
export async function participantsOf(db: DbOrTx, thread: ThreadRow): Promise<string[]> {
  const authors = await db
    .selectFrom('comments')
    .select('author_id')
    .where('thread_id', '=', thread.id)
    .where('deleted_at', 'is', null)
    .execute()
  return [...new Set([thread.created_by, ...authors.map((a) => a.author_id)])]
}

export const parseMentions = (json: string): string[] => JSON.parse(json) as string[]

export const findThread = (db: DbOrTx, threadId: string) =>
  db.selectFrom('comment_threads').selectAll().where('id', '=', threadId).executeTakeFirstOrThrow()

/** A thread of this section (a reply names it); another section's thread is not found. */
export async function threadOfSection(db: DbOrTx, threadId: string, sectionId: string): Promise<ThreadRow> {
  const thread = await db
    .selectFrom('comment_threads')
    .selectAll()
    .where('id', '=', threadId)
    .where('section_id', '=', sectionId)
    .executeTakeFirst()
  if (!thread) throw notFound('The thread')
  return thread
}

/** The threads of one section, or of every section of a plan, oldest first. */
export const threadsOf = (db: DbOrTx, where: { sectionId: string } | { planId: string }) =>
  db
    .selectFrom('comment_threads')
    .selectAll()
    .$call((q) =>
      'sectionId' in where ? q.where('section_id', '=', where.sectionId) : q.where('plan_id', '=', where.planId),
    )
    .orderBy('created_at')
    .orderBy('id')
    .execute()

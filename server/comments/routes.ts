import { createRoute } from '@hono/zod-openapi'
import { commentExcerpt } from '../../shared/comments/mentions'
import { canChangeComment, canComment, canResolveThread } from '../../shared/comments/permissions'
import {
  CommentParams,
  CreateCommentBody,
  EditCommentBody,
  Thread,
  ThreadList,
  ThreadParams,
} from '../../shared/comments/schema'
import { LIMITS } from '../../shared/limits'
import { PlanParams, SectionParams } from '../../shared/plans/schema'
import { recordActivity } from '../activity/record'
import { requireAuth } from '../auth/middleware'
import { conflict, forbidden, notFound } from '../http/errors'
import { ERRORS, createRouter, jsonBody, jsonResponse, noContent } from '../http/router'
import { announceInboxes, notify } from '../notifications/notify'
import { editableSectionContext, planContext, sectionContext, type SectionContext } from '../plan-context'
import { liveSections } from '../plans/repo'
import type { Services } from '../services'
import { newId } from '../storage/ids'
import { currentMembers } from '../user-refs'
import { resolveMentions } from './mentions'
import { presentThreads } from './present'
import { commentContext, participantsOf, parseMentions, threadContext } from './repo'
import type { ThreadRow } from './tables'

const create = createRoute({
  method: 'post',
  path: '/sections/{id}/comments',
  tags: ['comments'],
  summary:
    'Comment as the caller: a new thread on the section, a range of its text or an item; or a reply when threadId is given',
  request: { params: SectionParams, body: jsonBody(CreateCommentBody) },
  responses: { 201: jsonResponse(Thread, 'The thread with the new comment'), ...ERRORS, 409: ERRORS[400] },
})
const listSection = createRoute({
  method: 'get',
  path: '/sections/{id}/comments',
  tags: ['comments'],
  summary: "A section's threads, oldest first",
  request: { params: SectionParams },
  responses: { 200: jsonResponse(ThreadList, 'Threads with their comments'), ...ERRORS },
})
const listPlan = createRoute({
  method: 'get',
  path: '/plans/{id}/comments',
  tags: ['comments'],
  summary: "Every thread of the plan's sections, oldest first",
  request: { params: PlanParams },
  responses: { 200: jsonResponse(ThreadList, 'Threads with their comments'), ...ERRORS },
})
const edit = createRoute({
  method: 'patch',
  path: '/comments/{id}',
  tags: ['comments'],
  summary: 'Edit one of your own comments',
  request: { params: CommentParams, body: jsonBody(EditCommentBody) },
  responses: { 200: jsonResponse(Thread, 'The thread with the edited comment'), ...ERRORS },
})
const remove = createRoute({
  method: 'delete',
  path: '/comments/{id}',
  tags: ['comments'],
  summary: 'Delete one of your own comments (its place in the thread stays; a thread with nothing left goes)',
  request: { params: CommentParams },
  responses: { 204: noContent, ...ERRORS },
})
const resolve = createRoute({
  method: 'post',
  path: '/threads/{id}/resolve',
  tags: ['comments'],
  summary: 'Resolve a thread: its author, or anyone who can edit the section',
  request: { params: ThreadParams },
  responses: { 200: jsonResponse(Thread, 'The resolved thread'), ...ERRORS },
})
const reopen = createRoute({
  method: 'post',
  path: '/threads/{id}/reopen',
  tags: ['comments'],
  summary: 'Reopen a resolved thread: its author, or anyone who can edit the section',
  request: { params: ThreadParams },
  responses: { 200: jsonResponse(Thread, 'The reopened thread'), ...ERRORS },
})

export function commentRoutes({ storage: { db }, hub, planEvents }: Services) {
  const present = async (ctx: SectionContext, thread: ThreadRow) =>
    (await presentThreads({ db, hub }, [thread], new Map([[ctx.section.id, ctx.section]]), ctx.caller))[0]!
  const reload = (id: string) =>
    db.selectFrom('comment_threads').selectAll().where('id', '=', id).executeTakeFirstOrThrow()

  /** After a commit: the plan's clients refetch comments and activity, the notified their inbox. */
  function announce(ctx: SectionContext, notified: Iterable<string>) {
    const where = { workspaceId: ctx.plan.workspace_id, planId: ctx.plan.id }
    planEvents.publish({ kind: 'comments', ...where, sectionId: ctx.section.id })
    planEvents.publish({ kind: 'activity', ...where, departmentId: ctx.section.owner_department_id ?? undefined })
    announceInboxes(planEvents, ctx.plan.workspace_id, notified)
  }
  const activityOf = (ctx: SectionContext) => ({
    workspaceId: ctx.plan.workspace_id,
    planId: ctx.plan.id,
    departmentId: ctx.section.owner_department_id,
    sectionId: ctx.section.id,
  })
  const notificationOf = (ctx: SectionContext, thread: ThreadRow, actorId: string) => ({
    workspaceId: ctx.plan.workspace_id,
    actorId,
    planId: ctx.plan.id,
    sectionId: ctx.section.id,
    threadId: thread.id,
  })

  return createRouter()
    .openapi(create, async (c) => {
      const { user } = requireAuth(c)
      const ctx = await editableSectionContext(db, c.req.valid('param').id, user.id, {
        allowed: canComment,
        refusal: 'Viewers can read comments but not write them.',
        archived: 'This section is archived; restore it to comment on it.',
      })
      const input = c.req.valid('json')
      const mentions = await resolveMentions(db, ctx.plan.workspace_id, input.body, input.mentions)
      let thread: ThreadRow | undefined
      if (input.threadId) {
        thread = await db
          .selectFrom('comment_threads')
          .selectAll()
          .where('id', '=', input.threadId)
          .where('section_id', '=', ctx.section.id)
          .executeTakeFirst()
        if (!thread) throw notFound('The thread')
      }
      const now = Date.now()
      const commentId = newId()
      const notified = await db.transaction().execute(async (trx) => {
        if (!thread) {
          thread = {
            id: newId(),
            workspace_id: ctx.plan.workspace_id,
            plan_id: ctx.plan.id,
            section_id: ctx.section.id,
            anchor: input.anchor ? JSON.stringify(input.anchor) : null,
            created_by: user.id,
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
        // The author is the session's user, whatever the request says: the body has no author field.
        await trx
          .insertInto('comments')
          .values({
            id: commentId,
            thread_id: thread.id,
            workspace_id: ctx.plan.workspace_id,
            author_id: user.id,
            position: last?.position === null || last?.position === undefined ? 0 : Number(last.position) + 1,
            body: input.body,
            mentions: JSON.stringify(mentions),
            created_at: now,
            edited_at: null,
            deleted_at: null,
          })
          .execute()
        await trx.updateTable('comment_threads').set({ updated_at: now }).where('id', '=', thread.id).execute()
        const reply = input.threadId !== undefined
        await recordActivity(trx, {
          ...activityOf(ctx),
          kind: reply ? 'comment_added' : 'thread_created',
          actorId: user.id,
          details: { threadId: thread.id, commentId, sectionTitle: ctx.section.title },
        })
        const participants = reply
          ? [...(await currentMembers(trx, ctx.plan.workspace_id, await participantsOf(trx, thread)))]
          : []
        const base = { ...notificationOf(ctx, thread, user.id), commentId, excerpt: commentExcerpt(input.body) }
        return notify(trx, [
          ...mentions.map((userId) => ({ ...base, userId, kind: 'mention' as const })),
          ...participants.map((userId) => ({ ...base, userId, kind: 'reply' as const })),
        ])
      })
      announce(
        ctx,
        notified.map((n) => n.userId),
      )
      return c.json(await present(ctx, await reload(thread!.id)), 201)
    })
    .openapi(listSection, async (c) => {
      const { user } = requireAuth(c)
      const ctx = await sectionContext(db, c.req.valid('param').id, user.id)
      const threads = await db
        .selectFrom('comment_threads')
        .selectAll()
        .where('section_id', '=', ctx.section.id)
        .orderBy('created_at')
        .orderBy('id')
        .execute()
      return c.json(
        { threads: await presentThreads({ db, hub }, threads, new Map([[ctx.section.id, ctx.section]]), ctx.caller) },
        200,
      )
    })
    .openapi(listPlan, async (c) => {
      const { user } = requireAuth(c)
      const { plan, caller } = await planContext(db, c.req.valid('param').id, user.id)
      // Threads of archived sections come back with their section.
      const sections = new Map((await liveSections(db, plan.id)).map((s) => [s.id, s]))
      const threads = await db
        .selectFrom('comment_threads')
        .selectAll()
        .where('plan_id', '=', plan.id)
        .orderBy('created_at')
        .orderBy('id')
        .execute()
      return c.json({ threads: await presentThreads({ db, hub }, threads, sections, caller) }, 200)
    })
    .openapi(edit, async (c) => {
      const { user } = requireAuth(c)
      const ctx = await commentContext(db, c.req.valid('param').id, user.id)
      const target = { ownerDepartmentId: ctx.section.owner_department_id }
      if (
        !canChangeComment(
          ctx.caller,
          target,
          { authorId: ctx.comment.author_id, deletedAt: ctx.comment.deleted_at },
          user.id,
        )
      ) {
        throw forbidden('Only its author can edit a comment.')
      }
      const input = c.req.valid('json')
      const mentions = await resolveMentions(db, ctx.plan.workspace_id, input.body, input.mentions)
      const before = new Set(parseMentions(ctx.comment.mentions))
      const now = Date.now()
      const notified = await db.transaction().execute(async (trx) => {
        await trx
          .updateTable('comments')
          .set({ body: input.body, mentions: JSON.stringify(mentions), edited_at: now })
          .where('id', '=', ctx.comment.id)
          .execute()
        await trx.updateTable('comment_threads').set({ updated_at: now }).where('id', '=', ctx.thread.id).execute()
        // Inboxes show the comment as it reads now; someone no longer mentioned loses that item.
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
        await recordActivity(trx, {
          ...activityOf(ctx),
          kind: 'comment_edited',
          actorId: user.id,
          details: { threadId: ctx.thread.id, commentId: ctx.comment.id, sectionTitle: ctx.section.title },
        })
        const base = {
          ...notificationOf(ctx, ctx.thread, user.id),
          commentId: ctx.comment.id,
          excerpt: commentExcerpt(input.body),
        }
        const added = await notify(
          trx,
          mentions.filter((id) => !before.has(id)).map((userId) => ({ ...base, userId, kind: 'mention' as const })),
        )
        return [...added.map((n) => n.userId), ...dropped]
      })
      announce(ctx, notified)
      return c.json(await present(ctx, await reload(ctx.thread.id)), 200)
    })
    .openapi(remove, async (c) => {
      const { user } = requireAuth(c)
      const ctx = await commentContext(db, c.req.valid('param').id, user.id)
      const target = { ownerDepartmentId: ctx.section.owner_department_id }
      if (
        !canChangeComment(
          ctx.caller,
          target,
          { authorId: ctx.comment.author_id, deletedAt: ctx.comment.deleted_at },
          user.id,
        )
      ) {
        throw forbidden('Only its author can delete a comment.')
      }
      const now = Date.now()
      const notified = await db.transaction().execute(async (trx) => {
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
        // A thread with no words left in it goes; otherwise the deleted comment keeps its place.
        if (left)
          await trx.updateTable('comment_threads').set({ updated_at: now }).where('id', '=', ctx.thread.id).execute()
        else await trx.deleteFrom('comment_threads').where('id', '=', ctx.thread.id).execute()
        await recordActivity(trx, {
          ...activityOf(ctx),
          kind: 'comment_deleted',
          actorId: user.id,
          details: {
            threadId: ctx.thread.id,
            commentId: ctx.comment.id,
            threadRemoved: !left,
            sectionTitle: ctx.section.title,
          },
        })
        return inboxes.map((n) => n.user_id)
      })
      announce(ctx, notified)
      return c.body(null, 204)
    })
    .openapi(resolve, async (c) =>
      c.json(await setResolved(requireAuth(c).user.id, c.req.valid('param').id, true), 200),
    )
    .openapi(reopen, async (c) =>
      c.json(await setResolved(requireAuth(c).user.id, c.req.valid('param').id, false), 200),
    )

  async function setResolved(userId: string, threadId: string, resolved: boolean): Promise<Thread> {
    const ctx = await threadContext(db, threadId, userId)
    const target = { ownerDepartmentId: ctx.section.owner_department_id }
    if (!canResolveThread(ctx.caller, target, { createdBy: ctx.thread.created_by }, userId)) {
      throw forbidden(
        `Only the thread's author or an editor of this section can ${resolved ? 'resolve' : 'reopen'} it.`,
      )
    }
    // Resolving a resolved thread (or reopening an open one) changes nothing: two people may click at once.
    if ((ctx.thread.resolved_at !== null) === resolved) return present(ctx, ctx.thread)
    const now = Date.now()
    const notified = await db.transaction().execute(async (trx) => {
      await trx
        .updateTable('comment_threads')
        .set({ resolved_at: resolved ? now : null, resolved_by: resolved ? userId : null, updated_at: now })
        .where('id', '=', ctx.thread.id)
        .execute()
      await recordActivity(trx, {
        ...activityOf(ctx),
        kind: resolved ? 'thread_resolved' : 'thread_reopened',
        actorId: userId,
        details: { threadId: ctx.thread.id, sectionTitle: ctx.section.title },
      })
      const first = await trx
        .selectFrom('comments')
        .select('body')
        .where('thread_id', '=', ctx.thread.id)
        .where('deleted_at', 'is', null)
        .orderBy('position')
        .executeTakeFirst()
      const participants = await currentMembers(trx, ctx.plan.workspace_id, await participantsOf(trx, ctx.thread))
      const base = { ...notificationOf(ctx, ctx.thread, userId), excerpt: commentExcerpt(first?.body ?? '') }
      return notify(
        trx,
        [...participants].map((recipient) => ({
          ...base,
          userId: recipient,
          kind: resolved ? ('resolved' as const) : ('reopened' as const),
        })),
      )
    })
    announce(
      ctx,
      notified.map((n) => n.userId),
    )
    return present(ctx, await reload(ctx.thread.id))
  }
}

import { createRoute } from '@hono/zod-openapi'
import { canChangeComment, canComment, canResolveThread } from '../../shared/comments/permissions'
import {
  CommentParams,
  CreateCommentBody,
  EditCommentBody,
  Thread,
  ThreadList,
  ThreadParams,
} from '../../shared/comments/schema'
import { PlanParams, SectionParams } from '../../shared/plans/schema'
import { requireAuth } from '../auth/middleware'
import { forbidden } from '../http/errors'
import { ERRORS, createRouter, jsonBody, jsonResponse, noContent } from '../http/router'
import { editableSectionContext, planContext, sectionContext, type SectionContext } from '../plan-context'
import { liveSections } from '../plans/repo'
import type { Services } from '../services'
import { resolveMentions } from './mentions'
import { presentThreads } from './present'
import { type CommentContext, commentContext, threadContext, threadOfSection, threadsOf } from './repo'
import type { ThreadRow } from './tables'
import { createComment } from './commands/create-comment'
import { deleteComment } from './commands/delete-comment'
import { editComment } from './commands/edit-comment'
import { setThreadResolved } from './commands/set-thread-resolved'

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
  const services = { db, planEvents }
  const present = async (ctx: SectionContext, thread: ThreadRow) =>
    (await presentThreads({ db, hub }, [thread], new Map([[ctx.section.id, ctx.section]]), ctx.caller))[0]!

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
      const thread = input.threadId ? await threadOfSection(db, input.threadId, ctx.section.id) : undefined
      const saved = await createComment(services, {
        ctx,
        authorId: user.id,
        body: input.body,
        mentions,
        thread,
        anchor: input.anchor,
      })
      return c.json(await present(ctx, saved), 201)
    })
    .openapi(listSection, async (c) => {
      const { user } = requireAuth(c)
      const ctx = await sectionContext(db, c.req.valid('param').id, user.id)
      const threads = await threadsOf(db, { sectionId: ctx.section.id })
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
      const threads = await threadsOf(db, { planId: plan.id })
      return c.json({ threads: await presentThreads({ db, hub }, threads, sections, caller) }, 200)
    })
    .openapi(edit, async (c) => {
      const { user } = requireAuth(c)
      const ctx = await commentContext(db, c.req.valid('param').id, user.id)
      if (!mayChange(ctx, user.id)) throw forbidden('Only its author can edit a comment.')
      const input = c.req.valid('json')
      const mentions = await resolveMentions(db, ctx.plan.workspace_id, input.body, input.mentions)
      const thread = await editComment(services, { ctx, editorId: user.id, body: input.body, mentions })
      return c.json(await present(ctx, thread), 200)
    })
    .openapi(remove, async (c) => {
      const { user } = requireAuth(c)
      const ctx = await commentContext(db, c.req.valid('param').id, user.id)
      if (!mayChange(ctx, user.id)) throw forbidden('Only its author can delete a comment.')
      await deleteComment(services, { ctx, deleterId: user.id })
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
    return present(ctx, await setThreadResolved(services, { ctx, userId, resolved }))
  }
}

function mayChange(ctx: CommentContext, userId: string) {
  const target = { ownerDepartmentId: ctx.section.owner_department_id }
  const comment = { authorId: ctx.comment.author_id, deletedAt: ctx.comment.deleted_at }
  return canChangeComment(ctx.caller, target, comment, userId)
}

import { createRoute } from '@hono/zod-openapi'
import { MarkReadBody, NotificationList, NotificationsQuery, UnreadCount } from '../../shared/notifications/schema'
import { WorkspaceParams } from '../../shared/workspaces/schema'
import { requireAuth } from '../auth/middleware'
import { notFound } from '../http/errors'
import { ERRORS, createRouter, jsonBody, jsonResponse } from '../http/router'
import type { Services } from '../services'
import { userRefs } from '../user-refs'
import { requireMembership } from '../workspaces/repo'
import { markRead } from './commands/mark-read'
import { inboxPage, unreadCount } from './inbox'

const list = createRoute({
  method: 'get',
  path: '/workspaces/{id}/notifications',
  tags: ['notifications'],
  summary: "The caller's inbox in this workspace, newest first",
  request: { params: WorkspaceParams, query: NotificationsQuery },
  responses: { 200: jsonResponse(NotificationList, 'Notifications and how many are unread'), ...ERRORS },
})
const count = createRoute({
  method: 'get',
  path: '/workspaces/{id}/notifications/unread-count',
  tags: ['notifications'],
  summary: "How many of the caller's notifications are unread",
  request: { params: WorkspaceParams },
  responses: { 200: jsonResponse(UnreadCount, 'The unread count'), ...ERRORS },
})
const markReadRoute = createRoute({
  method: 'post',
  path: '/workspaces/{id}/notifications/read',
  tags: ['notifications'],
  summary: 'Mark some of your notifications (ids) or all of them read',
  request: { params: WorkspaceParams, body: jsonBody(MarkReadBody) },
  responses: { 200: jsonResponse(UnreadCount, 'What is still unread'), ...ERRORS },
})

const DEFAULT_PAGE = 50

/** Everyone's inbox is their own: every query is by the caller's user id. */
export function notificationRoutes({ storage: { db }, planEvents }: Services) {
  const services = { db, planEvents }
  return createRouter()
    .openapi(list, async (c) => {
      const { user } = requireAuth(c)
      const caller = await requireMembership(db, c.req.valid('param').id, user.id)
      const { unread, before, limit = DEFAULT_PAGE } = c.req.valid('query')
      const inbox = { workspaceId: caller.workspaceId, userId: user.id }
      const rows = await inboxPage(db, inbox, { unread, before, limit })
      const people = await userRefs(
        db,
        rows.map((r) => r.actor_id),
      )
      return c.json(
        {
          notifications: rows.map((r) => ({
            id: r.id,
            kind: r.kind,
            actor: people(r.actor_id),
            planId: r.plan_id,
            sectionId: r.section_id,
            threadId: r.thread_id,
            commentId: r.comment_id,
            departmentId: r.department_id,
            excerpt: r.excerpt,
            createdAt: r.created_at,
            readAt: r.read_at,
          })),
          unreadCount: await unreadCount(db, inbox),
          nextBefore: rows.length === limit ? rows.at(-1)!.created_at : null,
        },
        200,
      )
    })
    .openapi(count, async (c) => {
      const { user } = requireAuth(c)
      const caller = await requireMembership(db, c.req.valid('param').id, user.id)
      return c.json({ unreadCount: await unreadCount(db, { workspaceId: caller.workspaceId, userId: user.id }) }, 200)
    })
    .openapi(markReadRoute, async (c) => {
      const { user } = requireAuth(c)
      const caller = await requireMembership(db, c.req.valid('param').id, user.id)
      const inbox = { workspaceId: caller.workspaceId, userId: user.id }
      if (!(await markRead(services, inbox, c.req.valid('json').ids))) throw notFound('The notification')
      return c.json({ unreadCount: await unreadCount(db, { workspaceId: caller.workspaceId, userId: user.id }) }, 200)
    })
}

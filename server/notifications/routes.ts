import { createRoute } from '@hono/zod-openapi'
import { MarkReadBody, NotificationList, NotificationsQuery, UnreadCount } from '../../shared/notifications/schema'
import { WorkspaceParams } from '../../shared/workspaces/schema'
import { requireAuth } from '../auth/middleware'
import { notFound } from '../http/errors'
import { ERRORS, createRouter, jsonBody, jsonResponse } from '../http/router'
import type { Services } from '../services'
import type { DbOrTx } from '../storage/database'
import { userRefs } from '../user-refs'
import { requireMembership } from '../workspaces/repo'
import { announceInboxes } from './notify'

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
const markRead = createRoute({
  method: 'post',
  path: '/workspaces/{id}/notifications/read',
  tags: ['notifications'],
  summary: 'Mark some of your notifications (ids) or all of them read',
  request: { params: WorkspaceParams, body: jsonBody(MarkReadBody) },
  responses: { 200: jsonResponse(UnreadCount, 'What is still unread'), ...ERRORS },
})

const DEFAULT_PAGE = 50

async function unreadCount(db: DbOrTx, workspaceId: string, userId: string): Promise<number> {
  const row = await db
    .selectFrom('notifications')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('workspace_id', '=', workspaceId)
    .where('user_id', '=', userId)
    .where('read_at', 'is', null)
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

/** Everyone's inbox is their own: every query is by the caller's user id. */
export function notificationRoutes({ storage: { db }, planEvents }: Services) {
  return createRouter()
    .openapi(list, async (c) => {
      const { user } = requireAuth(c)
      const caller = await requireMembership(db, c.req.valid('param').id, user.id)
      const { unread, before, limit = DEFAULT_PAGE } = c.req.valid('query')
      let query = db
        .selectFrom('notifications')
        .selectAll()
        .where('workspace_id', '=', caller.workspaceId)
        .where('user_id', '=', user.id)
      if (unread === 'true') query = query.where('read_at', 'is', null)
      if (unread === 'false') query = query.where('read_at', 'is not', null)
      if (before !== undefined) query = query.where('created_at', '<', before)
      const rows = await query.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(limit).execute()
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
          unreadCount: await unreadCount(db, caller.workspaceId, user.id),
          nextBefore: rows.length === limit ? rows.at(-1)!.created_at : null,
        },
        200,
      )
    })
    .openapi(count, async (c) => {
      const { user } = requireAuth(c)
      const caller = await requireMembership(db, c.req.valid('param').id, user.id)
      return c.json({ unreadCount: await unreadCount(db, caller.workspaceId, user.id) }, 200)
    })
    .openapi(markRead, async (c) => {
      const { user } = requireAuth(c)
      const caller = await requireMembership(db, c.req.valid('param').id, user.id)
      const { ids } = c.req.valid('json')
      const mine = () =>
        db
          .updateTable('notifications')
          .set({ read_at: Date.now() })
          .where('workspace_id', '=', caller.workspaceId)
          .where('user_id', '=', user.id)
          .where('read_at', 'is', null)
      if (ids) {
        const wanted = [...new Set(ids)]
        const found = await db
          .selectFrom('notifications')
          .select('id')
          .where('workspace_id', '=', caller.workspaceId)
          .where('user_id', '=', user.id)
          .where('id', 'in', wanted)
          .execute()
        // Someone else's notification is simply not found, and nothing is marked.
        if (found.length !== wanted.length) throw notFound('The notification')
        await mine().where('id', 'in', wanted).execute()
      } else {
        await mine().execute()
      }
      // The caller's other tabs update their badge.
      announceInboxes(planEvents, caller.workspaceId, [user.id])
      return c.json({ unreadCount: await unreadCount(db, caller.workspaceId, user.id) }, 200)
    })
}

import { z } from 'zod'
import { LIMITS } from '../limits'
import { UserRef } from '../comments/schema'
import { Id } from '../workspaces/schema'

/** The in-app inbox: what happened that concerns this person. */

export const NotificationKind = z.enum([
  'mention',
  'reply',
  'resolved',
  'reopened',
  'approval_submitted',
  'approval_decided',
  'approval_stale',
  'suggestion',
])
export type NotificationKind = z.infer<typeof NotificationKind>

export const Notification = z.object({
  id: z.string(),
  kind: NotificationKind,
  actor: UserRef.nullable(),
  planId: z.string().nullable(),
  sectionId: z.string().nullable(),
  threadId: z.string().nullable(),
  commentId: z.string().nullable(),
  departmentId: z.string().nullable(),
  /** A line of the comment, or what happened to the objectives. */
  excerpt: z.string(),
  createdAt: z.number(),
  readAt: z.number().nullable(),
})
export type Notification = z.infer<typeof Notification>

export const NotificationsQuery = z.object({
  unread: z.enum(['true', 'false']).optional(),
  /** Notifications created before this time (the `nextBefore` of the previous page). */
  before: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(LIMITS.pageSize).optional(),
})

export const NotificationList = z.object({
  notifications: z.array(Notification),
  unreadCount: z.number(),
  nextBefore: z.number().nullable(),
})

export const UnreadCount = z.object({ unreadCount: z.number() })

export const MarkReadBody = z
  .strictObject({
    ids: z.array(Id).min(1).max(LIMITS.pageSize).optional(),
    all: z.literal(true).optional(),
  })
  .refine((b) => (b.ids !== undefined) !== (b.all !== undefined), { message: 'Send either ids or all: true.' })

import { z } from 'zod'
import { LIMITS } from '../limits'
import { UserRef } from '../comments/schema'
import { Id } from '../workspaces/schema'

/** The plan's activity log (issue 6): who did what, when, on what. */

export const ACTIVITY_CATEGORIES = {
  objectives_submitted: 'approvals',
  objectives_approved: 'approvals',
  objectives_changes_requested: 'approvals',
  objectives_stale: 'approvals',
  thread_created: 'comments',
  comment_added: 'comments',
  comment_edited: 'comments',
  comment_deleted: 'comments',
  thread_resolved: 'comments',
  thread_reopened: 'comments',
  member_joined: 'members',
  member_changed: 'members',
  member_removed: 'members',
  share_created: 'members',
  share_revoked: 'members',
  version_named: 'history',
  version_restored: 'history',
  suggestion_made: 'comments',
  suggestion_accepted: 'history',
  suggestion_rejected: 'comments',
  plan_created: 'plans',
  plan_renamed: 'plans',
  plan_duplicated: 'plans',
  plan_archived: 'plans',
  plan_unarchived: 'plans',
  plan_deleted: 'plans',
  plan_saved_as_template: 'plans',
  template_deleted: 'plans',
} as const

export type ActivityKind = keyof typeof ACTIVITY_CATEGORIES
export const ActivityKind = z.enum(Object.keys(ACTIVITY_CATEGORIES) as [ActivityKind, ...ActivityKind[]])
export const ActivityCategory = z.enum(['approvals', 'comments', 'members', 'history', 'plans'])
export type ActivityCategory = z.infer<typeof ActivityCategory>

const Cursor = z.coerce.number().int().positive()
const PageSize = z.coerce.number().int().min(1).max(LIMITS.pageSize)

export const ActivityQuery = z.object({
  departmentId: Id.optional(),
  kind: ActivityKind.optional(),
  category: ActivityCategory.optional(),
  /** Events older than this one (the `nextBefore` of the previous page). */
  before: Cursor.optional(),
  limit: PageSize.optional(),
})

export const ActivityEvent = z.object({
  id: z.string(),
  kind: ActivityKind,
  category: ActivityCategory,
  at: z.number(),
  /** null when the server did it on its own. */
  actor: UserRef.nullable(),
  /** null for workspace events (membership), which every plan's feed shows. */
  planId: z.string().nullable(),
  departmentId: z.string().nullable(),
  sectionId: z.string().nullable(),
  /** One sentence for the feed. */
  summary: z.string(),
  details: z.record(z.string(), z.unknown()),
})
export type ActivityEvent = z.infer<typeof ActivityEvent>

export const ActivityFeed = z.object({
  events: z.array(ActivityEvent),
  /** Pass as `before` for the next page; null on the last page. */
  nextBefore: z.number().nullable(),
})

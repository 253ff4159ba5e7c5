import { canEditSection, canReadSection, readOnlyReason } from '../../shared/workspaces/permissions'
import type { DbOrTx } from '../storage/database'
import { guestMembership } from '../review-links/repo'
import { findMembership } from '../workspaces/repo'

/** What one user may do with one section right now, with the facts it was decided from. */
export interface SectionAccess {
  sectionId: string
  planId: string
  workspaceId: string
  canRead: boolean
  canWrite: boolean
  /** Shown to the person whose editor is read-only. */
  readOnlyReason: string | null
}

/**
 * A room is a section (its document) or a plan (presence only: who is in the plan and where; nothing
 * can be written to it). null when neither exists or the user is not a member of its workspace.
 */
export async function resolveRoomAccess(db: DbOrTx, roomId: string, userId: string): Promise<SectionAccess | null> {
  return (await resolveSectionAccess(db, roomId, userId)) ?? (await resolvePlanPresenceAccess(db, roomId, userId))
}

async function resolvePlanPresenceAccess(db: DbOrTx, planId: string, userId: string): Promise<SectionAccess | null> {
  const plan = await db.selectFrom('plans').select(['id', 'workspace_id']).where('id', '=', planId).executeTakeFirst()
  if (!plan) return null
  if (!(await findMembership(db, plan.workspace_id, userId)) && !(await guestMembership(db, plan.id, userId)))
    return null
  return {
    sectionId: planId,
    planId,
    workspaceId: plan.workspace_id,
    canRead: true,
    canWrite: false,
    readOnlyReason: 'The plan room carries presence only.',
  }
}

/** null when the section does not exist or the user is not a member of its workspace. */
export async function resolveSectionAccess(
  db: DbOrTx,
  sectionId: string,
  userId: string,
): Promise<SectionAccess | null> {
  const section = await db
    .selectFrom('sections')
    .innerJoin('plans', 'plans.id', 'sections.plan_id')
    .leftJoin('departments', 'departments.id', 'sections.owner_department_id')
    .select([
      'sections.id',
      'sections.plan_id',
      'sections.workspace_id',
      'sections.owner_department_id',
      'sections.archived_at',
      'departments.name as owner_name',
      'plans.archived_at as plan_archived_at',
    ])
    .where('sections.id', '=', sectionId)
    .executeTakeFirst()
  if (!section) return null
  const membership =
    (await findMembership(db, section.workspace_id, userId)) ?? (await guestMembership(db, section.plan_id, userId))
  if (!membership) return null
  const target = { ownerDepartmentId: section.owner_department_id }
  const archived = section.archived_at !== null
  const planArchived = section.plan_archived_at !== null
  const canWrite = !archived && !planArchived && canEditSection(membership, target)
  return {
    sectionId,
    planId: section.plan_id,
    workspaceId: section.workspace_id,
    canRead: canReadSection(membership, target),
    canWrite,
    readOnlyReason: planArchived
      ? 'This plan is archived; unarchive it to edit.'
      : archived
        ? 'This section is archived; restore it to edit.'
        : readOnlyReason(membership, target, section.owner_name ?? undefined),
  }
}

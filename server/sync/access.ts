import { canEditSection, canReadSection, readOnlyReason } from '../../shared/workspaces/permissions'
import type { DbOrTx } from '../storage/database'
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

/** null when the section does not exist or the user is not a member of its workspace. */
export async function resolveSectionAccess(db: DbOrTx, sectionId: string, userId: string): Promise<SectionAccess | null> {
  const section = await db
    .selectFrom('sections')
    .leftJoin('departments', 'departments.id', 'sections.owner_department_id')
    .select(['sections.id', 'sections.plan_id', 'sections.workspace_id', 'sections.owner_department_id', 'sections.archived_at', 'departments.name as owner_name'])
    .where('sections.id', '=', sectionId)
    .executeTakeFirst()
  if (!section) return null
  const membership = await findMembership(db, section.workspace_id, userId)
  if (!membership) return null
  const target = { ownerDepartmentId: section.owner_department_id }
  const archived = section.archived_at !== null
  const canWrite = !archived && canEditSection(membership, target)
  return {
    sectionId,
    planId: section.plan_id,
    workspaceId: section.workspace_id,
    canRead: canReadSection(membership, target),
    canWrite,
    readOnlyReason: archived ? 'This section is archived; restore it to edit.' : readOnlyReason(membership, target, section.owner_name ?? undefined),
  }
}

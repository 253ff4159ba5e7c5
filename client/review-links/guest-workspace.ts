import type { Workspace } from '../../shared/workspaces/schema'
import type { ReviewLinkInfo } from '../../shared/review-links/schema'
import type { z } from 'zod'

/**
 * What the plan components take as "the workspace", filled with what a guest has: the link's departments
 * (to name the sections' owners) and a commenter's membership, the rights the server gives a guest in the
 * one plan (docs/suggestions.md). No members (nobody to mention) and no workspace abilities.
 */
export function guestWorkspace(workspaceId: string, info: z.infer<typeof ReviewLinkInfo>): Workspace {
  return {
    id: workspaceId,
    name: info.planTitle,
    createdAt: 0,
    departments: info.departments,
    members: [],
    me: { role: 'commenter', departmentIds: [], leadOf: [] },
    abilities: { manageMembers: false, manageDepartments: false, invite: false, createPlans: false },
  }
}

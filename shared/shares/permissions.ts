import { type Membership, canManageWorkspace } from '../workspaces/permissions'

/** A public link lets people outside the workspace read: only those who manage the workspace make or revoke one. */
export const canSharePlan = (m: Membership) => canManageWorkspace(m)

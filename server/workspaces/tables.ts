import type { Selectable } from 'kysely'
import type { Role } from '../../shared/workspaces/roles'

export interface WorkspacesTable {
  id: string
  name: string
  created_by: string
  created_at: number
}

export interface DepartmentsTable {
  id: string
  workspace_id: string
  name: string
  position: number
  created_at: number
}

export interface MembershipsTable {
  workspace_id: string
  user_id: string
  role: Role
  joined_at: number
}

/** A member's place in a department; `is_lead` 1 marks the department's lead(s). */
export interface MemberDepartmentsTable {
  workspace_id: string
  user_id: string
  department_id: string
  is_lead: number
}

export interface InvitesTable {
  id: string
  workspace_id: string
  /** SHA-256 of the token in the invite URL; the token itself is never stored. */
  token_hash: string
  role: Role
  /** JSON array of department ids. */
  department_ids: string
  created_by: string
  created_at: number
  expires_at: number
  used_at: number | null
  used_by: string | null
  revoked_at: number | null
}

export type InviteRow = Selectable<InvitesTable>

import { atLeast, type Role } from './roles'

/**
 * Who may do what, as plain functions of the caller's membership. The server enforces with them and
 * the client hides what the caller may not do with the very same functions.
 */
export interface Membership {
  role: Role
  departmentIds: readonly string[]
  leadOf: readonly string[]
}

/** A section as permissions see it: shared when it has no owner department. */
export interface SectionAccessTarget {
  ownerDepartmentId: string | null
}

export const canManageWorkspace = (m: Membership) => atLeast(m.role, 'admin')
export const canManageDepartments = canManageWorkspace
export const canInvite = canManageWorkspace
export const canCreatePlan = (m: Membership) => atLeast(m.role, 'editor')
/** Archive, unarchive and delete a plan (docs/product.md#plans-managed-like-documents); renaming and duplicating take `canCreatePlan`. */
export const canManagePlan = canManageWorkspace

/** Leads are editors or above (docs/product.md#who-uses-it): a commenter or viewer cannot decide approvals. */
export const canLead = (role: Role) => atLeast(role, 'editor')

/** Only an owner may create an owner, and only an owner may change or remove another owner. */
export function canChangeMember(actor: Membership, target: { role: Role }, nextRole?: Role): boolean {
  if (!canManageWorkspace(actor)) return false
  if (actor.role === 'owner') return true
  return target.role !== 'owner' && nextRole !== 'owner'
}

export function canInviteAs(actor: Membership, role: Role): boolean {
  return canInvite(actor) && (role !== 'owner' || actor.role === 'owner')
}

/** Every member reads every section of their workspace. */
export const canReadSection: (m: Membership, s: SectionAccessTarget) => boolean = () => true

export function canEditSection(m: Membership, s: SectionAccessTarget): boolean {
  if (atLeast(m.role, 'admin')) return true
  if (m.role !== 'editor') return false
  return s.ownerDepartmentId === null || m.departmentIds.includes(s.ownerDepartmentId)
}

/**
 * Add a network section owned by `ownerDepartmentId` (null: shared), or bring back an archived one that
 * it owns: editors only for a department they belong to (or a shared one), admins and owners for any.
 */
export const canAddNetwork = (m: Membership, ownerDepartmentId: string | null) =>
  canCreatePlan(m) && canEditSection(m, { ownerDepartmentId })

/** Who owns a new network nobody named an owner for: Marketing, or else one of the editor's own departments. */
export function defaultNetworkOwner(m: Membership, marketingId: string | null): string | null {
  if (marketingId === null || canAddNetwork(m, marketingId)) return marketingId
  return m.departmentIds[0] ?? marketingId
}

/** Commenters and up comment on any section, whether or not they may edit it. */
export const canCommentSection: (m: Membership, s: SectionAccessTarget) => boolean = (m) => atLeast(m.role, 'commenter')

export function canSubmitObjectives(m: Membership, departmentId: string): boolean {
  return canEditSection(m, { ownerDepartmentId: departmentId })
}

export function canDecideObjectives(m: Membership, departmentId: string): boolean {
  return canLead(m.role) && m.leadOf.includes(departmentId)
}

/** Why a section is read-only for this person, in words the editor can show. */
export function readOnlyReason(m: Membership, s: SectionAccessTarget, ownerName?: string): string | null {
  if (canEditSection(m, s)) return null
  if (m.role === 'viewer') return 'You have view access to this workspace, so this section is read-only.'
  if (m.role === 'commenter') return 'You can comment on this section, but not edit it.'
  return `This section belongs to ${ownerName ?? 'another department'}; only its editors can change it.`
}

export interface WorkspaceAbilities {
  manageMembers: boolean
  manageDepartments: boolean
  invite: boolean
  createPlans: boolean
}

export function workspaceAbilities(m: Membership): WorkspaceAbilities {
  return {
    manageMembers: canManageWorkspace(m),
    manageDepartments: canManageDepartments(m),
    invite: canInvite(m),
    createPlans: canCreatePlan(m),
  }
}

export interface SectionAbilities {
  read: boolean
  edit: boolean
  comment: boolean
}

export function sectionAbilities(m: Membership, s: SectionAccessTarget): SectionAbilities {
  return { read: canReadSection(m, s), edit: canEditSection(m, s), comment: canCommentSection(m, s) }
}

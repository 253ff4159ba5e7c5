import { z } from 'zod'
import { LIMITS } from '../limits'
import { Email } from '../auth/schema'
import { Role } from './roles'

export const Id = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/, 'Not a valid id.')

export const WorkspaceParams = z.object({ id: Id })
export const MemberParams = z.object({ id: Id, userId: Id })
export const DepartmentParams = z.object({ id: Id, departmentId: Id })
export const InviteParams = z.object({ id: Id, inviteId: Id })
export const InviteTokenParams = z.object({
  token: z
    .string()
    .min(20)
    .max(128)
    .regex(/^[a-z0-9]+$/),
})

export const Department = z.object({ id: z.string(), name: z.string(), position: z.number() })
export type Department = z.infer<typeof Department>

export const Member = z.object({
  userId: z.string(),
  name: z.string(),
  email: z.string(),
  role: Role,
  departmentIds: z.array(z.string()),
  leadOf: z.array(z.string()),
  joinedAt: z.number(),
})
export type Member = z.infer<typeof Member>

export const WorkspaceAbilities = z.object({
  manageMembers: z.boolean(),
  manageDepartments: z.boolean(),
  invite: z.boolean(),
  createPlans: z.boolean(),
})

export const WorkspaceSummary = z.object({ id: z.string(), name: z.string(), role: Role })
export type WorkspaceSummary = z.infer<typeof WorkspaceSummary>
export const WorkspaceList = z.object({ workspaces: z.array(WorkspaceSummary) })

export const Workspace = z.object({
  id: z.string(),
  name: z.string(),
  createdAt: z.number(),
  departments: z.array(Department),
  members: z.array(Member),
  /** The caller's own membership and what it allows, so the UI never guesses. */
  me: z.object({ role: Role, departmentIds: z.array(z.string()), leadOf: z.array(z.string()) }),
  abilities: WorkspaceAbilities,
})
export type Workspace = z.infer<typeof Workspace>

const WorkspaceName = z.string().trim().min(1, 'Give the workspace a name.').max(LIMITS.workspaceNameLength)
export const CreateWorkspaceBody = z.object({ name: WorkspaceName })
export const RenameWorkspaceBody = z.object({ name: WorkspaceName })

const DepartmentName = z.string().trim().min(1, 'Give the department a name.').max(LIMITS.departmentNameLength)
export const CreateDepartmentBody = z.object({ name: DepartmentName })
export const RenameDepartmentBody = z.object({ name: DepartmentName })

const IdList = z.array(Id).max(LIMITS.departmentsPerWorkspace)

export const UpdateMemberBody = z
  .object({ role: Role.optional(), departmentIds: IdList.optional(), leadOf: IdList.optional() })
  .refine((b) => b.role !== undefined || b.departmentIds !== undefined || b.leadOf !== undefined, {
    message: 'Send at least one of role, departmentIds or leadOf.',
  })
export type UpdateMemberBody = z.infer<typeof UpdateMemberBody>

export const CreateInviteBody = z.object({
  role: Role.exclude(['owner']),
  departmentIds: IdList.optional(),
  /** When given, the link is mailed to this address. */
  email: Email.optional(),
})
export type CreateInviteBody = z.infer<typeof CreateInviteBody>

export const Invite = z.object({
  id: z.string(),
  role: Role,
  departmentIds: z.array(z.string()),
  createdAt: z.number(),
  expiresAt: z.number(),
  createdBy: z.string(),
  status: z.enum(['pending', 'used', 'revoked', 'expired']),
})
export type Invite = z.infer<typeof Invite>
export const InviteList = z.object({ invites: z.array(Invite) })

/** Only returned once, at creation: the server keeps a hash of the token, never the token. */
export const CreatedInvite = Invite.extend({ token: z.string(), url: z.string() })
export type CreatedInvite = z.infer<typeof CreatedInvite>

export const InvitePreview = z.object({
  workspaceName: z.string(),
  role: Role,
  departments: z.array(z.string()),
  invitedBy: z.string(),
  expiresAt: z.number(),
})
export type InvitePreview = z.infer<typeof InvitePreview>

export const AcceptedInvite = z.object({ workspaceId: z.string() })

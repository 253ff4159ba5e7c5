import { z } from 'zod'
import { LIMITS } from '../limits'
import { ApprovalState } from '../plan-model/schema'
import { Id } from '../workspaces/schema'
import { UserRef } from '../comments/schema'

/**
 * Approvals of each department's objectives (docs/product.md#comments-and-approvals, #interfaces-integrators-rely-on).
 */

export const ApprovalParams = z.object({ id: Id, departmentId: Id })

export const Decision = z.enum(['approve', 'request_changes'])
export type Decision = z.infer<typeof Decision>

export const DecisionBody = z
  .strictObject({
    decision: Decision,
    /** Required when requesting changes; a note otherwise. */
    reason: z.string().trim().min(1, 'Write a reason, or leave it out.').max(LIMITS.approvalReasonLength).optional(),
    /** The hash of the objectives the lead reviewed: when given and they changed since, nothing is decided (409). */
    hash: z
      .string()
      .regex(/^[0-9a-f]{64}$/, 'Not a SHA-256 hash in lower-case hex.')
      .optional(),
  })
  .refine((b) => b.decision !== 'request_changes' || b.reason !== undefined, {
    message: 'Say what should change: a reason is required when requesting changes.',
    path: ['reason'],
  })
export type DecisionBody = z.infer<typeof DecisionBody>

export const CanonicalObjective = z.object({
  id: z.string(),
  statement: z.string(),
  metric: z.string(),
  unit: z.string(),
  baseline: z.number().nullable(),
  target: z.number().nullable(),
  deadline: z.string().nullable(),
  owner: z.string(),
  networkIds: z.array(z.string()),
})

export const ObjectiveChange = z.object({
  objectiveId: z.string(),
  change: z.enum(['added', 'removed', 'changed']),
  /** null when the whole objective was added or removed. */
  field: z.string().nullable(),
  before: z.unknown(),
  after: z.unknown(),
})

export const DepartmentApproval = z.object({
  departmentId: z.string(),
  departmentName: z.string(),
  /** The department's Objectives section in this plan. */
  sectionId: z.string().nullable(),
  state: ApprovalState,
  submittedBy: UserRef.nullable(),
  submittedAt: z.number().nullable(),
  decidedBy: UserRef.nullable(),
  decidedAt: z.number().nullable(),
  reason: z.string().nullable(),
  /** When edits made an approval stale. */
  staleAt: z.number().nullable(),
  /** What the last decision was made on (for an approval: exactly what was approved), and its hash. */
  snapshot: z.array(CanonicalObjective).nullable(),
  snapshotHash: z.string().nullable(),
  /** The hash of the objectives as they are now. */
  currentHash: z.string(),
  /** What changed since the last decision, field by field; null before any decision. */
  changes: z.array(ObjectiveChange).nullable(),
  abilities: z.object({ submit: z.boolean(), decide: z.boolean() }),
})
export type DepartmentApproval = z.infer<typeof DepartmentApproval>

export const ApprovalList = z.object({ approvals: z.array(DepartmentApproval) })

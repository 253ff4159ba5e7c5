import type { CanonicalSnapshot } from '../../../shared/approvals/canonical'
import type { CommandServices } from '../../after-commit'
import type { ApprovalKey } from '../repo'
import type { ApprovalRow } from '../tables'
import { moveObjectivesApproval } from './move-approval'

export interface DecideObjectivesInput {
  key: ApprovalKey
  department: { name: string }
  sectionId: string | null
  from: ApprovalRow | undefined
  deciderId: string
  decision: 'approve' | 'request_changes'
  reason?: string
  /** What is decided on: what the server holds now, stored verbatim with its hash. */
  current: CanonicalSnapshot
}

/** A lead approves a department's objectives or requests changes; the submitter is told. */
export function decideObjectives(services: CommandServices, input: DecideObjectivesInput): Promise<boolean> {
  const { department, current, reason } = input
  const now = Date.now()
  const approve = input.decision === 'approve'
  return moveObjectivesApproval(services, {
    key: input.key,
    sectionId: input.sectionId,
    from: input.from,
    to: {
      state: approve ? 'approved' : 'changes_requested',
      snapshot: current.json,
      hash: current.hash,
      decided_by: input.deciderId,
      decided_at: now,
      reason: reason ?? null,
      stale_at: null,
      updated_at: now,
    },
    activity: {
      kind: approve ? 'objectives_approved' : 'objectives_changes_requested',
      actorId: input.deciderId,
      details: { departmentName: department.name, hash: current.hash, ...(reason ? { reason } : {}) },
    },
    tell: {
      to: input.from?.submitted_by ? { userId: input.from.submitted_by } : null,
      kind: 'approval_decided',
      excerpt: approve
        ? `${department.name}'s objectives were approved.`
        : `Changes were requested to ${department.name}'s objectives: ${reason}`,
    },
  })
}

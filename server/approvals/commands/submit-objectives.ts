import type { CommandServices } from '../../after-commit'
import type { ApprovalKey } from '../repo'
import type { ApprovalRow } from '../tables'
import { moveObjectivesApproval } from './move-approval'

export interface SubmitObjectivesInput {
  key: ApprovalKey
  department: { name: string }
  sectionId: string | null
  from: ApprovalRow | undefined
  submitterId: string
}

/** Submit a department's objectives to its leads. The last decision's snapshot stays: the lead reviews what changed since. */
export function submitObjectives(services: CommandServices, input: SubmitObjectivesInput): Promise<boolean> {
  const now = Date.now()
  return moveObjectivesApproval(services, {
    key: input.key,
    sectionId: input.sectionId,
    from: input.from,
    to: { state: 'submitted', submitted_by: input.submitterId, submitted_at: now, stale_at: null, updated_at: now },
    activity: {
      kind: 'objectives_submitted',
      actorId: input.submitterId,
      details: { departmentName: input.department.name },
    },
    tell: {
      to: 'leads',
      kind: 'approval_submitted',
      excerpt: `${input.department.name}'s objectives are waiting for your decision.`,
    },
  })
}

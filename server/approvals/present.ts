import { type CanonicalSnapshot, parseSnapshot } from '../../shared/approvals/canonical'
import { objectiveChanges } from '../../shared/approvals/diff'
import type { DepartmentApproval } from '../../shared/approvals/schema'
import { whyNotDecide, whyNotSubmit } from '../../shared/approvals/transitions'
import type { UserRef } from '../../shared/comments/schema'
import { type Membership, canDecideObjectives, canSubmitObjectives } from '../../shared/workspaces/permissions'
import type { ApprovalRow } from './tables'

/** One department's approval as the caller sees it, with what changed since the last decision. */
export function presentApproval(
  department: { id: string; name: string },
  sectionId: string | null,
  row: ApprovalRow | undefined,
  current: CanonicalSnapshot,
  caller: Membership,
  people: (id: string | null | undefined) => UserRef | null,
): DepartmentApproval {
  const state = row?.state ?? 'draft'
  const snapshot = row?.snapshot ? parseSnapshot(row.snapshot) : null
  const mayDecide = whyNotDecide(state, 'approve') === null || whyNotDecide(state, 'request_changes') === null
  return {
    departmentId: department.id,
    departmentName: department.name,
    sectionId,
    state,
    submittedBy: people(row?.submitted_by),
    submittedAt: row?.submitted_at ?? null,
    decidedBy: people(row?.decided_by),
    decidedAt: row?.decided_at ?? null,
    reason: row?.reason ?? null,
    staleAt: row?.stale_at ?? null,
    snapshot,
    snapshotHash: row?.hash ?? null,
    currentHash: current.hash,
    changes: snapshot ? objectiveChanges(snapshot, current.objectives) : null,
    abilities: {
      submit: canSubmitObjectives(caller, department.id) && whyNotSubmit(state) === null,
      decide: canDecideObjectives(caller, department.id) && mayDecide,
    },
  }
}

import type { ApprovalState } from '../plan-model/schema'
import type { Decision } from './schema'

/**
 * The approval state machine (docs/product.md#comments-and-approvals): draft → submitted → approved |
 * changes_requested; edits to approved objectives make them stale, and a stale approval is decided again. A lead may
 * also send approved objectives back. Each check returns why a move is not possible, or null when it is.
 */
export interface Refusal {
  code: string
  message: string
}

export function whyNotSubmit(state: ApprovalState): Refusal | null {
  if (state === 'submitted')
    return { code: 'already_submitted', message: 'These objectives are already waiting for a decision.' }
  if (state === 'approved')
    return { code: 'already_approved', message: 'These objectives are approved; change them before submitting again.' }
  return null
}

export function whyNotDecide(state: ApprovalState, decision: Decision): Refusal | null {
  if (state === 'submitted' || state === 'stale') return null
  if (state === 'approved')
    return decision === 'approve'
      ? { code: 'already_approved', message: 'These objectives are already approved.' }
      : null
  return { code: 'not_submitted', message: 'These objectives have not been submitted for a decision.' }
}

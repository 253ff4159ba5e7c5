import type { ApprovalState } from '../plan-model/schema'

/** How each approval state reads and looks, everywhere it is shown. */
export const APPROVAL_STATES: Record<ApprovalState, { label: string; color: string; hint: string }> = {
  draft: { label: 'Draft', color: 'gray', hint: 'Not submitted for approval yet.' },
  submitted: { label: 'Submitted', color: 'blue', hint: "Waiting for the department lead's decision." },
  approved: { label: 'Approved', color: 'teal', hint: 'Approved by the department lead.' },
  changes_requested: { label: 'Changes requested', color: 'orange', hint: 'The department lead asked for changes.' },
  stale: { label: 'Stale', color: 'red', hint: 'Edited since it was approved: the lead must review it again.' },
}

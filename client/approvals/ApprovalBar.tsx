import type { Section } from '../../shared/plans/schema'
import type { PlanViewProps } from '../plans/plan-views'

// Scaffold: replaced by the objectives' approval state and actions (submit, approve, request changes).
export function ApprovalBar(_props: PlanViewProps & { section: Section }) {
  return null
}

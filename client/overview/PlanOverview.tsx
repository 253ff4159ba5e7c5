import type { PlanViewProps } from '../plans/plan-views'

// Scaffold: replaced by the PlanOverview view.
export function PlanOverview(_props: PlanViewProps) {
  return null
}

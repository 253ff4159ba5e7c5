import type { PlanViewProps } from '../plans/plan-views'

// Scaffold: replaced by the live health panel (a header button with the findings count).
export function HealthButton(_props: PlanViewProps) {
  return null
}

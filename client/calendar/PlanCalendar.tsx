import type { PlanViewProps } from '../plans/plan-views'

// Scaffold: replaced by the PlanCalendar view.
export function PlanCalendar(_props: PlanViewProps) {
  return null
}

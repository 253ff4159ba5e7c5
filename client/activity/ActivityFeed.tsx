import type { PlanViewProps } from '../plans/plan-views'

// Scaffold: replaced by the ActivityFeed view.
export function ActivityFeed(_props: PlanViewProps) {
  return null
}

import type { Section } from '../../shared/plans/schema'
import type { RoomConnection } from '../sync/section-connection'
import type { PlanViewProps } from '../plans/plan-views'

export interface StructuredContentProps extends PlanViewProps {
  section: Section
  connection: RoomConnection
  editable: boolean
}

// Scaffold: replaced by the structured fields of each section kind.
export function StructuredContent(_props: StructuredContentProps) {
  return null
}

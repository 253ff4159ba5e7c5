import { Suspense, lazy } from 'react'
import type { PlanViewProps } from '../plans/plan-views'
import { PageLoader } from '../ui/states'

// FullCalendar is large: it loads only when someone opens the calendar.
const CalendarView = lazy(() => import('./CalendarView'))

/** The plan's calendar view (`?view=calendar`): every network's entries and the process's deliverables. */
export function PlanCalendar(props: PlanViewProps) {
  return (
    <Suspense fallback={<PageLoader label="Opening the calendar…" />}>
      <CalendarView {...props} />
    </Suspense>
  )
}

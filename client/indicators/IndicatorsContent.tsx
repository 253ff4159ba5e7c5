import { Suspense, lazy } from 'react'
import type { PlanViewProps } from '../plans/plan-views'
import type { RoomConnection } from '../sync/section-connection'
import { PageLoader } from '../ui/states'

// The charts (recharts) load only when an Indicators section is opened.
const IndicatorsEditor = lazy(() => import('./IndicatorsEditor'))

export type IndicatorsContentProps = { connection: RoomConnection; editable: boolean } & PlanViewProps

/**
 * The structured content of the Indicators section (kind `indicators`): the plan-wide KPIs, an editable
 * table of their baseline, target and dated actual values, and a chart per indicator. Mounted by
 * StructuredContent for sections of kind `indicators`; read-only when `editable` is false.
 */
export function IndicatorsContent({ connection, editable }: IndicatorsContentProps) {
  return (
    <Suspense fallback={<PageLoader label="Loading the indicators…" />}>
      <IndicatorsEditor connection={connection} editable={editable} />
    </Suspense>
  )
}

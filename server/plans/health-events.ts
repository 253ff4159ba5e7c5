import type { PlanEvents } from '../sync/plan-events'
import type { ObservedSection, SectionObserver } from './write-observers'

/** How long the writes to one plan are gathered before its health panels are told to ask again. */
const HEALTH_EVENT_DELAY_MS = 300

/**
 * Tells a plan's open pages that its health may have changed (docs/product.md#the-plan-health-check, the live panel): after a
 * stored write to any of its sections, one `health` plan event per plan at most every `delayMs` —
 * the first write starts the wait and the writes that follow ride along, so a person typing steadily
 * still sees the panel follow within a fraction of a second. The panels then refetch
 * `GET /api/plans/:id/health`, which reads the documents as they are by then.
 */
export function createHealthPublisher(planEvents: PlanEvents, delayMs = HEALTH_EVENT_DELAY_MS): SectionObserver {
  const waiting = new Map<string, NodeJS.Timeout>()
  const schedule = ({ plan_id: planId, workspace_id: workspaceId }: ObservedSection) => {
    if (waiting.has(planId)) return
    const timer = setTimeout(() => {
      waiting.delete(planId)
      planEvents.publish({ kind: 'health', workspaceId, planId })
    }, delayMs)
    timer.unref()
    waiting.set(planId, timer)
  }
  return {
    load: (section) => Promise.resolve(() => schedule(section)),
  }
}

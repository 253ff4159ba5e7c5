import type * as Y from 'yjs'
import { log } from '../log'
import type { Db } from '../storage/database'
import type { DocPeer, WriteObserver } from '../sync/live-doc'
import type { PlanEvents } from '../sync/plan-events'

/** How long the writes to one plan are gathered before its health panels are told to ask again. */
export const HEALTH_EVENT_DELAY_MS = 300

export interface SectionPlan {
  planId: string
  workspaceId: string
}

/** The plan a section belongs to, or null (an unknown room, e.g. a plan's own presence room). */
export type SectionPlanLookup = (sectionId: string) => Promise<SectionPlan | null>

export function sectionPlanLookup(db: Db): SectionPlanLookup {
  return async (sectionId) => {
    const row = await db.selectFrom('sections').select(['plan_id', 'workspace_id']).where('id', '=', sectionId).executeTakeFirst()
    return row ? { planId: row.plan_id, workspaceId: row.workspace_id } : null
  }
}

/**
 * Tells a plan's open pages that its health may have changed (SPEC §3, the live panel): after a
 * stored write to any of its sections, one `health` plan event per plan at most every `delayMs` —
 * the first write starts the wait and the writes that follow ride along, so a person typing steadily
 * still sees the panel follow within a fraction of a second. The panels then refetch
 * `GET /api/plans/:id/health`, which reads the documents as they are by then.
 */
export function createHealthPublisher(lookup: SectionPlanLookup, planEvents: PlanEvents, delayMs = HEALTH_EVENT_DELAY_MS): WriteObserver {
  const waiting = new Map<string, NodeJS.Timeout>()
  const schedule = ({ planId, workspaceId }: SectionPlan) => {
    if (waiting.has(planId)) return
    const timer = setTimeout(() => {
      waiting.delete(planId)
      planEvents.publish({ kind: 'health', workspaceId, planId })
    }, delayMs)
    timer.unref()
    waiting.set(planId, timer)
  }
  return {
    async load(sectionId) {
      const plan = await lookup(sectionId).catch((err) => {
        log.error('health events could not look up a section', { sectionId, error: String(err) })
        return null
      })
      return plan ? () => schedule(plan) : null
    },
  }
}

/** Several write observers as one (LiveDocOptions takes one): each loads and runs on its own. */
export function combineWriteObservers(...observers: WriteObserver[]): WriteObserver {
  return {
    async load(sectionId) {
      const loaded = (await Promise.all(observers.map((o) => o.load(sectionId)))).filter((f) => f !== null)
      if (loaded.length === 0) return null
      return (doc: Y.Doc, origin: DocPeer | 'server') => {
        for (const observe of loaded) {
          try {
            observe(doc, origin)
          } catch (err) {
            log.error('a write observer failed', { sectionId, error: String(err) })
          }
        }
      }
    },
  }
}

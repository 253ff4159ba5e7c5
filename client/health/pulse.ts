import { useEffect } from 'react'
import type * as Y from 'yjs'

/**
 * The health panel's fallback: every open section room says when its document changed, so the panel
 * can ask the server again even if a plan event was missed (a plan room reconnecting, say).
 */
const listeners = new Map<string, Set<() => void>>()

export function onPlanDocChange(planId: string, listener: () => void): () => void {
  let set = listeners.get(planId)
  if (!set) listeners.set(planId, (set = new Set()))
  set.add(listener)
  return () => {
    set.delete(listener)
    if (set.size === 0) listeners.delete(planId)
  }
}

/** Tells the plan's health panel that one of its section documents changed. */
export function announceDocChange(planId: string) {
  listeners.get(planId)?.forEach((l) => l())
}

/** Reports each update of a section's document of this plan to the health panel. */
export function usePlanDocPulse(planId: string, doc: Y.Doc) {
  useEffect(() => {
    const handler = () => announceDocChange(planId)
    doc.on('update', handler)
    return () => doc.off('update', handler)
  }, [planId, doc])
}

import type * as Y from 'yjs'
import { log } from '../log'
import type { Db } from '../storage/database'
import type { WriteObserver } from '../sync/live-doc'
import { type SectionRef, capture, findSectionRef, recordAutomatic } from './versions'

/** While people edit a section, an automatic snapshot at most this often (HISTORY_SNAPSHOT_EVERY_MS). */
export const DEFAULT_SNAPSHOT_EVERY_MS = 5 * 60_000

/**
 * Automatic snapshots of each section: the first write after a snapshot starts a wait of `everyMs`,
 * the writes that follow ride along, and the section as it is then is stored. When the section leaves
 * memory (its last person left), it is stored too. A snapshot identical to the section's newest
 * version is skipped, so an idle section gathers none.
 *
 * `observer` goes into the hub's `afterWrite` and `beforeUnload` into its options.
 */
export function createAutoSnapshots(db: Db, everyMs = DEFAULT_SNAPSHOT_EVERY_MS) {
  const waiting = new Map<string, NodeJS.Timeout>()
  // One store at a time per section, so two triggers never both find the same newest version and both add one.
  const queues = new Map<string, Promise<void>>()

  function take(section: SectionRef, doc: Y.Doc): Promise<void> {
    // Captured now, while the document is live; storing it may take a while.
    const captured = capture(doc)
    const previous = queues.get(section.id) ?? Promise.resolve()
    const next = previous
      .then(() => recordAutomatic(db, section, captured))
      .then(
        () => {},
        (err) => log.error('an automatic history snapshot failed', { sectionId: section.id, error: String(err) }),
      )
      .finally(() => {
        if (queues.get(section.id) === next) queues.delete(section.id)
      })
    queues.set(section.id, next)
    return next
  }

  const observer: WriteObserver = {
    async load(sectionId) {
      const section = await findSectionRef(db, sectionId).catch((err) => {
        log.error('history could not look up a section', { sectionId, error: String(err) })
        return undefined
      })
      // A plan's presence room is not a section: nothing to keep.
      if (!section) return null
      return (doc) => {
        if (waiting.has(sectionId)) return
        const timer = setTimeout(() => {
          waiting.delete(sectionId)
          if (!doc.isDestroyed) void take(section, doc)
        }, everyMs)
        timer.unref()
        waiting.set(sectionId, timer)
      }
    },
  }

  async function beforeUnload(sectionId: string, doc: Y.Doc): Promise<void> {
    clearTimeout(waiting.get(sectionId))
    waiting.delete(sectionId)
    // Nothing was ever written: no version to keep.
    if (doc.store.clients.size === 0) return
    const section = await findSectionRef(db, sectionId)
    if (section) await take(section, doc)
  }

  return { observer, beforeUnload }
}

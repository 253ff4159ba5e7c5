import type * as Y from 'yjs'
import { log } from '../log'
import type { SectionObserver } from '../plans/write-observers'
import type { Db } from '../storage/database'
import { type SectionRef, capture, recordAutomatic } from './versions'

/** While people edit a section, an automatic snapshot at most this often (HISTORY_SNAPSHOT_EVERY_MS). */
export const DEFAULT_SNAPSHOT_EVERY_MS = 5 * 60_000

/**
 * Automatic snapshots of each section: the first write after a snapshot starts a wait of `everyMs`,
 * the writes that follow ride along, and the section as it is then is stored. When the section leaves
 * memory (its last person left) with writes not yet stored that way, it is stored then. A snapshot
 * identical to the section's newest version is skipped, so an idle section gathers none.
 *
 * `observer` goes into the hub's `afterWrite` and `beforeUnload` into its options.
 */
export function createAutoSnapshots(db: Db, everyMs = DEFAULT_SNAPSHOT_EVERY_MS) {
  /** The sections written here since their last snapshot, with the wait for the next one. */
  const waiting = new Map<string, { section: SectionRef; timer: NodeJS.Timeout }>()
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

  const observer: SectionObserver = {
    load(section) {
      return Promise.resolve((doc: Y.Doc) => {
        if (waiting.has(section.id)) return
        const timer = setTimeout(() => {
          waiting.delete(section.id)
          if (!doc.isDestroyed) void take(section, doc)
        }, everyMs)
        timer.unref()
        waiting.set(section.id, { section, timer })
      })
    },
  }

  async function beforeUnload(sectionId: string, doc: Y.Doc): Promise<void> {
    const pending = waiting.get(sectionId)
    // Nothing written since the last snapshot (or a room that is no section): that snapshot already holds it.
    if (!pending) return
    clearTimeout(pending.timer)
    waiting.delete(sectionId)
    await take(pending.section, doc)
  }

  return { observer, beforeUnload }
}

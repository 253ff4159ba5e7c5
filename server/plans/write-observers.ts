import type * as Y from 'yjs'
import { log } from '../log'
import type { DocPeer, WriteObserver } from '../sync/live-doc'
import type { SectionRow } from './tables'

/** What the observers of a section's writes know of it. */
export type ObservedSection = Pick<SectionRow, 'id' | 'plan_id' | 'workspace_id' | 'kind' | 'owner_department_id'>

/** The section a room is, or undefined (an unknown room, e.g. a plan's own presence room). */
export type SectionLookup = (sectionId: string) => Promise<ObservedSection | undefined>

/** A WriteObserver that is handed the section it loads for, so that one lookup serves them all. */
export interface SectionObserver {
  load(section: ObservedSection): Promise<((doc: Y.Doc, origin: DocPeer | 'server') => void) | null>
}

/**
 * Several section observers as one WriteObserver (LiveDocOptions takes one): the section is looked up
 * once per load, then each observer loads and runs on its own. A room that is no section is watched by none.
 */
export function combineWriteObservers(lookup: SectionLookup, ...observers: SectionObserver[]): WriteObserver {
  return {
    async load(sectionId) {
      const section = await lookup(sectionId).catch((err) => {
        log.error('write observers could not look up a section', { sectionId, error: String(err) })
        return undefined
      })
      if (!section) return null
      const loaded = (await Promise.all(observers.map((o) => o.load(section)))).filter((f) => f !== null)
      if (loaded.length === 0) return null
      return (doc, origin) => {
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

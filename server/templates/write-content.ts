import * as Y from 'yjs'
import { type PlannedSection, writePlannedSection } from '../../shared/templates/instantiate'
import type { DocumentHub } from '../sync/hub'

/**
 * Write what a new plan's sections start with (a template's content, or a copied plan's) as each
 * section's first stored update, all in one commit. The sections were created a moment ago and nobody
 * knows their ids yet, so no live document can be missing it; none is loaded, so nothing is left in
 * memory to unload (and snapshot) later.
 */
export async function writeTemplateContent(hub: DocumentHub, sections: readonly PlannedSection[]) {
  const entries = sections
    .filter((s) => s.fill)
    .map((s) => {
      const doc = new Y.Doc()
      try {
        writePlannedSection(doc, s)
        return { sectionId: s.id, data: Y.encodeStateAsUpdate(doc) }
      } finally {
        doc.destroy()
      }
    })
  if (entries.length > 0) await hub.updateLog.append(entries)
}

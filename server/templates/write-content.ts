import { type PlannedSection, writePlannedSection } from '../../shared/templates/instantiate'
import type { DocumentHub } from '../sync/hub'

/** Write what a template holds into the new plan's sections, one server change per filled section. */
export async function writeTemplateContent(hub: DocumentHub, sections: readonly PlannedSection[]) {
  for (const section of sections) {
    if (section.fill) await hub.change(section.id, (doc) => writePlannedSection(doc, section))
  }
}

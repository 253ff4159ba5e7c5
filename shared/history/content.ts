import { yXmlFragmentToProsemirrorJSON } from '@tiptap/y-tiptap'
import type * as Y from 'yjs'
import { BODY_FIELD } from '../editor/body-field'
import type { SectionKind } from '../plans/catalog'
import { readContent } from '../plan-model/read'
import { blocksOf } from './blocks'
import type { SectionSnapshotContent } from './schema'

/**
 * A section's document as history compares it: the rich text as blocks and the structured fields as
 * the plan model reads them. The server reads a version with it; the web app reads the live section.
 */
export function snapshotContent(doc: Y.Doc, kind: SectionKind): SectionSnapshotContent {
  let blocks: SectionSnapshotContent['blocks'] = []
  try {
    blocks = blocksOf(yXmlFragmentToProsemirrorJSON(doc.getXmlFragment(BODY_FIELD)))
  } catch {
    // A body that is not rich text (a client defined it as something else) reads as empty, as readBodyText does.
  }
  return { blocks, fields: readContent(doc, kind) }
}

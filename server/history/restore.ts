import { updateYFragment, yXmlFragmentToProseMirrorRootNode } from '@tiptap/y-tiptap'
import type * as Y from 'yjs'
import { richTextSchema } from '../../shared/editor/extensions'
import { BODY_FIELD } from '../../shared/editor/body-field'
import type { SectionKind } from '../../shared/plans/catalog'
import { readContent } from '../../shared/plan-model/read'
import { writeContent } from '../../shared/plan-model/write'

/**
 * Make `doc` hold what `version` holds, as a change on top of it: the rich text is brought to the
 * version's with y-tiptap's own reconciliation (what is the same stays the same Yjs items, so
 * comments anchored there and people's carets survive), and the structured fields are rewritten
 * only when they differ. Runs inside the transaction of a `hub.change`.
 */
export function applyVersion(doc: Y.Doc, version: Y.Doc, kind: SectionKind) {
  const wanted = yXmlFragmentToProseMirrorRootNode(version.getXmlFragment(BODY_FIELD), richTextSchema())
  updateYFragment(doc, doc.getXmlFragment(BODY_FIELD), wanted, { mapping: new Map(), isOMark: new Map() })
  const fields = readContent(version, kind)
  if (JSON.stringify(fields) !== JSON.stringify(readContent(doc, kind))) writeContent(doc, kind, fields)
}

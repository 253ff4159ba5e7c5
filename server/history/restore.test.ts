import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { objective } from '../../shared/plan-model/fixtures'
import { readContent } from '../../shared/plan-model/read'
import { updateItem, writeContent } from '../../shared/plan-model/write'
import { appendParagraph, bodyText } from '../../tests/support/sync-clients'
import { applyVersion } from './restore'
import { capture, docFromState } from './versions'

function sectionDoc() {
  const doc = new Y.Doc()
  appendParagraph(doc, 'Answer every question within four hours.')
  appendParagraph(doc, 'Never argue in public.')
  writeContent(doc, 'objectives', { objectives: [objective('o1', 'Grow the community')] })
  return doc
}

describe('applyVersion', () => {
  it('brings back the text and the fields as a change on top, keeping what did not change', () => {
    const doc = sectionDoc()
    const version = docFromState(Y.encodeStateAsUpdate(doc))
    const kept = doc.getXmlFragment('body').get(1) as Y.XmlElement
    const anchor = Y.createRelativePositionFromTypeIndex(kept.get(0) as Y.XmlText, 6)

    appendParagraph(doc, 'A later paragraph.')
    ;((doc.getXmlFragment('body').get(0) as Y.XmlElement).get(0) as Y.XmlText).insert(0, 'Please: ')
    updateItem(doc, 'objectives', ['objectives'], 'o1', { target: 99 })

    const updates: Uint8Array[] = []
    doc.on('update', (u: Uint8Array) => updates.push(u))
    doc.transact(() => applyVersion(doc, version, 'objectives'))

    expect(bodyText(doc)).toBe(bodyText(version))
    expect(readContent(doc, 'objectives')).toEqual(readContent(version, 'objectives'))
    expect(updates).toHaveLength(1)
    // The untouched paragraph is the same Yjs content: a comment anchored in it still finds its words.
    const found = Y.createAbsolutePositionFromRelativePosition(anchor, doc)
    expect(found?.type).toBe(kept.get(0))
    expect(found?.index).toBe(6)
  })

  it('changes nothing when the version is the present', () => {
    const doc = sectionDoc()
    const version = docFromState(Y.encodeStateAsUpdate(doc))
    const updates: Uint8Array[] = []
    doc.on('update', (u: Uint8Array) => updates.push(u))
    doc.transact(() => applyVersion(doc, version, 'objectives'))
    expect(updates).toEqual([])
  })

  it('captures the same fingerprint inside the change as the document holds after it', () => {
    const doc = sectionDoc()
    const version = docFromState(Y.encodeStateAsUpdate(doc))
    appendParagraph(doc, 'To be undone.')
    let inside = capture(doc)
    doc.transact(() => {
      applyVersion(doc, version, 'objectives')
      inside = capture(doc)
    })
    expect(inside.fingerprint).toBe(capture(doc).fingerprint)
    expect(bodyText(docFromState(inside.state))).toBe(bodyText(version))
  })
})

import { toBase64 } from 'lib0/buffer'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { type ResolvedRange, applySuggestion, resolveSuggestion } from './range'

const pos = (text: Y.Text, index: number, assoc = 0) =>
  toBase64(Y.encodeRelativePosition(Y.createRelativePositionFromTypeIndex(text, index, assoc)))

/** A heading "Hello world" followed by a hard break and "after", as Tiptap stores it. */
function headingDoc() {
  const doc = new Y.Doc()
  const heading = new Y.XmlElement('heading')
  doc.getXmlFragment('body').push([heading])
  heading.setAttribute('level', '2')
  const text = new Y.XmlText()
  const after = new Y.XmlText()
  heading.insert(0, [text, new Y.XmlElement('hardBreak'), after])
  text.insert(0, 'Hello world')
  text.format(6, 5, { italic: true })
  after.insert(0, 'after')
  return { doc, text }
}

describe('applying a suggestion across paragraphs', () => {
  it('splits the block at each newline, like it, the rest of the line and the inline nodes after it in the last one', () => {
    const { doc, text } = headingDoc()
    const change = {
      target: 'body' as const,
      start: pos(text, 5),
      end: pos(text, 6, -1),
      deleted: ' ',
      inserted: '!\nThen\n',
    }
    const range = resolveSuggestion(doc, 'overview', change) as ResolvedRange
    doc.transact(() => applySuggestion(range, change.inserted))
    const blocks = doc.getXmlFragment('body').toArray() as Y.XmlElement[]
    expect(blocks.map((b) => [b.nodeName, b.getAttribute('level')])).toEqual([
      ['heading', '2'],
      ['heading', '2'],
      ['heading', '2'],
    ])
    expect(blocks.map((b) => b.toJSON())).toEqual([
      '<heading level="2">Hello!</heading>',
      '<heading level="2">Then</heading>',
      '<heading level="2"><italic>world</italic><hardbreak></hardbreak>after</heading>',
    ])
    expect((blocks[2]!.get(1) as Y.XmlElement).nodeName).toBe('hardBreak')
  })

  it('keeps a newline in a field as it is: a field holds plain text', () => {
    const doc = new Y.Doc()
    const field = new Y.Text('One line')
    doc.getMap('fields').set('audience', field)
    const change = {
      target: ['audience'],
      start: pos(field, 8),
      end: pos(field, 8, -1),
      deleted: '',
      inserted: '\nTwo',
    }
    doc.transact(() => applySuggestion(resolveSuggestion(doc, 'overview', change) as ResolvedRange, change.inserted))
    expect(field.toJSON()).toBe('One line\nTwo')
    expect(resolveSuggestion(doc, 'overview', { ...change, target: ['whySocial'] })).toBeNull()
  })
})

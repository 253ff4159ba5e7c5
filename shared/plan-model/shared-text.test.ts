import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { readContent } from './read'
import { sectionGuard } from './repair'
import { CONTENT_LIMITS } from './schema'
import { diffText, mapIndex } from './text'
import { contentProblems } from './validate'
import { addItem, setField, updateItem } from './write'
import { FIELDS } from './ydoc'

const sync = (a: Y.Doc, b: Y.Doc) => {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)))
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)))
}
const fields = (doc: Y.Doc) => doc.getMap<unknown>(FIELDS)

/** A server that applies a client's update, runs the content check and applies its repair. */
function guarded(kind: 'overview' | 'objectives') {
  const doc = new Y.Doc()
  const check = sectionGuard(kind)
  return {
    doc,
    receive(update: Uint8Array) {
      let tr: Y.Transaction | null = null
      const capture = (t: Y.Transaction) => (tr = t)
      doc.on('afterTransaction', capture)
      Y.applyUpdate(doc, update, 'client')
      doc.off('afterTransaction', capture)
      const repair = tr ? check(doc, tr) : null
      if (repair) Y.applyUpdate(doc, repair.update, 'server')
      return repair
    },
  }
}

describe('free-text fields as shared text', () => {
  it('are written as Y.Text, top-level and in items, and read back as plain strings', () => {
    const doc = new Y.Doc()
    setField(doc, 'overview', 'audience', 'Families nearby')
    const id = addItem(doc, 'objectives', ['objectives'], { statement: 'Fill weekday tables', target: 40 })
    expect(fields(doc).get('audience')).toBeInstanceOf(Y.Text)
    const item = (fields(doc).get('objectives') as Y.Array<Y.Map<unknown>>).get(0)
    expect(item.get('statement')).toBeInstanceOf(Y.Text)
    expect(item.get('target')).toBe(40)
    expect(readContent(doc, 'overview').audience).toBe('Families nearby')
    updateItem(doc, 'objectives', ['objectives'], id, { statement: 'Fill weekday tables by June' })
    expect(readContent(doc, 'objectives').objectives[0]!.statement).toBe('Fill weekday tables by June')
  })

  it('keep both people’s words when two type into one field at once, even a field nobody had written', () => {
    const a = new Y.Doc()
    const b = new Y.Doc()
    setField(a, 'overview', 'audience', 'Families')
    setField(b, 'overview', 'audience', 'Students')
    sync(a, b)
    const merged = readContent(a, 'overview').audience
    expect(merged).toBe(readContent(b, 'overview').audience)
    expect(merged).toContain('Families')
    expect(merged).toContain('Students')
  })

  it('still read the plain strings of a document from before', () => {
    const doc = new Y.Doc()
    fields(doc).set('audience', 'Written before shared text')
    expect(readContent(doc, 'overview').audience).toBe('Written before shared text')
  })

  it('are trimmed back to their limit when people typing at once take them past it', () => {
    const server = guarded('objectives')
    const a = new Y.Doc()
    addItem(a, 'objectives', ['objectives'], { id: 'o1', metric: '' })
    server.receive(Y.encodeStateAsUpdate(a))
    const b = new Y.Doc()
    Y.applyUpdate(b, Y.encodeStateAsUpdate(server.doc))
    const metric = (doc: Y.Doc) =>
      (fields(doc).get('objectives') as Y.Array<Y.Map<unknown>>).get(0).get('metric') as Y.Text
    const half = CONTENT_LIMITS.shortText * 0.75
    const updates: Uint8Array[] = []
    for (const [doc, ch] of [
      [a, 'a'],
      [b, 'b'],
    ] as const) {
      doc.on('update', (u: Uint8Array) => updates.push(u))
      metric(doc).insert(0, ch.repeat(half))
    }
    // Both arrive; the sum is past the limit until the server trims it.
    expect(server.receive(updates[0]!)).toBeNull()
    expect(readContent(server.doc, 'objectives').objectives[0]!.metric).toHaveLength(half)
    const repair = server.receive(updates[1]!)
    expect(repair?.message).toMatch(/past the 200-character limit/)
    expect(metric(server.doc).toJSON()).toHaveLength(CONTENT_LIMITS.shortText)
    expect(contentProblems(server.doc, 'objectives')).toEqual([])
  })

  it('a plain string a client writes is made shared text with the same characters, without a word to anyone', () => {
    const server = guarded('overview')
    const client = new Y.Doc()
    const updates: Uint8Array[] = []
    client.on('update', (u: Uint8Array) => updates.push(u))
    fields(client).set('whySocial', 'Our customers are there')
    const repair = server.receive(updates[0]!)
    expect(repair?.message).toBe('')
    expect(fields(server.doc).get('whySocial')).toBeInstanceOf(Y.Text)
    expect(readContent(server.doc, 'overview').whySocial).toBe('Our customers are there')
    expect(contentProblems(server.doc, 'overview')).toEqual([])
  })

  it('lose an embed a client puts in them, and keep formatting marks', () => {
    const server = guarded('overview')
    const client = new Y.Doc()
    setField(client, 'overview', 'audience', 'Families')
    server.receive(Y.encodeStateAsUpdate(client))
    const updates: Uint8Array[] = []
    client.on('update', (u: Uint8Array) => updates.push(u))
    const text = fields(client).get('audience') as Y.Text
    text.insertEmbed(0, { image: 'x.png' })
    text.format(1, 3, { suggestion: 'ins' })
    for (const u of updates) server.receive(u)
    expect(contentProblems(server.doc, 'overview')).toEqual([])
    const delta = (fields(server.doc).get('audience') as Y.Text).toDelta() as { insert: unknown }[]
    expect(delta.every((d) => typeof d.insert === 'string')).toBe(true)
    expect(readContent(server.doc, 'overview').audience).toBe('Families')
  })
})

describe('text changes', () => {
  it('finds the one change an input made, placed at the caret where it is ambiguous', () => {
    expect(diffText('abc', 'abXc')).toEqual({ index: 2, remove: 0, insert: 'X' })
    expect(diffText('aa', 'aaa', 1)).toEqual({ index: 0, remove: 0, insert: 'a' })
    expect(diffText('hello world', 'hello', 5)).toEqual({ index: 5, remove: 6, insert: '' })
    expect(diffText('one two', 'one 2', 5)).toEqual({ index: 4, remove: 3, insert: '2' })
    expect(diffText('same', 'same')).toBeNull()
    // An emoji is never cut in half.
    expect(diffText('a😀', 'a😃')).toEqual({ index: 1, remove: 2, insert: '😃' })
  })

  it('moves a position by what someone else inserted or removed before it, not after it', () => {
    // "hello world", caret after "hello" (5).
    expect(mapIndex([{ insert: 'Oh, ' }], 5)).toBe(9)
    expect(mapIndex([{ retain: 6 }, { insert: 'big ' }], 5)).toBe(5)
    expect(mapIndex([{ delete: 2 }], 5)).toBe(3)
    expect(mapIndex([{ retain: 3 }, { delete: 4 }], 5)).toBe(3)
    // An insertion exactly at the position: before it for -1, after it for 1.
    expect(mapIndex([{ retain: 5 }, { insert: '!' }], 5, -1)).toBe(5)
    expect(mapIndex([{ retain: 5 }, { insert: '!' }], 5, 1)).toBe(6)
  })
})

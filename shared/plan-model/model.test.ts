import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { content } from './fixtures'
import { buildPlanModel, readBodyText } from './model'
import { readContent } from './read'
import { SECTION_CONTENT } from './schema'
import { contentProblems } from './validate'
import { FIELDS } from './ydoc'
import { InvalidContentError, addItem, moveItem, removeItem, setField, updateItem, writeContent } from './write'

const sync = (from: Y.Doc, to: Y.Doc) => Y.applyUpdate(to, Y.encodeStateAsUpdate(from, Y.encodeStateVector(to)))
const fields = (doc: Y.Doc) => doc.getMap<unknown>(FIELDS)
const list = (doc: Y.Doc, name: string) => fields(doc).get(name) as Y.Array<Y.Map<unknown>>

describe('plan model: write then read', () => {
  it('reads back what writeContent wrote, on this document and on a synced one', () => {
    const doc = new Y.Doc()
    const written = content('competition', {
      competitors: [
        {
          id: 'c1',
          name: 'Other Bakery',
          networks: ['Instagram'],
          ideas: [
            { id: 'i1', idea: 'Live baking', objectiveId: 'o1' },
            { id: 'i2', notForUs: true },
          ],
        },
      ],
      monitoring: [{ id: 'm1', topic: 'Our croissants', where: 'X', tool: 'Google Alerts' }],
    })
    writeContent(doc, 'competition', written)
    expect(readContent(doc, 'competition')).toEqual(written)
    const other = new Y.Doc()
    sync(doc, other)
    expect(readContent(other, 'competition')).toEqual(written)
    expect(contentProblems(doc, 'competition')).toEqual([])
  })

  it('reads an empty document as every default', () => {
    for (const kind of Object.keys(SECTION_CONTENT) as (keyof typeof SECTION_CONTENT)[]) {
      expect(readContent(new Y.Doc(), kind)).toEqual(SECTION_CONTENT[kind].parse({}))
    }
  })

  it('sets fields and adds, updates, moves and removes items, nested lists included', () => {
    const doc = new Y.Doc()
    setField(doc, 'network', 'valueShare', 70)
    setField(doc, 'network', 'role', 'customer_loyalty')
    const a = addItem(doc, 'network', ['calendar'], { date: '2027-03-01', theme: 'Spring' })
    const b = addItem(doc, 'network', ['calendar'], { date: '2027-03-02', theme: 'Easter', format: 'reel' })
    updateItem(doc, 'network', ['calendar'], a, { status: 'ready', owner: 'user-ana' })
    moveItem(doc, 'network', ['calendar'], b, 0)
    const read = readContent(doc, 'network')
    expect(read.valueShare).toBe(70)
    expect(read.role).toBe('customer_loyalty')
    expect(read.calendar.map((e) => [e.id, e.theme, e.status])).toEqual([
      [b, 'Easter', 'idea'],
      [a, 'Spring', 'ready'],
    ])
    removeItem(doc, 'network', ['calendar'], a)
    expect(readContent(doc, 'network').calendar.map((e) => e.id)).toEqual([b])

    const competitor = addItem(doc, 'competition', ['competitors'], { name: 'Other Bakery' })
    const idea = addItem(doc, 'competition', ['competitors', competitor, 'ideas'], { idea: 'Live baking' })
    updateItem(doc, 'competition', ['competitors', competitor, 'ideas'], idea, { objectiveId: 'obj-1' })
    expect(readContent(doc, 'competition').competitors[0]!.ideas).toEqual([
      { id: idea, idea: 'Live baking', objectiveId: 'obj-1', notForUs: false },
    ])
    moveItem(doc, 'competition', ['competitors'], competitor, 0)
    expect(readContent(doc, 'competition').competitors[0]!.ideas[0]!.id).toBe(idea)
  })

  it('refuses invalid writes and changes nothing', () => {
    const doc = new Y.Doc()
    const id = addItem(doc, 'objectives', ['objectives'], { statement: 'Grow', target: 100 })
    const before = Y.encodeStateVector(doc)
    expect(() => setField(doc, 'network', 'valueShare', 130)).toThrow(InvalidContentError)
    expect(() => updateItem(doc, 'objectives', ['objectives'], id, { target: 'lots' as never })).toThrow(/target/)
    expect(() => updateItem(doc, 'objectives', ['objectives'], id, { deadline: '2027-02-30' })).toThrow(
      InvalidContentError,
    )
    expect(() => addItem(doc, 'objectives', ['objectives'], { id })).toThrow(/already has/)
    expect(() => addItem(doc, 'objectives', ['objectives'], { id: 'has spaces' })).toThrow(InvalidContentError)
    expect(() => addItem(doc, 'network', ['calendar'], { date: 42 as never })).toThrow(/date/)
    expect(() => setField(doc, 'network', 'goals' as never, [] as never)).toThrow(/is a list/)
    expect(() => updateItem(doc, 'objectives', ['objectives'], 'nope', { target: 1 })).toThrow(/no item/)
    expect(() => writeContent(doc, 'process', { networkCapacity: 2.5 })).toThrow(InvalidContentError)
    expect(Y.encodeStateVector(doc)).toEqual(before)
  })

  it('keeps both first items when two people create a list at the same time', () => {
    const [alice, bob] = [new Y.Doc(), new Y.Doc()]
    addItem(alice, 'network', ['calendar'], { theme: 'from Alice' })
    addItem(bob, 'network', ['calendar'], { theme: 'from Bob' })
    sync(alice, bob)
    sync(bob, alice)
    expect(
      readContent(alice, 'network')
        .calendar.map((e) => e.theme)
        .sort(),
    ).toEqual(['from Alice', 'from Bob'])
    expect(readContent(bob, 'network')).toEqual(readContent(alice, 'network'))
  })

  it('keeps both edits when two people change different fields of one item', () => {
    const alice = new Y.Doc()
    const id = addItem(alice, 'objectives', ['objectives'], { statement: 'Grow' })
    const bob = new Y.Doc()
    sync(alice, bob)
    updateItem(alice, 'objectives', ['objectives'], id, { target: 500 })
    updateItem(bob, 'objectives', ['objectives'], id, { deadline: '2027-06-30' })
    sync(alice, bob)
    sync(bob, alice)
    expect(readContent(alice, 'objectives').objectives[0]).toMatchObject({ target: 500, deadline: '2027-06-30' })
  })
})

describe('plan model: readers never pass invalid data on', () => {
  it('reads a wrong-typed value as the field default', () => {
    const doc = new Y.Doc()
    const id = addItem(doc, 'objectives', ['objectives'], { statement: 'Grow', target: 100, deadline: '2027-06-30' })
    const item = list(doc, 'objectives').get(0)
    item.set('target', 'lots')
    item.set('deadline', '2027-02-30')
    item.set('networkIds', 'sec-1')
    fields(doc).set('bogus', 1)
    expect(readContent(doc, 'objectives').objectives).toEqual([
      { ...content('objectives', { objectives: [{ id }] }).objectives[0], statement: 'Grow' },
    ])
  })

  it('skips list elements that are not items, lack a valid id, repeat an id or replace the list', () => {
    const doc = new Y.Doc()
    addItem(doc, 'network', ['calendar'], { id: 'same', theme: 'first' })
    const calendar = list(doc, 'calendar')
    const item = (id: unknown) => {
      const m = new Y.Map<unknown>()
      if (id !== undefined) m.set('id', id)
      m.set('theme', `theme of ${String(id)}`)
      return m
    }
    calendar.push([42 as never, item(undefined), item(7), item('bad id!'), item('same'), item('ok')])
    calendar.push([new Y.Text('text') as never])
    expect(readContent(doc, 'network').calendar.map((e) => [e.id, e.theme])).toEqual([
      ['same', 'first'],
      ['ok', 'theme of ok'],
    ])
    fields(doc).set('calendar', { id: 'x' })
    expect(readContent(doc, 'network').calendar).toEqual([])
  })

  it('returns copies: changing what was read does not change the document', () => {
    const doc = new Y.Doc()
    setField(doc, 'overview', 'departmentIds', ['d1'])
    readContent(doc, 'overview').departmentIds.push('d2')
    expect(readContent(doc, 'overview').departmentIds).toEqual(['d1'])
  })

  it('reads a document whose fields root is another type as empty', () => {
    const doc = new Y.Doc()
    doc.getArray(FIELDS).push([1, 2])
    expect(readContent(doc, 'tools')).toEqual({ tools: [] })
  })
})

describe('plan model: the plan', () => {
  it('builds the plan model from section documents, with each body as plain text', () => {
    const guidelines = new Y.Doc()
    const body = guidelines.getXmlFragment('body')
    const heading = new Y.XmlElement('heading')
    heading.insert(0, [new Y.XmlText('Tone')])
    const paragraph = new Y.XmlElement('paragraph')
    const text = new Y.XmlText('Be kind, ')
    paragraph.insert(0, [text])
    body.push([heading, paragraph])
    text.insert(text.length, 'be quick.', { bold: true })
    expect(readBodyText(guidelines)).toBe('Tone\nBe kind, be quick.')

    const process = new Y.Doc()
    setField(process, 'process', 'lead', 'user-ana')
    const model = buildPlanModel({
      plan: { id: 'p', title: 'Plan' },
      departments: [{ id: 'd', name: 'Marketing' }],
      sections: [
        { meta: { id: 's1', kind: 'process', title: 'Process & team', ownerDepartmentId: null }, doc: process },
        { meta: { id: 's2', kind: 'guidelines', title: 'Guidelines', ownerDepartmentId: null }, doc: guidelines },
      ],
    })
    expect(model.sections.map((s) => [s.kind, s.bodyText])).toEqual([
      ['process', ''],
      ['guidelines', 'Tone\nBe kind, be quick.'],
    ])
    expect(model.sections[0]!.content).toMatchObject({ lead: 'user-ana' })
    expect(model.approvals).toBeUndefined()
  })
})

import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { appendParagraph } from '../../tests/support/sync-clients'
import { readContent } from '../plan-model/read'
import { writeContent } from '../plan-model/write'
import { content, objective } from '../plan-model/fixtures'
import { type Block, blocksOf } from './blocks'
import { diffBlocks, hasBodyChanges } from './body-diff'
import { snapshotContent } from './content'
import { fieldChanges } from './field-diff'

const p = (text: string) => ({ type: 'paragraph', content: text ? [{ type: 'text', text }] : [] })
const doc = (...content: object[]) => ({ type: 'doc', content })
const para = (text: string): Block => ({ type: 'paragraph', text, level: 0, marker: null, depth: 0, quote: false })

describe('blocksOf', () => {
  it('flattens headings, lists, task lists, quotes and tables into blocks with their markers', () => {
    const blocks = blocksOf(
      doc(
        { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Tone' }] },
        p(''),
        {
          type: 'orderedList',
          attrs: { start: 3 },
          content: [
            {
              type: 'listItem',
              content: [
                p('First'),
                p('More of the first'),
                { type: 'bulletList', content: [{ type: 'listItem', content: [p('Nested')] }] },
              ],
            },
            { type: 'listItem', content: [p('Second')] },
          ],
        },
        { type: 'taskList', content: [{ type: 'taskItem', attrs: { checked: true }, content: [p('Done')] }] },
        {
          type: 'blockquote',
          content: [
            {
              type: 'paragraph',
              content: [{ type: 'text', text: 'Line' }, { type: 'hardBreak' }, { type: 'text', text: 'two' }],
            },
          ],
        },
        {
          type: 'table',
          content: [
            {
              type: 'tableRow',
              content: [
                { type: 'tableHeader', content: [p('Network')] },
                { type: 'tableCell', content: [p('Role')] },
              ],
            },
          ],
        },
        { type: 'horizontalRule' },
      ),
    )
    expect(blocks.map((b) => [b.type, b.text, b.marker, b.depth, b.level, b.quote])).toEqual([
      ['heading', 'Tone', null, 0, 2, false],
      ['paragraph', 'First', '3.', 1, 0, false],
      ['paragraph', 'More of the first', null, 1, 0, false],
      ['paragraph', 'Nested', '•', 2, 0, false],
      ['paragraph', 'Second', '4.', 1, 0, false],
      ['paragraph', 'Done', '☑', 1, 0, false],
      ['paragraph', 'Line\ntwo', null, 0, 0, true],
      ['row', 'Network | Role', null, 0, 0, false],
      ['rule', '', null, 0, 0, false],
    ])
  })
})

describe('diffBlocks', () => {
  it('keeps equal blocks, and shows a changed sentence word by word', () => {
    const diff = diffBlocks(
      [para('Intro'), para('We answer within four hours.')],
      [para('Intro'), para('We answer within two hours.'), para('New closing line')],
    )
    expect(diff.map((d) => d.change)).toEqual(['same', 'changed', 'added'])
    const changed = diff[1]!.parts
    expect(changed.filter((x) => x.change === 'removed').map((x) => x.text.trim())).toEqual(['four'])
    expect(changed.filter((x) => x.change === 'added').map((x) => x.text.trim())).toEqual(['two'])
    // Both sides can be read back from the parts.
    expect(
      changed
        .filter((x) => x.change !== 'added')
        .map((x) => x.text)
        .join(''),
    ).toBe('We answer within four hours.')
    expect(
      changed
        .filter((x) => x.change !== 'removed')
        .map((x) => x.text)
        .join(''),
    ).toBe('We answer within two hours.')
  })

  it('shows a block replaced by something unrelated as removed and added', () => {
    const diff = diffBlocks([para('Alpha beta gamma')], [para('Completely different words here')])
    expect(diff.map((d) => d.change)).toEqual(['removed', 'added'])
  })

  it('reports removed blocks and no change at all', () => {
    expect(diffBlocks([para('a'), para('b')], [para('b')]).map((d) => d.change)).toEqual(['removed', 'same'])
    expect(hasBodyChanges(diffBlocks([para('same')], [para('same')]))).toBe(false)
    expect(diffBlocks([], [])).toEqual([])
  })
})

describe('fieldChanges', () => {
  it('matches items by id: an edited field, an added and a removed item, a tag list whole', () => {
    const before = content('objectives', { objectives: [objective('o1', 'Grow'), objective('o2', 'Sell')] })
    const after = content('objectives', {
      objectives: [{ ...objective('o1', 'Grow'), target: 9000, networkIds: ['a', 'b'] }, objective('o3', 'Hire')],
    })
    const changes = fieldChanges('objectives', before, after)
    expect(changes).toEqual([
      { path: ['objectives', 'o1', 'target'], change: 'changed', before: 5000, after: 9000 },
      { path: ['objectives', 'o1', 'networkIds'], change: 'changed', before: ['sec-instagram'], after: ['a', 'b'] },
      {
        path: ['objectives', 'o2'],
        change: 'removed',
        before: expect.objectContaining({ statement: 'Sell' }) as unknown,
        after: null,
      },
      {
        path: ['objectives', 'o3'],
        change: 'added',
        before: null,
        after: expect.objectContaining({ statement: 'Hire' }) as unknown,
      },
    ])
  })

  it('reports plain fields and nested lists, and nothing for a moved item', () => {
    const before = content('competition', {
      competitors: [
        { id: 'c1', name: 'Rival', ideas: [{ id: 'i1', idea: 'Reels' }] },
        { id: 'c2', name: 'Other' },
      ],
    })
    const after = content('competition', {
      competitors: [
        { id: 'c2', name: 'Other' },
        { id: 'c1', name: 'Rival', ideas: [{ id: 'i1', idea: 'Reels', notForUs: true }] },
      ],
    })
    expect(fieldChanges('competition', before, after)).toEqual([
      { path: ['competitors', 'c1', 'ideas', 'i1', 'notForUs'], change: 'changed', before: false, after: true },
    ])
    const positioning = fieldChanges(
      'positioning',
      content('positioning', { statement: 'Old' }),
      content('positioning', { statement: 'New' }),
    )
    expect(positioning).toEqual([{ path: ['statement'], change: 'changed', before: 'Old', after: 'New' }])
  })
})

describe('snapshotContent', () => {
  it('reads blocks and fields, and an empty document as empty', () => {
    const doc = new Y.Doc()
    appendParagraph(doc, 'Answer every question within four hours.')
    writeContent(doc, 'objectives', { objectives: [objective('o1', 'Grow the community')] })
    const read = snapshotContent(doc, 'objectives')
    expect(read.blocks.map((b) => b.text)).toEqual(['Answer every question within four hours.'])
    expect((read.fields.objectives as { statement: string }[])[0]!.statement).toBe('Grow the community')
    expect(snapshotContent(new Y.Doc(), 'positioning')).toEqual({
      blocks: [],
      fields: readContent(new Y.Doc(), 'positioning'),
    })
  })
})

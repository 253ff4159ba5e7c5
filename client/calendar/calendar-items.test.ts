import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { addItem } from '../../shared/plan-model/write'
import type { Section } from '../../shared/plans/schema'
import { calendarItems, describeItem } from './calendar-items'

const section = (
  id: string,
  kind: Section['kind'],
  title: string,
  ownerDepartmentId: string | null = null,
  edit = true,
): Section => ({
  id,
  kind,
  title,
  ownerDepartmentId,
  step: 4,
  abilities: { read: true, edit, comment: true },
})

describe('calendarItems', () => {
  it('reads every network entry and process deliverable, coloured per network, with names for people', () => {
    const instagram = new Y.Doc()
    const linkedIn = new Y.Doc()
    const process = new Y.Doc()
    addItem(instagram, 'network', ['calendar'], {
      date: '2027-01-10',
      theme: 'Launch teaser',
      format: 'reel',
      owner: 'u1',
      status: 'planned',
    })
    addItem(instagram, 'network', ['calendar'], { date: null, format: 'story' })
    addItem(linkedIn, 'network', ['calendar'], { date: '2027-01-12', theme: 'Case study', owner: 'Agency Bright' })
    addItem(process, 'process', ['deliverables'], { what: 'Monthly report', due: '2027-01-31', who: 'u1' })
    // Whatever a document holds, the reader keeps what is valid: a broken entry is skipped.
    ;(instagram.getMap('fields').get('calendar') as Y.Array<unknown>).push(['not an entry'])

    const items = calendarItems(
      [
        { section: section('ig', 'network', 'Instagram', 'mkt'), doc: instagram, editable: true },
        { section: section('li', 'network', 'LinkedIn', 'sales'), doc: linkedIn, editable: false },
      ],
      { section: section('pr', 'process', 'Process & team'), doc: process, editable: true },
      [{ userId: 'u1', name: 'Mo Marketing' }],
    )
    expect(items.map((i) => [i.key, i.date, i.title, i.source, i.departmentId, i.editable, i.owner])).toEqual([
      [expect.stringMatching(/^ig:/), '2027-01-10', 'Launch teaser', 'Instagram', 'mkt', true, 'Mo Marketing'],
      [expect.stringMatching(/^ig:/), null, 'Untitled story', 'Instagram', 'mkt', true, ''],
      [expect.stringMatching(/^li:/), '2027-01-12', 'Case study', 'LinkedIn', 'sales', false, 'Agency Bright'],
      [expect.stringMatching(/^pr:/), '2027-01-31', 'Monthly report', 'Deliverable', null, true, 'Mo Marketing'],
    ])
    expect(new Set(items.map((i) => i.color)).size).toBe(3)
    expect(items.find((i) => i.kind === 'deliverable')?.color).toBe('gray')
    expect(describeItem(items[0]!)).toBe('Instagram · Reel — Launch teaser — Planned — by Mo Marketing')
  })
})

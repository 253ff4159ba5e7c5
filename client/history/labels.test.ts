import { describe, expect, it } from 'vitest'
import { fieldChanges } from '../../shared/history/field-diff'
import type { Version } from '../../shared/history/schema'
import { content, objective } from '../../shared/plan-model/fixtures'
import { type Names, dayLabel, describeChange, versionTitle } from './labels'

const names: Names = {
  sections: [
    { id: 'sec-instagram', title: 'Instagram' },
    { id: 'sec-tiktok', title: 'TikTok' },
  ],
  departments: [{ id: 'dept-sales', name: 'Sales' }],
  members: [{ userId: 'user-ana', name: 'Ana Lopez' }],
}
const version = (v: Partial<Version>): Version => ({
  id: 'v',
  sectionId: 's',
  kind: 'auto',
  name: null,
  planVersionId: null,
  createdBy: null,
  createdAt: 0,
  restoredFrom: null,
  ...v,
})

describe('history labels', () => {
  it('names versions by kind', () => {
    expect(versionTitle(version({ kind: 'named', name: 'Sent to the board' }))).toBe('Sent to the board')
    expect(versionTitle(version({ kind: 'auto' }))).toBe('Automatic snapshot')
    expect(versionTitle(version({ kind: 'restore', restoredFrom: { id: 'x', name: 'Board', createdAt: 0 } }))).toBe(
      'Restored “Board”',
    )
    expect(versionTitle(version({ kind: 'restore', restoredFrom: { id: 'x', name: null, createdAt: 0 } }))).toMatch(
      /^Restored the version of /,
    )
  })

  it('says where a change is with the form’s labels, and each side in words', () => {
    const before = content('objectives', {
      objectives: [objective('o1', 'Grow the community'), objective('o2', 'Sell more')],
    })
    const after = content('objectives', {
      objectives: [
        { ...objective('o1', 'Grow the community'), target: 7500, networkIds: ['sec-instagram', 'sec-tiktok'] },
      ],
    })
    const described = fieldChanges('objectives', before, after).map((c) =>
      describeChange('objectives', c, before, after, names),
    )
    expect(described).toEqual([
      { where: ['Objectives', '“Grow the community”', 'Target'], change: 'changed', before: '5,000', after: '7,500' },
      {
        where: ['Objectives', '“Grow the community”', 'Networks'],
        change: 'changed',
        before: 'Instagram',
        after: 'Instagram, TikTok',
      },
      { where: ['Objectives', '“Sell more”'], change: 'removed', before: '“Sell more”', after: null },
    ])
  })

  it('heads the list with Today and Yesterday', () => {
    const now = new Date('2027-03-10T15:00:00').getTime()
    expect(dayLabel(now - 3_600_000, now)).toBe('Today')
    expect(dayLabel(now - 86_400_000, now)).toBe('Yesterday')
    expect(dayLabel(now - 5 * 86_400_000, now)).not.toMatch(/day/)
  })
})

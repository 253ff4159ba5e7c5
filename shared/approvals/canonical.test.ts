import { describe, expect, it } from 'vitest'
import { Objective } from '../plan-model/schema'
import { canonicalSnapshot } from './canonical'
import { objectiveChanges } from './diff'

const objective = (id: string, values: Record<string, unknown> = {}) =>
  Objective.parse({ id, statement: `Objective ${id}`, ...values })

describe('canonical objectives', () => {
  it('hashes the same objectives the same, whatever their order and stray whitespace', () => {
    const a = canonicalSnapshot([
      objective('b', { networkIds: ['y', 'x', 'x'] }),
      objective('a', { metric: ' leads ' }),
    ])
    const b = canonicalSnapshot([objective('a', { metric: 'leads' }), objective('b', { networkIds: ['x', 'y'] })])
    expect(a.hash).toBe(b.hash)
    expect(a.json).toBe(b.json)
    expect(a.hash).toMatch(/^[0-9a-f]{64}$/)
    expect(a.objectives.map((o) => o.id)).toEqual(['a', 'b'])
    expect(Object.keys(a.objectives[0]!)).toEqual([
      'id',
      'statement',
      'metric',
      'unit',
      'baseline',
      'target',
      'deadline',
      'owner',
      'networkIds',
    ])
  })

  it('changes the hash with any approved field', () => {
    const base = canonicalSnapshot([objective('a', { target: 10 })]).hash
    expect(canonicalSnapshot([objective('a', { target: 11 })]).hash).not.toBe(base)
    expect(canonicalSnapshot([objective('a', { target: 10, deadline: '2027-01-01' })]).hash).not.toBe(base)
  })
})

describe('objective changes', () => {
  it('lists what changed field by field, an added or removed objective whole, a list field once', () => {
    const before = canonicalSnapshot([objective('a', { target: 10, networkIds: ['x'] }), objective('gone')]).objectives
    const after = canonicalSnapshot([
      objective('a', { target: 12, networkIds: ['x', 'y', 'z'] }),
      objective('new', { metric: 'leads' }),
    ]).objectives
    const changes = objectiveChanges(before, after)
    expect(changes).toContainEqual({ objectiveId: 'a', change: 'changed', field: 'target', before: 10, after: 12 })
    expect(changes).toContainEqual({
      objectiveId: 'a',
      change: 'changed',
      field: 'networkIds',
      before: ['x'],
      after: ['x', 'y', 'z'],
    })
    expect(changes).toContainEqual(
      expect.objectContaining({ objectiveId: 'gone', change: 'removed', field: null, after: null }),
    )
    expect(changes).toContainEqual(
      expect.objectContaining({
        objectiveId: 'new',
        change: 'added',
        field: null,
        before: null,
        after: expect.objectContaining({ metric: 'leads' }) as unknown,
      }),
    )
    expect(changes).toHaveLength(4)
    expect(objectiveChanges(after, after)).toEqual([])
  })
})

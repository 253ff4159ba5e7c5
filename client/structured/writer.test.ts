import { describe, expect, it, vi } from 'vitest'
import * as Y from 'yjs'
import { readContent } from '../../shared/plan-model/read'

vi.mock('../ui/notify', () => ({ notifyError: vi.fn() }))
const { createWriter } = await import('./writer')
const { notifyError } = await import('../ui/notify')

describe('the structured writer, addressed by finding paths', () => {
  it('sets plain fields and item fields, nested lists included', () => {
    const doc = new Y.Doc()
    const write = createWriter(doc, 'competition')
    const competitor = write.add(['competitors'], { name: 'Maison Durand' })!
    const idea = write.add(['competitors', competitor, 'ideas'], { idea: 'Oven reels' })!
    expect(write.set(['competitors', competitor, 'ideas', idea, 'notForUs'], true)).toBe(true)
    expect(write.set(['competitors', competitor, 'networks'], ['Instagram'])).toBe(true)
    const content = readContent(doc, 'competition')
    expect(content.competitors[0]).toMatchObject({ id: competitor, name: 'Maison Durand', networks: ['Instagram'] })
    expect(content.competitors[0]!.ideas[0]).toMatchObject({ id: idea, idea: 'Oven reels', notForUs: true })

    const overview = createWriter(doc, 'overview')
    expect(overview.set(['audience'], 'Families')).toBe(true)
    expect(readContent(doc, 'overview').audience).toBe('Families')
  })

  it('refuses an invalid value, says so, and changes nothing', () => {
    const doc = new Y.Doc()
    const write = createWriter(doc, 'process')
    expect(write.set(['networkCapacity'], 3)).toBe(true)
    expect(write.set(['networkCapacity'], 99)).toBe(false)
    expect(notifyError).toHaveBeenCalled()
    expect(readContent(doc, 'process').networkCapacity).toBe(3)
  })

  it('removes an item and puts it back where it was, with its id and nested items (undo)', () => {
    const doc = new Y.Doc()
    const write = createWriter(doc, 'competition')
    const ids = ['A', 'B', 'C'].map((name) => write.add(['competitors'], { name })!)
    write.add(['competitors', ids[1]!, 'ideas'], { idea: 'kept' })
    const before = readContent(doc, 'competition')
    const removed = write.remove(['competitors'], ids[1]!)!
    expect(removed.index).toBe(1)
    expect(readContent(doc, 'competition').competitors.map((c) => c.name)).toEqual(['A', 'C'])
    write.add(['competitors'], removed.values, removed.index)
    expect(readContent(doc, 'competition')).toEqual(before)
  })
})

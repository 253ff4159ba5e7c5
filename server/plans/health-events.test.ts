import * as Y from 'yjs'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { PlanEvent, PlanEvents } from '../sync/plan-events'
import { combineWriteObservers, createHealthPublisher } from './health-events'

function recorder() {
  const events: PlanEvent[] = []
  const planEvents: PlanEvents = { publish: (e) => void events.push(e), subscribe: () => () => {} }
  return { events, planEvents }
}

const PLANS: Record<string, { planId: string; workspaceId: string }> = {
  'sec-a1': { planId: 'plan-a', workspaceId: 'ws-1' },
  'sec-a2': { planId: 'plan-a', workspaceId: 'ws-1' },
  'sec-b1': { planId: 'plan-b', workspaceId: 'ws-2' },
}
const lookup = async (id: string) => PLANS[id] ?? null

describe('health events after stored writes', () => {
  afterEach(() => vi.useRealTimers())

  it('publishes one health event per plan for a burst of writes to its sections, then again for later writes', async () => {
    vi.useFakeTimers()
    const { events, planEvents } = recorder()
    const publisher = createHealthPublisher(lookup, planEvents, 300)
    const doc = new Y.Doc()
    const [a1, a2, b1] = await Promise.all(['sec-a1', 'sec-a2', 'sec-b1'].map((id) => publisher.load(id)))
    a1!(doc, 'server')
    vi.advanceTimersByTime(100)
    a2!(doc, 'server')
    b1!(doc, 'server')
    expect(events).toEqual([])
    vi.advanceTimersByTime(200)
    expect(events).toEqual([{ kind: 'health', workspaceId: 'ws-1', planId: 'plan-a' }])
    vi.advanceTimersByTime(100)
    expect(events).toEqual([
      { kind: 'health', workspaceId: 'ws-1', planId: 'plan-a' },
      { kind: 'health', workspaceId: 'ws-2', planId: 'plan-b' },
    ])
    a1!(doc, 'server')
    vi.advanceTimersByTime(300)
    expect(events.filter((e) => e.planId === 'plan-a')).toHaveLength(2)
  })

  it('watches nothing for a room that is not a section', async () => {
    const { planEvents } = recorder()
    expect(await createHealthPublisher(lookup, planEvents).load('plan-a')).toBeNull()
    expect(await createHealthPublisher(() => Promise.reject(new Error('db down')), planEvents).load('sec-a1')).toBeNull()
  })

  it('combines observers: each one runs, even after another throws', async () => {
    const seen: string[] = []
    const combined = combineWriteObservers(
      { load: async () => () => void seen.push('first') },
      { load: async () => null },
      { load: async () => () => { throw new Error('boom') } },
      { load: async () => () => void seen.push('last') },
    )
    const observe = await combined.load('sec-a1')
    observe!(new Y.Doc(), 'server')
    expect(seen).toEqual(['first', 'last'])
    expect(await combineWriteObservers({ load: async () => null }).load('x')).toBeNull()
  })
})

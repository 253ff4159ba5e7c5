import * as Y from 'yjs'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { PlanEvent, PlanEvents } from '../sync/plan-events'
import { createHealthPublisher } from './health-events'
import { combineWriteObservers } from './write-observers'

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
const lookup = (id: string) => {
  const plan = PLANS[id]
  return Promise.resolve(
    plan && {
      id,
      plan_id: plan.planId,
      workspace_id: plan.workspaceId,
      kind: 'overview' as const,
      owner_department_id: null,
    },
  )
}

describe('health events after stored writes', () => {
  afterEach(() => vi.useRealTimers())

  it('publishes one health event per plan for a burst of writes to its sections, then again for later writes', async () => {
    vi.useFakeTimers()
    const { events, planEvents } = recorder()
    const publisher = combineWriteObservers(lookup, createHealthPublisher(planEvents, 300))
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
    expect(await combineWriteObservers(lookup, createHealthPublisher(planEvents)).load('plan-a')).toBeNull()
    expect(
      await combineWriteObservers(() => Promise.reject(new Error('db down')), createHealthPublisher(planEvents)).load(
        'sec-a1',
      ),
    ).toBeNull()
  })
})

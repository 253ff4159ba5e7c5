import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import { type ObservedSection, combineWriteObservers } from './write-observers'

const section: ObservedSection = {
  id: 'sec-a1',
  plan_id: 'plan-a',
  workspace_id: 'ws-1',
  kind: 'objectives',
  owner_department_id: null,
}
const lookup = (id: string) => Promise.resolve(id === section.id ? section : undefined)

describe('combined write observers', () => {
  it('combines observers: each one runs, even after another throws', async () => {
    const seen: string[] = []
    const combined = combineWriteObservers(
      lookup,
      { load: () => Promise.resolve(() => void seen.push('first')) },
      { load: () => Promise.resolve(null) },
      {
        load: () =>
          Promise.resolve(() => {
            throw new Error('boom')
          }),
      },
      { load: () => Promise.resolve(() => void seen.push('last')) },
    )
    const observe = await combined.load('sec-a1')
    observe!(new Y.Doc(), 'server')
    expect(seen).toEqual(['first', 'last'])
    expect(await combineWriteObservers(lookup, { load: () => Promise.resolve(null) }).load('sec-a1')).toBeNull()
  })

  it('looks the section up once per load and hands it to every observer', async () => {
    let lookups = 0
    const given: ObservedSection[] = []
    const combined = combineWriteObservers(
      async (id) => (lookups++, lookup(id)),
      { load: (s) => (given.push(s), Promise.resolve(null)) },
      { load: (s) => (given.push(s), Promise.resolve(null)) },
    )
    await combined.load('sec-a1')
    expect(lookups).toBe(1)
    expect(given).toEqual([section, section])
  })

  it('watches nothing for a room that is not a section, or when the lookup fails', async () => {
    let loads = 0
    const observer = { load: () => (loads++, Promise.resolve(() => {})) }
    expect(await combineWriteObservers(lookup, observer).load('plan-a')).toBeNull()
    expect(await combineWriteObservers(() => Promise.reject(new Error('db down')), observer).load('sec-a1')).toBeNull()
    expect(loads).toBe(0)
  })
})

import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import type { SectionKind } from '../plans/catalog'
import { readContent } from './read'
import { deletionUpdate, sectionGuard } from './repair'
import { CONTENT_LIMITS } from './schema'
import { contentProblems } from './validate'
import { FIELDS } from './ydoc'
import { addItem, writeContent } from './write'

/** A server document and one client, the client's changes applied and checked as LiveDoc does. */
function serverAndClient(kind: SectionKind) {
  const server = new Y.Doc()
  const client = new Y.Doc()
  const check = sectionGuard(kind)
  const repairs: string[] = []
  client.on('update', (update: Uint8Array, origin: unknown) => {
    if (origin === 'server') return
    let transaction: Y.Transaction | null = null
    const capture = (tr: Y.Transaction) => (transaction = tr)
    server.on('afterTransaction', capture)
    Y.applyUpdate(server, update)
    server.off('afterTransaction', capture)
    const repair = check(server, transaction!)
    if (!repair) return
    repairs.push(repair.message)
    Y.applyUpdate(server, repair.update)
    Y.applyUpdate(client, repair.update, 'server')
  })
  return { server, client, repairs }
}

const list = (doc: Y.Doc, name: string) => doc.getMap<unknown>(FIELDS).get(name) as Y.Array<Y.Map<unknown>>
const itemMap = (id: string, values: Record<string, unknown> = {}) => {
  const m = new Y.Map<unknown>()
  m.set('id', id)
  for (const [k, v] of Object.entries(values)) m.set(k, v)
  return m
}

describe('server repair of structured content', () => {
  it('removes only the bad value of an item, and tells which field it was', () => {
    const { server, client, repairs } = serverAndClient('objectives')
    const id = addItem(client, 'objectives', ['objectives'], { statement: 'Grow', metric: 'followers', target: 10 })
    list(client, 'objectives').get(0).set('target', 'lots')
    expect(repairs).toEqual([
      expect.stringMatching(
        new RegExp(`^Part of your change did not fit the plan and was removed\\. objectives › ${id} › target: `),
      ),
    ])
    for (const doc of [server, client]) {
      expect(contentProblems(doc, 'objectives')).toEqual([])
      expect(readContent(doc, 'objectives').objectives[0]).toMatchObject({
        id,
        statement: 'Grow',
        metric: 'followers',
        target: null,
      })
    }
  })

  it('never undoes a valid value written after the bad one', () => {
    const { server, client } = serverAndClient('objectives')
    addItem(client, 'objectives', ['objectives'], { statement: 'Grow' })
    const other = new Y.Doc()
    Y.applyUpdate(other, Y.encodeStateAsUpdate(server))
    // The repair names the bad value's own item: another client's later value for the key is untouched.
    const bad = (() => {
      const capture: Uint8Array[] = []
      other.on('update', (u: Uint8Array) => capture.push(u))
      list(other, 'objectives').get(0).set('target', 'lots')
      list(other, 'objectives').get(0).set('target', 42)
      return capture
    })()
    Y.applyUpdate(server, bad[0]!)
    const repair = deletionUpdate(contentProblems(server, 'objectives').flatMap((p) => p.remove))
    Y.applyUpdate(server, bad[1]!)
    Y.applyUpdate(server, repair)
    expect(readContent(server, 'objectives').objectives[0]!.target).toBe(42)
  })

  it('removes an item that takes the id of another, and a key that is not a field', () => {
    const { server, client, repairs } = serverAndClient('tools')
    addItem(client, 'tools', ['tools'], { id: 'first', name: 'Buffer' })
    addItem(client, 'tools', ['tools'], { id: 'second', name: 'Hootsuite' })
    list(client, 'tools').get(1).set('id', 'first')
    list(client, 'tools').get(0).set('secret', 'x')
    expect(repairs).toHaveLength(2)
    expect(readContent(server, 'tools').tools.map((t) => [t.id, t.name])).toEqual([['first', 'Buffer']])
    expect(list(server, 'tools').get(0).has('secret')).toBe(false)
  })

  it('keeps a list within its limit, dropping the newest items', () => {
    const { server, client, repairs } = serverAndClient('tools')
    const max = CONTENT_LIMITS.listItems
    writeContent(client, 'tools', { tools: Array.from({ length: max - 1 }, (_, i) => ({ id: `t${i}` })) })
    list(client, 'tools').push([itemMap('last-in'), itemMap('over-1'), itemMap('over-2')])
    expect(repairs).toEqual([expect.stringContaining(`is past the ${max}-item limit`)])
    const ids = readContent(server, 'tools').tools.map((t) => t.id)
    expect(ids).toHaveLength(max)
    expect(ids.at(-1)).toBe('last-in')
  })

  it('checks the whole document at its first write: content stored before the check existed', () => {
    const { server, client, repairs } = serverAndClient('process')
    server.getMap<unknown>(FIELDS).set('networkCapacity', 'many')
    Y.applyUpdate(client, Y.encodeStateAsUpdate(server), 'server')
    addItem(client, 'process', ['deliverables'], { what: 'Calendar' })
    expect(repairs).toEqual([
      expect.stringMatching(/^This section held content that did not fit the plan; it was removed\. networkCapacity: /),
    ])
    expect(contentProblems(server, 'process')).toEqual([])
  })
})

import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { dependentUpdates, encodeStructs, halfApplyingUpdate, paragraphsDoc } from '../../tests/support/hostile'
import { checkUpdate } from './update-check'

/** What Yjs really does with an update on a copy of the section: throws, leaves structs pending, or applies. */
function realOutcome(section: Y.Doc, update: Uint8Array): 'throws' | 'pending' | 'applies' {
  const copy = new Y.Doc()
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(section))
  try {
    Y.applyUpdate(copy, update)
    return copy.store.pendingStructs || copy.store.pendingDs ? 'pending' : 'applies'
  } catch {
    return 'throws'
  } finally {
    copy.destroy()
  }
}

/** A section two people wrote in: paragraphs, text typed into them, deletions and structured fields. */
function sectionOf(edits: { who: number; at: number; text: string; remove: number }[]) {
  const people = [new Y.Doc(), new Y.Doc()]
  for (const e of edits) {
    const doc = people[e.who]!
    const body = doc.getXmlFragment('body')
    doc.transact(() => {
      if (body.length === 0 || e.at % 3 === 0) {
        const p = new Y.XmlElement('paragraph')
        p.insert(0, [new Y.XmlText(e.text)])
        body.insert(Math.min(e.at, body.length), [p])
      } else {
        const text = (body.get(e.at % body.length) as Y.XmlElement).get(0) as Y.XmlText
        text.insert(Math.min(e.at, text.length), e.text)
        if (e.remove > 0 && text.length > e.remove) text.delete(0, e.remove)
      }
      doc.getMap('fields').set(`k${e.at % 4}`, e.text)
    })
    // They sync after every edit, as live clients do.
    const [a, b] = people as [Y.Doc, Y.Doc]
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)))
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)))
  }
  return people[0]!
}

const edit = fc.record({
  who: fc.integer({ min: 0, max: 1 }),
  at: fc.nat(20),
  text: fc.string({ minLength: 1, maxLength: 6 }),
  remove: fc.nat(3),
})

/** Ways to break one struct of an update after Yjs wrote it: each keeps the update decodable. */
const mutation = fc.record({
  index: fc.nat(),
  field: fc.constantFrom('origin', 'rightOrigin', 'parent', 'clock', 'drop'),
  client: fc.nat(3),
  clock: fc.integer({ min: -2, max: 40 }),
})

describe('checkUpdate', () => {
  it('says "applies" only when Yjs applies the update whole, and "invalid" whenever Yjs would throw', () => {
    fc.assert(
      fc.property(
        fc.array(edit, { minLength: 1, maxLength: 12 }),
        fc.array(edit, { minLength: 1, maxLength: 4 }),
        fc.array(mutation, { maxLength: 3 }),
        (before, attack, mutations) => {
          const section = sectionOf(before)
          const writer = new Y.Doc()
          Y.applyUpdate(writer, Y.encodeStateAsUpdate(section))
          const sv = Y.encodeStateVector(writer)
          for (const e of attack) {
            const body = writer.getXmlFragment('body')
            const p = new Y.XmlElement('paragraph')
            p.insert(0, [new Y.XmlText(e.text)])
            body.insert(Math.min(e.at, body.length), [p])
            if (e.remove > 0 && body.length > e.remove) body.delete(0, 1)
          }
          let { structs } = Y.decodeUpdate(Y.encodeStateAsUpdate(writer, sv))
          const clients = [...new Set([...section.store.clients.keys(), writer.clientID])]
          for (const m of mutations) {
            if (structs.length === 0) break
            const target = structs[m.index % structs.length]!
            const id = Y.createID(clients[m.client % clients.length]!, Math.max(0, target.id.clock + m.clock))
            if (m.field === 'drop') structs = structs.filter((s) => s !== target)
            else if (m.field === 'clock') target.id.clock = Math.max(0, target.id.clock + m.clock)
            else if (target instanceof Y.Item) {
              if (m.field === 'parent') {
                target.origin = null
                target.rightOrigin = null
                target.parent = id
              } else target[m.field] = id
            }
          }
          const update = encodeStructs(structs.filter((s): s is Y.Item | Y.GC => !(s instanceof Y.Skip)))
          let verdict: ReturnType<typeof checkUpdate>
          try {
            verdict = checkUpdate(update, section, [])
          } catch {
            return // not an update at all: the malformed-message path, tested elsewhere
          }
          const real = realOutcome(section, update)
          if (verdict.kind === 'applies') expect(real).toBe('applies')
          if (real === 'throws') expect(verdict.kind).toBe('invalid')
          if (real === 'pending') expect(verdict.kind).not.toBe('applies')
        },
      ),
      { numRuns: 400, seed: 1212 },
    )
  })

  it('refuses the update that Yjs applies half-way', () => {
    const section = paragraphsDoc(['existing'])
    const { update } = halfApplyingUpdate('corrupt')
    expect(checkUpdate(update, section, [])).toMatchObject({ kind: 'invalid' })
  })

  it('finds an update missing its dependencies, until they are being stored', () => {
    const section = paragraphsDoc(['existing'])
    const { first, second } = dependentUpdates('one', 'two')
    expect(checkUpdate(second, section, [])).toEqual({ kind: 'missing' })
    const firstVerdict = checkUpdate(first, section, [])
    expect(firstVerdict.kind).toBe('applies')
    if (firstVerdict.kind !== 'applies') return
    expect(checkUpdate(second, section, [firstVerdict.pending]).kind).toBe('applies')
  })

  it('refuses types nested deeper than the limit, whether in one update or built up over several', () => {
    const nest = (doc: Y.Doc, levels: number) => {
      const sv = Y.encodeStateVector(doc)
      let parent: Y.XmlFragment | Y.XmlElement = doc.getXmlFragment('body')
      while (parent.length > 0) parent = parent.get(0) as Y.XmlElement
      doc.transact(() => {
        for (let i = 0; i < levels; i++) {
          const child = new Y.XmlElement('blockquote')
          parent.insert(0, [child])
          parent = child
        }
      })
      return Y.encodeStateAsUpdate(doc, sv)
    }
    const section = new Y.Doc()
    const writer = new Y.Doc()
    expect(checkUpdate(nest(writer, 5), section, []).kind).toBe('applies')
    expect(checkUpdate(nest(new Y.Doc(), 65), section, [])).toMatchObject({ kind: 'invalid' })

    // 40 levels stored and applied, then 40 more on top of them: the second goes past 64.
    const deep = new Y.Doc()
    const lower = nest(deep, 40)
    expect(checkUpdate(lower, section, []).kind).toBe('applies')
    const upper = nest(deep, 40)
    const stored = new Y.Doc()
    Y.applyUpdate(stored, lower)
    expect(checkUpdate(upper, stored, [])).toMatchObject({ kind: 'invalid' })
    // The same while the lower half is still being stored (checked, not applied yet).
    const lowerVerdict = checkUpdate(lower, section, [])
    if (lowerVerdict.kind !== 'applies') throw new Error('the lower half applies')
    expect(checkUpdate(upper, section, [lowerVerdict.pending])).toMatchObject({ kind: 'invalid' })
  })
})

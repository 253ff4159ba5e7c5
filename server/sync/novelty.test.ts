import * as encoding from 'lib0/encoding'
import { beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { MESSAGE, SYNC_SUBTYPE } from '../../shared/sync/protocol'
import { ENGINES } from '../../tests/support/engines'
import { storedDoc, syncSuite } from '../../tests/support/sync-fixture'
import { appendParagraph, bodyText, eventually, rawSocket } from '../../tests/support/sync-clients'
import type { ApiClient } from '../../tests/support/api'
import { bringsSomethingNew } from './novelty'

const syncMessage = (subtype: number, update: Uint8Array) => {
  const e = encoding.createEncoder()
  encoding.writeVarUint(e, MESSAGE.sync)
  encoding.writeVarUint(e, subtype)
  encoding.writeVarUint8Array(e, update)
  return encoding.toUint8Array(e)
}

describe('whether an update brings something new', () => {
  const known = () => {
    const doc = new Y.Doc()
    doc.getText('t').insert(0, 'hello world')
    doc.getText('t').delete(0, 6)
    return doc
  }
  const decoded = (doc: Y.Doc, sv?: Uint8Array) => Y.decodeUpdate(Y.encodeStateAsUpdate(doc, sv))

  it('lets a struct of length 0 through to the update check, which refuses it', () => {
    const doc = known()
    const client = doc.clientID + 1
    const root = 'body' as unknown as Y.AbstractType<unknown>
    const empty = new Y.Item(Y.createID(client, 0), null, null, null, null, root, null, new Y.ContentString(''))
    expect(bringsSomethingNew(doc, { structs: [empty], ds: decoded(doc).ds })).toBe(true)
  })

  it('says no for the whole state again, its deletions included, and for an empty update', () => {
    const doc = known()
    expect(bringsSomethingNew(doc, decoded(doc))).toBe(false)
    expect(bringsSomethingNew(doc, decoded(doc, Y.encodeStateVector(doc)))).toBe(false)
  })

  it('says yes for a new character, a new deletion, or a deletion of what it does not have', () => {
    const doc = known()
    const other = new Y.Doc()
    Y.applyUpdate(other, Y.encodeStateAsUpdate(doc))
    const before = Y.encodeStateVector(other)
    other.getText('t').insert(0, '!')
    expect(bringsSomethingNew(doc, decoded(other, before))).toBe(true)

    const deleter = new Y.Doc()
    Y.applyUpdate(deleter, Y.encodeStateAsUpdate(doc))
    const updates: Uint8Array[] = []
    deleter.on('update', (u: Uint8Array) => updates.push(u))
    deleter.getText('t').delete(0, 1)
    expect(bringsSomethingNew(doc, Y.decodeUpdate(updates[0]!))).toBe(true)

    const stranger = new Y.Doc()
    stranger.getText('t').insert(0, 'abc')
    const theirs = new Y.Doc()
    Y.applyUpdate(theirs, Y.encodeStateAsUpdate(stranger))
    const deletion: Uint8Array[] = []
    theirs.on('update', (u: Uint8Array) => deletion.push(u))
    theirs.getText('t').delete(0, 1)
    expect(bringsSomethingNew(doc, Y.decodeUpdate(deletion[0]!))).toBe(true)
  })
})

describe.each(ENGINES)('writes that bring nothing new on $engine', (engine) => {
  describe.skipIf(!engine.available)('', () => {
    const suite = syncSuite(engine)
    let server: ReturnType<typeof syncSuite>['server']
    let fx: ReturnType<typeof syncSuite>['fx']
    beforeAll(() => {
      ;({ server, fx } = suite)
    })

    const storedRows = async (sectionId: string) =>
      (
        await server.running.services.storage.db
          .selectFrom('section_updates')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('section_id', '=', sectionId)
          .executeTakeFirstOrThrow()
      ).n

    /**
     * Sends one write message on a raw socket asking for acknowledgements, and returns the message
     * types the server answered with up to and including its acknowledgement (ordered after a refusal).
     */
    async function answersTo(who: ApiClient, sectionId: string, message: Uint8Array): Promise<number[]> {
      const raw = rawSocket(server.url, `/sync/${sectionId}?acks=1`, { cookie: who.cookieHeader, origin: server.url })
      await raw.opened
      raw.received.length = 0
      raw.ws.send(message)
      await eventually(() => raw.received.some((m) => m[0] === MESSAGE.stored), 'the write is acknowledged')
      const types = raw.received.map((m) => m[0]!).filter((t) => t !== MESSAGE.sync && t !== MESSAGE.awareness)
      raw.ws.close()
      return types
    }

    it('accepts from a viewer, and from an editor, what the server already has: no refusal, nothing stored', async () => {
      const owner = suite.client(fx.owner, fx.shared.id)
      expect(await owner.synced).toBe(true)
      appendParagraph(owner.doc, 'written by the owner')
      await eventually(
        async () => bodyText(await storedDoc(server.running, fx.shared.id)).includes('written by the owner'),
        'stored',
      )
      const state = Y.encodeStateAsUpdate(owner.doc)
      const rows = await storedRows(fx.shared.id)
      // As y-indexeddb's copy of the device arrives: an ordinary update holding what is known.
      expect(await answersTo(fx.viewer, fx.shared.id, syncMessage(SYNC_SUBTYPE.update, state))).toEqual([
        MESSAGE.stored,
      ])
      expect(await answersTo(fx.commenter, fx.shared.id, syncMessage(SYNC_SUBTYPE.step2, state))).toEqual([
        MESSAGE.stored,
      ])
      expect(await answersTo(fx.salesEditor, fx.shared.id, syncMessage(SYNC_SUBTYPE.update, state))).toEqual([
        MESSAGE.stored,
      ])
      expect(await storedRows(fx.shared.id)).toBe(rows)
    })

    it("still refuses a viewer's write that holds something new, even with known parts beside it", async () => {
      const viewerDoc = new Y.Doc()
      Y.applyUpdate(viewerDoc, Y.encodeStateAsUpdate(await storedDoc(server.running, fx.shared.id)))
      appendParagraph(viewerDoc, 'a viewer writing')
      const rows = await storedRows(fx.shared.id)
      const answers = await answersTo(
        fx.viewer,
        fx.shared.id,
        syncMessage(SYNC_SUBTYPE.update, Y.encodeStateAsUpdate(viewerDoc)),
      )
      expect(answers).toEqual([MESSAGE.auth, MESSAGE.stored])
      expect(await storedRows(fx.shared.id)).toBe(rows)
      expect(bodyText(await storedDoc(server.running, fx.shared.id))).not.toContain('a viewer writing')
    })
  })
})

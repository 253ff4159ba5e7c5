import { beforeAll, describe, expect, it } from 'vitest'
import { CLOSE, MESSAGE } from '../../shared/sync/protocol'
import { ENGINES } from '../../tests/support/engines'
import { storedDoc, syncSuite } from '../../tests/support/sync-fixture'
import {
  appendParagraph,
  bodyText,
  eventually,
  processed,
  rawSocket,
  type StockClient,
  WITH_ACKS,
} from '../../tests/support/sync-clients'

describe.each(ENGINES)('live sync on $engine', (engine) => {
  describe.skipIf(!engine.available)('with stock y-websocket clients', () => {
    const suite = syncSuite(engine)
    const client = suite.client
    let server: ReturnType<typeof syncSuite>['server']
    let fx: ReturnType<typeof syncSuite>['fx']
    beforeAll(() => {
      ;({ server, fx } = suite)
    })

    it('several clients of one section converge', async () => {
      const clients = [fx.owner, fx.salesEditor, fx.marketingEditor].map((who) => client(who, fx.shared.id))
      for (const c of clients) expect(await c.synced).toBe(true)
      clients.forEach((c, i) => appendParagraph(c.doc, `from client ${i}`))
      await eventually(
        () => clients.every((c) => [0, 1, 2].every((i) => bodyText(c.doc).includes(`from client ${i}`))),
        'all three paragraphs everywhere',
      )
      const texts = clients.map((c) => bodyText(c.doc))
      expect(new Set(texts).size).toBe(1)
      expect(bodyText(await storedDoc(server.running, fx.shared.id))).toBe(texts[0])
    })

    it('delivers messages of every frame length intact, live and to a client that joins later', async () => {
      // The server frames messages itself (server/sync/outbox.ts): 7-bit, 16-bit and 64-bit lengths.
      const words = [40, 3_000, 90_000].map((n, i) => `${'abcdefghij'.repeat(n / 10)} #${i}`)
      const writer = client(fx.owner, fx.shared.id)
      const reader = client(fx.salesEditor, fx.shared.id)
      for (const c of [writer, reader]) expect(await c.synced).toBe(true)
      for (const w of words) appendParagraph(writer.doc, w)
      await eventually(() => words.every((w) => bodyText(reader.doc).includes(w)), 'every paragraph read live')
      const late = client(fx.marketingEditor, fx.shared.id)
      expect(await late.synced).toBe(true)
      expect(bodyText(late.doc)).toBe(bodyText(writer.doc))
    })

    it("refuses a viewer's update: it reaches no other client and is not stored", async () => {
      const owner = client(fx.owner, fx.shared.id, WITH_ACKS)
      const viewer = client(fx.viewer, fx.shared.id, WITH_ACKS)
      expect(await owner.synced).toBe(true)
      expect(await viewer.synced).toBe(true)
      await processed(viewer, (doc) => appendParagraph(doc, 'viewer was here'), "the viewer's write is processed")
      // Processed after the viewer's: had that been passed on, the owner would have it before this ack.
      await processed(owner, (doc) => appendParagraph(doc, 'owner marker after viewer'), 'the marker is stored')
      await eventually(() => bodyText(viewer.doc).includes('owner marker after viewer'), 'the viewer still reads live')
      expect(bodyText(owner.doc)).not.toContain('viewer was here')
      expect(bodyText(await storedDoc(server.running, fx.shared.id))).not.toContain('viewer was here')
    })

    it("keeps a Sales editor out of Marketing's objectives but lets them write Sales'", async () => {
      const marketing = fx.objectivesOf('Marketing')
      const sales = fx.objectivesOf('Sales')
      const intruder = client(fx.salesEditor, marketing.id)
      const witness = client(fx.marketingEditor, marketing.id)
      const own = client(fx.salesEditor, sales.id)
      for (const c of [intruder, witness, own]) expect(await c.synced).toBe(true)
      appendParagraph(intruder.doc, 'sales edits marketing')
      appendParagraph(own.doc, 'sales edits sales')
      await eventually(
        async () => bodyText(await storedDoc(server.running, sales.id)).includes('sales edits sales'),
        'own section stored',
      )
      appendParagraph(witness.doc, 'marketing marker')
      await eventually(() => bodyText(intruder.doc).includes('marketing marker'), 'intruder reads live')
      expect(bodyText(witness.doc)).not.toContain('sales edits marketing')
      expect(bodyText(await storedDoc(server.running, marketing.id))).not.toContain('sales edits marketing')
    })

    it('refuses the next write of an editor demoted while connected', async () => {
      const person = await fx.member('editor', { name: 'Dee Demoted' })
      const demoted = client(person, fx.shared.id, WITH_ACKS)
      const witness = client(fx.owner, fx.shared.id, WITH_ACKS)
      expect(await demoted.synced).toBe(true)
      expect(await witness.synced).toBe(true)
      await processed(demoted, (doc) => appendParagraph(doc, 'before demotion'), 'the first write is processed')
      await eventually(() => bodyText(witness.doc).includes('before demotion'), 'the editor writes while an editor')
      const patch = await fx.owner.req('PATCH', `/api/workspaces/${fx.workspace.id}/members/${person.user!.id}`, {
        role: 'viewer',
      })
      expect(patch.status).toBe(200)
      await processed(demoted, (doc) => appendParagraph(doc, 'after demotion'), 'the write after demotion is processed')
      await processed(witness, (doc) => appendParagraph(doc, 'witness marker'), 'the marker is stored')
      await eventually(() => bodyText(demoted.doc).includes('witness marker'), 'the demoted person still reads')
      expect(bodyText(witness.doc)).not.toContain('after demotion')
      expect(bodyText(await storedDoc(server.running, fx.shared.id))).not.toContain('after demotion')
    })

    it("closes a removed member's sockets", async () => {
      const person = await fx.member('editor', { name: 'Rita Removed' })
      const c = client(person, fx.shared.id)
      expect(await c.synced).toBe(true)
      const res = await fx.owner.req('DELETE', `/api/workspaces/${fx.workspace.id}/members/${person.user!.id}`)
      expect(res.status).toBe(204)
      await eventually(() => c.closes.includes(CLOSE.forbidden), 'the socket closes with 4403')
      appendParagraph(c.doc, 'written after removal')
      // A stock client gives up after 4403; connecting again sends the paragraph in its handshake, and that
      // socket is refused before any of it is read: its 4403 comes after the only chance the paragraph had.
      c.provider.connect()
      await eventually(
        () => c.closes.filter((code) => code === CLOSE.forbidden).length >= 2,
        'the reconnection is refused',
      )
      expect(bodyText(await storedDoc(server.running, fx.shared.id))).not.toContain('written after removal')
    })

    it('closes the sockets of a session that logged out', async () => {
      const person = await fx.member('editor', { name: 'Lou Logout' })
      const c = client(person, fx.shared.id)
      expect(await c.synced).toBe(true)
      expect((await person.req('POST', '/api/auth/logout')).status).toBe(204)
      await eventually(() => c.closes.includes(CLOSE.unauthenticated), 'the socket closes with 4401')
    })

    it('closes only the connection that sends malformed bytes or a 2 MiB frame', async () => {
      const witness = client(fx.owner, fx.shared.id)
      const other = client(fx.salesEditor, fx.shared.id)
      expect(await witness.synced).toBe(true)
      expect(await other.synced).toBe(true)
      const headers = { cookie: fx.owner.cookieHeader, origin: server.url }
      const garbage = [
        Uint8Array.from([MESSAGE.sync, 2, 0xff, 0xff, 0xff, 0xff, 0x0f, 1, 2, 3]),
        Uint8Array.from([MESSAGE.sync, 2, 5, 1, 2, 3, 4, 5]),
        Uint8Array.from([99, 1, 2]),
        Uint8Array.from([MESSAGE.awareness, 3, 1, 200, 1, 5, 0x7b]),
      ]
      for (const bytes of garbage) {
        const raw = rawSocket(server.url, `/sync/${fx.shared.id}`, headers)
        await raw.opened
        raw.ws.send(bytes)
        expect(await raw.closed).toBe(CLOSE.malformed)
      }
      const big = rawSocket(server.url, `/sync/${fx.shared.id}`, headers)
      await big.opened
      big.ws.send(new Uint8Array(2 * 1024 * 1024))
      expect(await big.closed).toBe(1009)
      appendParagraph(witness.doc, 'still alive after garbage')
      await eventually(() => bodyText(other.doc).includes('still alive after garbage'), 'other clients keep syncing')
      expect(witness.closes).toEqual([])
      expect(other.closes).toEqual([])
    })

    it('sends no document byte to a foreign Origin or a request without a session', async () => {
      appendParagraph(client(fx.owner, fx.shared.id).doc, 'secret words')
      const foreign = rawSocket(server.url, `/sync/${fx.shared.id}`, {
        cookie: fx.owner.cookieHeader,
        origin: 'https://evil.example',
      })
      expect(await foreign.closed).toBe(CLOSE.foreignOrigin)
      expect(foreign.received).toEqual([])
      const anonymous = rawSocket(server.url, `/sync/${fx.shared.id}`, { origin: server.url })
      expect(await anonymous.closed).toBe(CLOSE.unauthenticated)
      expect(anonymous.received).toEqual([])
      const outsider = rawSocket(server.url, `/sync/nosuchsection`, {
        cookie: fx.owner.cookieHeader,
        origin: server.url,
      })
      expect(await outsider.closed).toBe(CLOSE.forbidden)
      expect(outsider.received).toEqual([])
    })

    it("shares presence in the plan's room, where nothing can be written", async () => {
      const a = client(fx.owner, fx.plan.id, WITH_ACKS)
      const b = client(fx.viewer, fx.plan.id, WITH_ACKS)
      expect(await a.synced).toBe(true)
      expect(await b.synced).toBe(true)
      a.provider.awareness.setLocalStateField('user', { name: 'Olivia Owner' })
      b.provider.awareness.setLocalStateField('user', { name: 'Vic Viewer' })
      const names = (c: StockClient) =>
        [...c.provider.awareness.getStates().values()]
          .map((s) => (s as { user?: { name?: string } }).user?.name)
          .filter(Boolean)
          .sort()
      await eventually(() => names(a).length === 2 && names(b).length === 2, 'both see each other')
      expect(names(a)).toEqual(['Olivia Owner', 'Vic Viewer'])
      await processed(a, (doc) => appendParagraph(doc, 'not a place for text'), 'the write is refused')
      await processed(b, (doc) => appendParagraph(doc, 'nor for this'), "the other's write is refused")
      expect(bodyText(b.doc)).toBe('<paragraph>nor for this</paragraph>')
      b.close()
      await eventually(() => names(a).length === 1, 'a closed client leaves the room')
    })

    it('acknowledges writes only once they are stored, and only to clients that ask', async () => {
      const c = client(fx.owner, fx.shared.id, WITH_ACKS)
      const acks = c.acks
      const stockAcks: number[] = []
      const stock = client(fx.salesEditor, fx.shared.id)
      stock.provider.messageHandlers[MESSAGE.stored] = () => stockAcks.push(1)
      expect(await c.synced).toBe(true)
      expect(await stock.synced).toBe(true)
      // The handshake's sync step 2 is a write message too: it is acknowledged first.
      await eventually(() => acks.length > 0, 'the handshake is acknowledged')
      const before = acks.at(-1)!
      appendParagraph(c.doc, 'acknowledged words')
      await eventually(() => acks.at(-1)! > before, 'the paragraph is acknowledged')
      expect(bodyText(await storedDoc(server.running, fx.shared.id))).toContain('acknowledged words')
      appendParagraph(stock.doc, 'stock client words')
      await eventually(() => bodyText(c.doc).includes('stock client words'), 'the stock client writes')
      expect(stockAcks).toEqual([])
    })
  })
})

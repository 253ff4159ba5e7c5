import * as decoding from 'lib0/decoding'
import { beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { CLOSE, MESSAGE, SYNC_LIMITS, SYNC_SUBTYPE } from '../../shared/sync/protocol'
import { ENGINES } from '../../tests/support/engines'
import {
  awarenessFrame,
  deeplyNestedUpdate,
  dependentUpdates,
  halfApplyingUpdate,
  kindOf,
  paragraphsDoc,
  pausableSocket,
  queryAwarenessFrame,
  rawRequest,
  statusOf,
  step1Frame,
  updateFrame,
  upgradeRequest,
} from '../../tests/support/hostile'
import { storedDoc, syncSuite } from '../../tests/support/sync-fixture'
import { appendParagraph, bodyText, eventually, rawSocket, type StockClient } from '../../tests/support/sync-clients'

/**
 * The sync server against someone who writes their own bytes: nothing a client sends may stop the
 * process, pile up without bound, or leave a trace in a document that it was not allowed to leave.
 */
describe.each(ENGINES)('hostile sync clients on $engine', (engine) => {
  describe.skipIf(!engine.available)('', () => {
    const suite = syncSuite(engine)
    const client = (...args: Parameters<typeof suite.client>) => suite.client(...args)
    let server: ReturnType<typeof syncSuite>['server']
    let fx: ReturnType<typeof syncSuite>['fx']
    beforeAll(() => {
      ;({ server, fx } = suite)
    })

    const planRoom = () => (fx.plan as { id: string }).id
    const ownerId = () => fx.owner.user!.id
    const host = () => new URL(server.url).host
    const healthy = async () => (await fetch(`${server.url}/api/health`)).status === 200
    const connections = async () =>
      ((await (await fetch(`${server.url}/api/health`)).json()) as { sync: { connections: number } }).sync.connections
    const headersOf = (who: { cookieHeader: string }) => ({ cookie: who.cookieHeader, origin: server.url })
    /** A write from a viewer: refused with a message, which orders after everything sent before it. */
    const refusedMarker = () => updateFrame(Y.encodeStateAsUpdate(paragraphsDoc(['marker'])))

    describe('upgrade requests', () => {
      it('answers a session cookie of malformed percent-encoding like a missing session, and keeps serving', async () => {
        const closeFrame = String.fromCharCode(CLOSE.unauthenticated >> 8, CLOSE.unauthenticated & 0xff)
        const answer = await rawRequest(
          server.url,
          upgradeRequest(`/sync/${fx.shared.id}`, host(), ['Cookie: planroom_session=%E0%A4%A']),
          (sofar) => sofar.includes(closeFrame),
        )
        // Upgraded, then closed as unauthenticated: the same as no cookie at all.
        expect(statusOf(answer)).toBe(101)
        expect(answer).toContain(closeFrame)
        expect(await healthy()).toBe(true)
      })

      it('answers 400 to a request target that is not a URL, and keeps serving', async () => {
        const answer = await rawRequest(server.url, upgradeRequest('http://[::1/sync/x', host()))
        expect(statusOf(answer)).toBe(400)
        expect(await healthy()).toBe(true)
      })

      it('answers 404 to an upgrade outside /sync, and keeps serving', async () => {
        const answer = await rawRequest(server.url, upgradeRequest('/api/health', host()))
        expect(statusOf(answer)).toBe(404)
        expect(await healthy()).toBe(true)
      })
    })

    describe('backpressure', () => {
      /** Fill a section to about `bytes` with big paragraphs, so that each answer to a step 1 is that large. */
      async function bigSection(sectionId: string, bytes: number) {
        const writer = client(fx.owner, sectionId)
        expect(await writer.synced).toBe(true)
        const chunk = 'x'.repeat(SYNC_LIMITS.maxFrameBytes - 64 * 1024)
        for (let written = 0; written < bytes; written += chunk.length) appendParagraph(writer.doc, chunk)
        await eventually(
          async () => Y.encodeStateAsUpdate(await storedDoc(server.running, sectionId)).byteLength >= bytes,
          'the section is stored',
          20_000,
        )
        return writer
      }

      it("answers a never-reading viewer's repeated step 1 once while the previous answer is unsent", async () => {
        const sectionId = fx.objectivesOf('Sales').id
        await bigSection(sectionId, 3 * 1024 * 1024)
        const viewer = pausableSocket(server.url, `/sync/${sectionId}`, headersOf(fx.viewer))
        await viewer.opened
        viewer.ws.pause()
        for (let i = 0; i < 50; i++) viewer.ws.send(step1Frame())
        // A viewer's write is refused with a message: the marker that every step 1 before it was handled.
        viewer.ws.send(refusedMarker())
        viewer.ws.resume()
        await eventually(() => viewer.received.some((m) => kindOf(m) === 'auth'), 'the refusal marker', 20_000)
        const answers = viewer.received.filter((m) => kindOf(m) === 'step2').length
        expect(answers).toBeGreaterThanOrEqual(1)
        expect(answers).toBeLessThanOrEqual(8)
        viewer.ws.close()
      }, 60_000)

      it('closes a consumer that stays over the queued-bytes bound, with its own close code', async () => {
        const sectionId = fx.objectivesOf('Marketing').id
        const writer = client(fx.owner, sectionId)
        expect(await writer.synced).toBe(true)
        const viewer = pausableSocket(server.url, `/sync/${sectionId}`, headersOf(fx.viewer))
        // Joined: the server's own step 1 comes once the connection is in the section.
        await eventually(() => viewer.received.length > 0, 'the viewer joins')
        const before = await connections()
        viewer.ws.pause()
        const chunk = 'y'.repeat(SYNC_LIMITS.maxFrameBytes - 64 * 1024)
        // Past what the kernel's socket buffers take (a few MiB on loopback), then past the bound.
        const needed = Math.ceil((4 * 1024 * 1024 + 3 * SYNC_LIMITS.maxQueuedBytes) / chunk.length)
        for (let i = 0; i < needed; i++) appendParagraph(writer.doc, `${i}${chunk}`)
        await eventually(async () => (await connections()) < before, 'the slow consumer is dropped', 30_000)
        viewer.ws.resume()
        expect(await viewer.closed).toBe(CLOSE.tooSlow)
        // The writer was never held up by the slow consumer.
        expect(writer.closes).toEqual([])
      }, 60_000)

      it('handles at most its rate of messages per second from one connection, pausing it (not closing it)', async () => {
        const acks: number[] = []
        const raw = rawSocket(server.url, `/sync/${fx.shared.id}?acks=1`, headersOf(fx.owner))
        raw.ws.on('message', (d: Buffer) => {
          const m = new Uint8Array(d)
          if (m[0] === MESSAGE.stored) acks.push(decoding.readVarUint(decoding.createDecoder(m.subarray(1))))
        })
        await raw.opened
        const burst = SYNC_LIMITS.messageBurst + 4 * SYNC_LIMITS.messagesPerSecond
        const started = performance.now()
        const nothing = Y.encodeStateAsUpdate(new Y.Doc())
        for (let i = 0; i < burst; i++) raw.ws.send(updateFrame(nothing))
        await eventually(() => (acks.at(-1) ?? 0) >= SYNC_LIMITS.messageBurst, 'the burst allowance is handled')
        const elapsed = (performance.now() - started) / 1000
        expect(acks.at(-1)!).toBeLessThanOrEqual(SYNC_LIMITS.messageBurst + SYNC_LIMITS.messagesPerSecond * elapsed + 1)
        await eventually(() => acks.at(-1) === burst, 'every message is handled in the end', 15_000)
        raw.ws.close()
        expect(await raw.closed).not.toBe(CLOSE.malformed)
      }, 30_000)
    })

    describe('updates that decode but do not apply', () => {
      let witness: StockClient
      beforeAll(async () => {
        witness = client(fx.salesEditor, fx.shared.id)
        expect(await witness.synced).toBe(true)
      })
      /** Another writer's words reach the witness: ordered after whatever was refused before them. */
      async function witnessStillSyncs(words: string) {
        const marker = client(fx.marketingEditor, fx.shared.id)
        expect(await marker.synced).toBe(true)
        appendParagraph(marker.doc, words)
        await eventually(() => bodyText(witness.doc).includes(words), 'the witness still syncs')
      }

      it('refuses an update Yjs would apply half-way: no byte stored, none reaches a peer, the sender gets a protocol code', async () => {
        const { update, clientId } = halfApplyingUpdate('corrupt words')
        const raw = rawSocket(server.url, `/sync/${fx.shared.id}`, headersOf(fx.owner))
        await raw.opened
        raw.ws.send(updateFrame(update))
        expect(await raw.closed).toBe(CLOSE.invalidUpdate)
        await witnessStillSyncs('after the corrupt update')
        expect(witness.doc.store.clients.has(clientId)).toBe(false)
        expect(bodyText(witness.doc)).not.toContain('corrupt words')
        // What a reload would read: nothing of it.
        const stored = await storedDoc(server.running, fx.shared.id)
        expect(stored.store.clients.has(clientId)).toBe(false)
        expect(witness.closes).toEqual([])
      })

      it('refuses an update nesting types deeper than any deletion can get through', async () => {
        const raw = rawSocket(server.url, `/sync/${fx.shared.id}`, headersOf(fx.owner))
        await raw.opened
        raw.ws.send(updateFrame(deeplyNestedUpdate(30_000)))
        expect(await raw.closed).toBe(CLOSE.invalidUpdate)
        expect(bodyText(await storedDoc(server.running, fx.shared.id))).not.toContain('<blockquote>')
      })

      it('holds an update whose dependencies have not come yet, and stores it once its sync step 2 brings them', async () => {
        const { first, second, clientId } = dependentUpdates('the first part', 'the second part')
        const raw = rawSocket(server.url, `/sync/${fx.shared.id}`, headersOf(fx.owner))
        await raw.opened
        // A client that typed offline: a keystroke goes out before the step 2 holding what it builds on.
        raw.ws.send(updateFrame(second))
        raw.ws.send(updateFrame(first, SYNC_SUBTYPE.step2))
        await eventually(() => bodyText(witness.doc).includes('the second part'), 'both parts reach the witness')
        expect(bodyText(witness.doc)).toContain('the first part')
        const stored = await storedDoc(server.running, fx.shared.id)
        expect(bodyText(stored)).toContain('the second part')
        expect(stored.store.pendingStructs).toBeNull()
        expect(witness.doc.store.clients.has(clientId)).toBe(true)
        raw.ws.close()
      })

      it('closes a connection whose updates wait past the bound for dependencies that never come, keeping none', async () => {
        const raw = rawSocket(server.url, `/sync/${fx.shared.id}`, headersOf(fx.owner))
        await raw.opened
        const clients: number[] = []
        for (let i = 0; i <= SYNC_LIMITS.maxHeldUpdates; i++) {
          const { second, clientId } = dependentUpdates(`lost first ${i}`, `orphan ${i}`)
          clients.push(clientId)
          raw.ws.send(updateFrame(second))
        }
        expect(await raw.closed).toBe(CLOSE.missingDependencies)
        await witnessStillSyncs('after the orphans')
        const stored = await storedDoc(server.running, fx.shared.id)
        expect(clients.filter((c) => stored.store.clients.has(c) || witness.doc.store.clients.has(c))).toEqual([])
        expect(bodyText(stored)).not.toMatch(/orphan \d/)
        expect(stored.store.pendingStructs).toBeNull()
      })
    })

    describe('presence', () => {
      it('shows every connection as the person whose session it is, whatever its awareness claims', async () => {
        const witness = client(fx.owner, planRoom())
        expect(await witness.synced).toBe(true)
        const liar = rawSocket(server.url, `/sync/${planRoom()}`, headersOf(fx.viewer))
        await liar.opened
        const clientId = 987654
        liar.ws.send(
          awarenessFrame([
            {
              clientId,
              clock: 1,
              state: { user: { userId: ownerId(), name: 'Olivia Owner', color: '#123456' } },
            },
          ]),
        )
        await eventually(() => witness.provider.awareness.getStates().has(clientId), 'the liar is present')
        const state = witness.provider.awareness.getStates().get(clientId) as {
          user: { userId: string; name: string; color: string }
        }
        expect(state.user).toEqual({ userId: fx.viewer.user!.id, name: fx.viewer.user!.name, color: '#123456' })
        liar.ws.close()
      })

      it('answers a repeated awareness query once while the previous answer is unsent', async () => {
        const viewer = pausableSocket(server.url, `/sync/${planRoom()}`, headersOf(fx.viewer))
        await viewer.opened
        viewer.ws.pause()
        for (let i = 0; i < 200; i++) viewer.ws.send(queryAwarenessFrame())
        viewer.ws.send(refusedMarker())
        viewer.ws.resume()
        await eventually(() => viewer.received.some((m) => kindOf(m) === 'auth'), 'the refusal marker')
        // Answers are small and the socket drains them at once; coalescing keeps at most one in flight.
        expect(viewer.received.filter((m) => kindOf(m) === 'awareness').length).toBeLessThanOrEqual(20)
        viewer.ws.close()
      })
    })
  })
})

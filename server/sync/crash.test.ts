import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type * as Y from 'yjs'
import { ENGINES, type TestDatabase } from '../../tests/support/engines'
import { type ServerProcess, startServerProcess } from '../../tests/support/server-process'
import {
  appendParagraph,
  bodyText,
  eventually,
  sleep,
  stockClient,
  type StockClient,
} from '../../tests/support/sync-clients'
import { planWithPeople, storedDocOf } from '../../tests/support/sync-fixture'

/**
 * Store before broadcast, checked the hard way: a real server process is killed with SIGKILL at random
 * moments while stock clients type. Whatever any client had received from the server before a kill
 * must be in the database right after it (read while the server is dead, so no client can have sent
 * it again since), and after the last restart everyone converges on what is stored.
 */

const ROUNDS = 12
/** Each client appends a paragraph this often (ms). */
const TYPING_EVERY_MS = 70
const TOKEN = /\bc\d+-\d+\b/g

interface Typist {
  name: string
  sectionId: string
  client: StockClient
  /** Tokens this client wrote itself: a token of anyone else in its document came from the server. */
  written: Set<string>
  timer: NodeJS.Timeout | null
  /** Clients that leave and come back (so their section unloads and compacts in between). */
  roams: boolean
  away: boolean
}

const tokensOf = (doc: Y.Doc) => new Set(bodyText(doc).match(TOKEN) ?? [])

describe.each(ENGINES)('crash safety on $engine', (engine) => {
  describe.skipIf(!engine.available)('a server killed with SIGKILL while stock clients type', () => {
    let database: TestDatabase
    let server: ServerProcess
    const typists: Typist[] = []
    // Quick unloads, so a section whose clients roam away is compacted between (and during) kills.
    const env = () => ({ ...database.env, SYNC_UNLOAD_AFTER_MS: '150' })

    beforeAll(async () => {
      database = await engine.open()
      server = await startServerProcess(env())
    })
    afterAll(async () => {
      for (const t of typists) {
        if (t.timer) clearInterval(t.timer)
        t.client.close()
      }
      await server?.stop('SIGKILL')
      await database?.dispose()
    })

    it('loses nothing a client received, and every client converges on the stored document', async () => {
      const started = Date.now()
      const fx = await planWithPeople(server.url)
      const overview = fx.shared.id
      const sales = fx.objectivesOf('Sales').id
      const seats = [
        { who: fx.owner, sectionId: overview, roams: false },
        { who: fx.salesEditor, sectionId: overview, roams: false },
        { who: fx.marketingEditor, sectionId: overview, roams: false },
        { who: fx.owner, sectionId: overview, roams: false },
        { who: fx.owner, sectionId: sales, roams: true },
        { who: fx.salesEditor, sectionId: sales, roams: true },
      ]
      seats.forEach(({ who, sectionId, roams }, i) => {
        const t: Typist = {
          name: `c${i}`,
          sectionId,
          client: stockClient(server.url, who.cookieHeader, sectionId),
          written: new Set(),
          timer: null,
          roams,
          away: false,
        }
        typists.push(t)
      })
      for (const t of typists) expect(await t.client.synced).toBe(true)

      // Everyone types at a steady rate from now until the end, connected or not.
      for (const t of typists) {
        let n = 0
        t.timer = setInterval(
          () => {
            const token = `${t.name}-${n++}`
            t.written.add(token)
            appendParagraph(t.client.doc, token)
          },
          TYPING_EVERY_MS + Math.floor(Math.random() * 20),
        )
      }

      const sections = [overview, sales]
      const everReceived = new Map(sections.map((s) => [s, new Set<string>()]))
      const roamers = typists.filter((t) => t.roams)
      let kills = 0

      for (let round = 0; round < ROUNDS; round++) {
        // Most rounds let the clients settle in first; some kill in the middle of the reconnect storm,
        // when every client's sync step 2 (its whole missing state) is being stored.
        if (round % 4 !== 3) {
          await eventually(
            () => typists.every((t) => t.away || (t.client.provider.synced && t.client.provider.wsconnected)),
            'clients reconnected',
            15_000,
          )
        }
        await sleep(100 + Math.random() * 900)

        // Kill, then wait until every socket open at that moment has been closed: nothing more can arrive.
        const sockets = typists.map((t) => t.client.provider.ws)
        await server.stop('SIGKILL')
        kills++
        await eventually(
          () => sockets.every((ws) => ws === null || ws.readyState === ws.CLOSED),
          'clients saw the kill',
          10_000,
        )

        // What each client received from the server: other clients' tokens in its document.
        for (const sectionId of sections) {
          const received = new Set<string>()
          for (const t of typists.filter((t) => t.sectionId === sectionId)) {
            for (const token of tokensOf(t.client.doc)) if (!t.written.has(token)) received.add(token)
          }
          const stored = tokensOf(await storedDocOf(database, sectionId))
          const lost = [...received].filter((token) => !stored.has(token))
          expect(lost, `round ${round}: tokens clients received but the database lost (${sectionId})`).toEqual([])
          for (const token of received) everReceived.get(sectionId)!.add(token)
        }

        // Roaming clients come and go, so their section unloads (and compacts) now and then.
        for (const t of roamers) {
          if (t.away && Math.random() < 0.6) {
            t.away = false
            t.client.provider.connect()
          } else if (!t.away && Math.random() < 0.35) {
            t.away = true
            t.client.provider.disconnect()
          }
        }
        server = await startServerProcess(env(), server.port)
      }

      // Back for good: stop typing, bring everyone back, and wait for all to agree with the database.
      for (const t of typists) {
        clearInterval(t.timer!)
        t.timer = null
        if (t.away) {
          t.away = false
          t.client.provider.connect()
        }
      }
      for (const sectionId of sections) {
        const mine = typists.filter((t) => t.sectionId === sectionId)
        const written = new Set(mine.flatMap((t) => [...t.written]))
        await eventually(
          () =>
            mine.every(
              (t) =>
                tokensOf(t.client.doc).size === written.size &&
                bodyText(t.client.doc) === bodyText(mine[0]!.client.doc),
            ),
          `the clients of ${sectionId} converge`,
          20_000,
        )
        await eventually(
          async () => bodyText(await storedDocOf(database, sectionId)) === bodyText(mine[0]!.client.doc),
          `the database holds ${sectionId} as the clients do`,
          20_000,
        )
        const stored = await storedDocOf(database, sectionId)
        for (const t of mine) expect(bodyText(t.client.doc)).toBe(bodyText(stored))
        expect(tokensOf(stored)).toEqual(written)
        const storedTokens = tokensOf(stored)
        expect([...everReceived.get(sectionId)!].filter((token) => !storedTokens.has(token))).toEqual([])
      }

      const received = [...everReceived.values()].reduce((n, s) => n + s.size, 0)
      expect(kills).toBeGreaterThanOrEqual(10)
      expect(received).toBeGreaterThan(100)
      console.info(
        `[crash ${engine.engine}] ${kills} kills, ${received} received tokens checked, ${typists.reduce((n, t) => n + t.written.size, 0)} written, ${((Date.now() - started) / 1000).toFixed(1)} s`,
      )
    }, 120_000)
  })
})

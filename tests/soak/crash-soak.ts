import type * as Y from 'yjs'
import type { TestDatabase } from '../support/engines'
import { type ServerProcess, startServerProcess } from '../support/server-process'
import { type StockClient, appendParagraph, bodyText, eventually, sleep, stockClient } from '../support/sync-clients'
import { planWithPeople, storedDocOf } from '../support/sync-fixture'

/**
 * Store before broadcast, checked the hard way: a real server process is killed with SIGKILL at random
 * moments while stock clients type. Whatever any client had received from the server before a kill
 * must be in the database right after it (read while the server is dead, so no client can have sent
 * it again since), and after the last restart everyone converges on what is stored.
 */

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

export interface SoakReport {
  rounds: number
  kills: number
  /** Lines (paragraphs) that some client had received from the server, checked against the database after a kill. */
  received: number
  written: number
  /** Lines a client had received that the database did not hold after a kill, by round. */
  lost: { round: number; sectionId: string; tokens: string[] }[]
  /** Set when the clients did not converge on the database at the end. */
  notConverged: string | null
  seconds: number
}

export interface SoakOptions {
  database: TestDatabase
  rounds: number
  onRound?: (round: number, report: SoakReport) => void
}

export async function crashSoak({ database, rounds, onRound }: SoakOptions): Promise<SoakReport> {
  const started = Date.now()
  // Quick unloads, so a section whose clients roam away is compacted between (and during) kills.
  const env = { ...database.env, SYNC_UNLOAD_AFTER_MS: '150' }
  let server: ServerProcess = await startServerProcess(env)
  const typists: Typist[] = []
  const report: SoakReport = { rounds: 0, kills: 0, received: 0, written: 0, lost: [], notConverged: null, seconds: 0 }
  try {
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
      typists.push({
        name: `c${i}`,
        sectionId,
        client: stockClient(server.url, who.cookieHeader, sectionId),
        written: new Set(),
        timer: null,
        roams,
        away: false,
      })
    })
    for (const t of typists) if (!(await t.client.synced)) throw new Error(`${t.name} did not sync`)

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

    for (let round = 0; round < rounds; round++) {
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
      report.kills++
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
        if (lost.length) report.lost.push({ round, sectionId, tokens: lost })
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
      server = await startServerProcess(env, server.port)
      report.rounds = round + 1
      report.received = [...everReceived.values()].reduce((n, s) => n + s.size, 0)
      onRound?.(round, report)
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
    report.written = typists.reduce((n, t) => n + t.written.size, 0)
    try {
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
          30_000,
        )
        await eventually(
          async () => bodyText(await storedDocOf(database, sectionId)) === bodyText(mine[0]!.client.doc),
          `the database holds ${sectionId} as the clients do`,
          30_000,
        )
        const stored = tokensOf(await storedDocOf(database, sectionId))
        const missing = [...written, ...everReceived.get(sectionId)!].filter((token) => !stored.has(token))
        if (missing.length) throw new Error(`${missing.length} lines missing from ${sectionId} at the end`)
      }
    } catch (err) {
      report.notConverged = String(err)
    }
    return report
  } finally {
    for (const t of typists) {
      if (t.timer) clearInterval(t.timer)
      t.client.close()
    }
    await server.stop('SIGKILL')
    report.seconds = (Date.now() - started) / 1000
  }
}

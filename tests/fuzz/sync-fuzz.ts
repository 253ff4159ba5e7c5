import fs from 'node:fs'
import net from 'node:net'
import WebSocket from 'ws'
import * as Y from 'yjs'
import { CLOSE } from '../../shared/sync/protocol'
import { rawRequest, step1Frame, upgradeRequest } from '../support/hostile'
import { type StockClient, appendParagraph, bodyText, eventually, sleep, stockClient } from '../support/sync-clients'
import { planWithPeople, storedDocOf } from '../support/sync-fixture'
import type { TestDatabase } from '../support/engines'
import {
  FORGED_NAME,
  type FrameContext,
  type FuzzFrame,
  bigFrame,
  corruptWrite,
  readerFrame,
  malformedFrame,
} from './frames'
import { Prng } from './prng'

/**
 * The sync protocol fuzzer: seeded episodes of hostile connections against a real server process,
 * while two well-behaved clients type into the same section. What it checks is what the server
 * promises: it stays up and answers HTTP; its memory stays bounded; every connection that sends a
 * surely malformed frame is closed with a code that says so, and no other connection is (the
 * well-behaved ones never are); the well-behaved clients converge, with the database, on a section
 * that holds nothing any hostile connection sent; nobody appears in presence under a forged name.
 */

/** The close codes a malformed frame may earn. */
export const MALFORMED_CLOSES = new Set<number>([CLOSE.malformed, CLOSE.invalidUpdate, CLOSE.missingDependencies, 1009])

export interface FuzzOptions {
  url: string
  /** The server's process id, for its resident memory. */
  pid: number
  database: TestDatabase
  seed: number
  frames: number
  /** Hostile connections at a time. */
  concurrency: number
  onProgress?: (sent: number) => void
}

export interface FuzzReport {
  seed: number
  frames: number
  episodes: number
  seconds: number
  framesPerSecond: number
  rssBeforeMb: number
  rssAfterMb: number
  peakRssMb: number
  /** Server close codes seen by hostile connections, with how many times. */
  closeCodes: Record<string, number>
  /** Frames sent, by kind. */
  kinds: Record<string, number>
  healthChecks: number
  healthFailures: number
  /** Every broken promise, in words; empty when the server kept them all. */
  violations: string[]
  goodTokens: number
}

type Episode = 'reader' | 'writer' | 'burst' | 'big' | 'liar' | 'neverReader' | 'halfOpen' | 'upgrade'

function memoryMb(pid: number) {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8')
  const kb = (key: string) => Number(new RegExp(`${key}:\\s+(\\d+)`).exec(status)?.[1] ?? 0)
  return { rss: kb('VmRSS') / 1024, peak: kb('VmHWM') / 1024 }
}

const count = (into: Record<string, number>, key: string | number, n = 1) => (into[key] = (into[key] ?? 0) + n)

/** A raw socket on a room, with what the server did to it. */
function open(url: string, room: string, cookie: string) {
  const ws = new WebSocket(`${url.replace(/^http/, 'ws')}/sync/${room}`, { headers: { cookie, origin: url } })
  ws.on('message', () => {})
  /** The code of a close the server started (null until then, or when we closed first). */
  let code: number | null = null
  let ours = false
  const closed = new Promise<number | 'ours'>((resolve) =>
    ws.on('close', (c) => {
      if (!ours) code = c
      resolve(ours ? 'ours' : c)
    }),
  )
  const close = () => {
    ours = code === null
    ws.close()
  }
  ws.on('error', () => {})
  const opened = new Promise<boolean>((resolve) => {
    ws.on('open', () => resolve(true))
    ws.on('close', () => resolve(false))
  })
  return { ws, closed, opened, close, code: () => code }
}

const within = <T>(p: Promise<T>, ms: number) => Promise.race([p, sleep(ms).then(() => null)]) as Promise<T | null>

export async function runFuzz(opts: FuzzOptions): Promise<FuzzReport> {
  const rng = new Prng(opts.seed)
  const fx = await planWithPeople(opts.url)
  const section = fx.shared.id
  const planRoom = (fx.plan as { id: string }).id
  const violations: string[] = []
  const closeCodes: Record<string, number> = {}
  const kinds: Record<string, number> = {}
  let sent = 0
  let episodes = 0

  // Two well-behaved clients keep typing into the section the whole time.
  const good: StockClient[] = [fx.marketingEditor, fx.salesEditor].map((who) =>
    stockClient(opts.url, who.cookieHeader, section),
  )
  for (const c of good) if (!(await c.synced)) throw new Error('a well-behaved client did not sync')
  good.forEach((c, i) => c.provider.awareness.setLocalStateField('user', { name: `Good ${i}`, color: '#0a0' }))
  const clientsBefore = new Set(good[0]!.doc.store.clients.keys())
  const tokens = new Set<string>()
  let typed = 0
  const typing = setInterval(() => {
    const c = good[typed % good.length]!
    const token = `good-${typed++}`
    tokens.add(token)
    appendParagraph(c.doc, token)
  }, 40)
  // A reader that only ever sends valid frames: it must never be closed.
  const innocent = open(opts.url, section, fx.viewer.cookieHeader)
  await innocent.opened
  const innocentTimer = setInterval(
    () => innocent.ws.readyState === WebSocket.OPEN && innocent.ws.send(step1Frame()),
    500,
  )

  let healthChecks = 0
  let healthFailures = 0
  const health = setInterval(() => {
    healthChecks++
    fetch(`${opts.url}/api/health`, { signal: AbortSignal.timeout(10_000) })
      .then((r) => r.status !== 200 && healthFailures++)
      .catch(() => healthFailures++)
  }, 1000)

  const ctx = (ownClientId: number): FrameContext => ({
    ownClientId,
    stateVector: () => Y.encodeStateVector(good[0]!.doc),
    othersClientId: () => good[rng.int(0, 1)]!.provider.awareness.clientID,
  })
  // Connections that are kept open until the end (never reading, or never finishing their upgrade).
  const lingering: { close: () => void }[] = []
  await sleep(500)
  const before = memoryMb(opts.pid)
  const started = performance.now()

  const send = (ws: WebSocket, f: FuzzFrame) => {
    ws.send(f.bytes)
    sent++
    count(kinds, f.kind)
  }

  /** Send frames; when the last is surely malformed, the server must close the connection, saying so. */
  async function run(who: { cookieHeader: string }, room: string, frames: FuzzFrame[], what: string) {
    const conn = open(opts.url, room, who.cookieHeader)
    if (!(await conn.opened)) return violations.push(`${what}: the upgrade was refused (${conn.code()})`)
    for (const f of frames) send(conn.ws, f)
    const mustClose = frames.at(-1)?.expect === 'closes'
    const mayClose = frames.some((f) => f.expect !== 'stays')
    if (mustClose) {
      if ((await within(conn.closed, 20_000)) === null)
        violations.push(`${what}: not closed after "${frames.at(-1)!.kind}"`)
    } else {
      // Ordered after every frame sent: once it is answered, all of them were handled.
      conn.ws.send(step1Frame())
      await within(new Promise((r) => conn.ws.once('message', r)), 2_000)
      if (conn.code() !== null && !mayClose)
        violations.push(`${what}: closed with ${conn.code()} after valid frames only`)
      conn.close()
      await within(conn.closed, 5_000)
    }
    const code = conn.code()
    if (code === null) return count(closeCodes, 'closed by the fuzzer')
    count(closeCodes, code)
    if (!MALFORMED_CLOSES.has(code)) violations.push(`${what}: closed with ${code}`)
  }

  async function episode(r: Prng, kind: Episode) {
    episodes++
    const reader = r.pick([fx.viewer, fx.commenter])
    switch (kind) {
      case 'reader': {
        const n = r.int(1, 250)
        const c = ctx(r.int(1, 2 ** 30))
        const frames = Array.from({ length: n }, () => readerFrame(r, c))
        if (r.chance(0.7)) frames.push(malformedFrame(r))
        return run(reader, r.chance(0.8) ? section : planRoom, frames, `reader episode ${episodes}`)
      }
      case 'writer': {
        const frames = Array.from({ length: r.int(1, 4) }, () => corruptWrite(r))
        if (frames.at(-1)!.expect !== 'closes') frames.push(r.chance(0.5) ? corruptWrite(r) : malformedFrame(r))
        return run(fx.owner, section, frames, `writer episode ${episodes}`)
      }
      case 'burst': {
        const c = ctx(r.int(1, 2 ** 30))
        const frames: FuzzFrame[] = []
        while (frames.length < r.int(500, 2000)) {
          const f = readerFrame(r, c)
          if (f.expect === 'stays') frames.push(f)
        }
        return run(reader, section, frames, `burst episode ${episodes}`)
      }
      case 'big':
        return run(reader, section, [bigFrame(r)], `1 MiB episode ${episodes}`)
      case 'liar': {
        const c = ctx(r.int(1, 2 ** 30))
        const frames = Array.from({ length: r.int(1, 20) }, () => readerFrame(r, c)).filter((f) => f.expect === 'stays')
        return run(reader, r.chance(0.5) ? section : planRoom, frames, `presence episode ${episodes}`)
      }
      case 'neverReader': {
        if (lingering.length >= 16) return
        const conn = open(opts.url, section, reader.cookieHeader)
        if (!(await conn.opened)) return
        conn.ws.pause()
        for (let i = r.int(10, 300); i > 0; i--)
          send(conn.ws, { kind: 'step1 from a socket that never reads', bytes: step1Frame(), expect: 'stays' })
        lingering.push({ close: () => conn.ws.terminate() })
        return
      }
      case 'upgrade': {
        // An upgrade request with a mangled target or cookie: an HTTP answer, never a stopped process.
        const target = r.pick([
          `/sync/${section}`,
          'http://[::1/sync/x',
          '/sync/%zz',
          '/sync/../api',
          `/sync/${section}?acks=%`,
          '/x',
        ])
        const cookie = r.pick([fx.viewer.cookieHeader, 'planroom_session=%E0%A4%A', 'planroom_session=%', '=;;=', ''])
        const { host } = new URL(opts.url)
        const answer = await rawRequest(
          opts.url,
          upgradeRequest(target, host, cookie ? [`Cookie: ${cookie}`, `Origin: ${opts.url}`] : []),
          (a) => a.includes('\r\n\r\n'),
        )
        sent++
        count(kinds, 'mangled upgrade request')
        if (!/^HTTP\/1\.1 (101|400|404) /.test(answer))
          violations.push(
            `upgrade episode ${episodes}: ${JSON.stringify(answer.slice(0, 40))} to ${target} with ${cookie}`,
          )
        return
      }
      case 'halfOpen': {
        if (lingering.length >= 16) return
        const { hostname, port } = new URL(opts.url)
        const socket = net.connect(Number(port), hostname)
        socket.on('error', () => {})
        // Headers that never end, or a frame header promising bytes that never come.
        socket.write(
          r.chance(0.5)
            ? `GET /sync/${section} HTTP/1.1\r\nHost: x\r\nConnection: Upgrade\r\nUpgrade: websocket\r\n`
            : `GET /sync/${section} HTTP/1.1\r\nHost: x\r\nConnection: Upgrade\r\nUpgrade: websocket\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nCookie: ${reader.cookieHeader}\r\n\r\n\x82\xfe\x10\x00abcd`,
        )
        sent++
        count(kinds, 'half-open socket')
        lingering.push({ close: () => socket.destroy() })
        return
      }
    }
  }

  const weights: Record<Episode, number> = {
    reader: 60,
    writer: 12,
    burst: 3,
    big: 3,
    liar: 8,
    neverReader: 2,
    halfOpen: 2,
    upgrade: 4,
  }
  let lastReport = 0
  await Promise.all(
    Array.from({ length: opts.concurrency }, async () => {
      while (sent < opts.frames) {
        const r = rng.fork()
        await episode(r, r.weighted(weights))
        if (sent - lastReport >= 10_000) {
          lastReport = sent
          opts.onProgress?.(sent)
        }
      }
    }),
  )
  const seconds = (performance.now() - started) / 1000
  clearInterval(typing)
  clearInterval(innocentTimer)
  for (const l of lingering) l.close()

  // The well-behaved clients converge with each other and with the database, on their own words only.
  const stored = async () => bodyText(await storedDocOf(opts.database, section))
  try {
    await eventually(
      async () =>
        good.every((c) => [...tokens].every((t) => bodyText(c.doc).includes(`>${t}<`))) &&
        bodyText(good[0]!.doc) === bodyText(good[1]!.doc) &&
        (await stored()) === bodyText(good[0]!.doc),
      'the well-behaved clients and the database converge',
      30_000,
    )
  } catch (err) {
    violations.push(String(err))
  }
  const foreign = [...good[0]!.doc.store.clients.keys()].filter(
    (id) => !clientsBefore.has(id) && !good.some((c) => c.doc.clientID === id),
  )
  if (foreign.length)
    violations.push(`the section holds structs of clients that are not the well-behaved ones: ${foreign.join(', ')}`)
  if (/corrupt|orphan|viewer words|lost \d/.test(await stored()))
    violations.push('the stored section holds words a hostile connection sent')
  for (const [id, state] of good[1]!.provider.awareness.getStates()) {
    const user = (state as { user?: { name?: string } }).user
    if (user?.name === FORGED_NAME) violations.push(`presence shows a forged name (client ${id})`)
  }
  if (innocent.code() !== null) violations.push(`the innocent reader was closed (${innocent.code()})`)
  for (const [i, c] of good.entries())
    if (c.closes.length) violations.push(`well-behaved client ${i} was closed (${c.closes.join(', ')})`)

  clearInterval(health)
  innocent.ws.close()
  for (const c of good) c.close()
  await sleep(2000)
  const after = memoryMb(opts.pid)
  return {
    seed: opts.seed,
    frames: sent,
    episodes,
    seconds,
    framesPerSecond: sent / seconds,
    rssBeforeMb: before.rss,
    rssAfterMb: after.rss,
    peakRssMb: after.peak,
    closeCodes,
    kinds,
    healthChecks,
    healthFailures,
    violations,
    goodTokens: tokens.size,
  }
}

import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type * as Y from 'yjs'
import { CLOSE, MESSAGE } from '../../shared/sync/protocol'
import { ApiClient, httpTarget } from '../../tests/support/api'
import { startBalancer } from '../../tests/support/balancer'
import { CAN_CLUSTER, type RunningCluster, startCluster } from '../../tests/support/cluster'
import type { TestDatabase } from '../../tests/support/engines'
import type { ServerProcess } from '../../tests/support/server-process'
import {
  appendParagraph,
  bodyText,
  eventually,
  rawSocket,
  processed,
  sleep,
  type StockClient,
  stockClient,
  WITH_ACKS,
} from '../../tests/support/sync-clients'
import { planWithPeople, storedDocOf } from '../../tests/support/sync-fixture'

/**
 * Production mode (docs/product.md#storage-and-scale): two real Planroom processes on one PostgreSQL database and a Redis server
 * of the test's own, so Redis can be stopped and started without touching other suites.
 */
/** The same person, talking to another process (the session lives in the shared database). */
function through(person: ApiClient, url: string): ApiClient {
  const other = new ApiClient(httpTarget(), url)
  other.cookies = new Map(person.cookies)
  other.user = person.user
  return other
}

async function health(url: string) {
  const res = await fetch(`${url}/api/health`)
  type Body = { status: string; redis: { status: string; relayed?: { received: number; applied: number } } }
  return { status: res.status, body: (await res.json()) as Body }
}

describe.skipIf(!CAN_CLUSTER)('several processes on PostgreSQL and Redis', () => {
  let cluster: RunningCluster
  let database: TestDatabase
  let a: ServerProcess
  let b: ServerProcess
  let fx: Awaited<ReturnType<typeof planWithPeople>>
  const open: StockClient[] = []
  /** A stock client of `sectionId` on the process at `url`, once it has synced. */
  const client = async (
    url: string,
    who: { cookieHeader: string },
    sectionId: string,
    opts?: Parameters<typeof stockClient>[3],
  ) => {
    const c = stockClient(url, who.cookieHeader, sectionId, opts)
    open.push(c)
    expect(await c.synced).toBe(true)
    return c
  }

  beforeAll(async () => {
    cluster = await startCluster(2)
    ;({ database } = cluster)
    ;[a, b] = cluster.servers as [ServerProcess, ServerProcess]
    fx = await planWithPeople(a.url)
  })
  afterAll(async () => {
    for (const c of open) c.close()
    await cluster?.dispose()
  })

  /** A plan-room socket on `server` that asked for plan news, once the server has it registered. */
  async function planListener(server: ServerProcess) {
    const listener = rawSocket(server.url, `/sync/${fx.plan.id}?events=1`, {
      cookie: fx.viewer.cookieHeader,
      origin: server.url,
    })
    await listener.opened
    await eventually(() => listener.received.length > 0, 'the plan room says hello')
    return listener
  }

  /** Comment through A and wait until the listener (on B) hears of it: everything A published before has arrived. */
  async function relayedThrough(listener: ReturnType<typeof rawSocket>) {
    const heard = () => listener.received.filter((m) => m[0] === MESSAGE.planEvent).map((m) => m.subarray(1).toString())
    const before = heard().length
    const res = await fx.commenter.req('POST', `/api/sections/${fx.shared.id}/comments`, {
      body: 'Seen from the other process?',
    })
    expect(res.status).toBe(201)
    await eventually(
      () =>
        heard()
          .slice(before)
          .some((e) => e.includes('"comments"')),
      'B hears of a comment made through A',
    )
  }

  it('reports database, Redis and sync status on both processes', async () => {
    for (const p of [a, b]) {
      const { status, body } = await health(p.url)
      expect(status).toBe(200)
      expect(body).toMatchObject({
        status: 'ok',
        database: { status: 'ok', engine: 'postgres' },
        redis: { status: 'ok' },
        sync: { status: 'ok' },
      })
    }
  })

  it('converges clients of one section connected to different processes', async () => {
    const onA = await client(a.url, fx.owner, fx.shared.id)
    const onB = await client(b.url, fx.marketingEditor, fx.shared.id)
    appendParagraph(onA.doc, 'written through A')
    appendParagraph(onB.doc, 'written through B')
    await eventually(
      () =>
        [onA, onB].every(
          (c) => bodyText(c.doc).includes('written through A') && bodyText(c.doc).includes('written through B'),
        ),
      'both edits on both clients',
    )
    expect(bodyText(onA.doc)).toBe(bodyText(onB.doc))
    expect(bodyText(await storedDocOf(database, fx.shared.id))).toBe(bodyText(onA.doc))
  })

  it('relays to a process only the sections it has open', async () => {
    const relayedToB = async () => (await health(b.url)).body.redis.relayed!
    const before = await relayedToB()
    // A section open on A only: none of its 40 edits is B's business.
    const alone = await client(a.url, fx.owner, fx.objectivesOf('Marketing').id)
    for (let i = 0; i < 40; i++) appendParagraph(alone.doc, `only on A ${i}`)
    // Then one edit of a section open on both; Redis delivers to B in publish order, so once it has arrived
    // anything of the other section would have arrived before it.
    const onA = await client(a.url, fx.owner, fx.shared.id)
    const onB = await client(b.url, fx.marketingEditor, fx.shared.id)
    appendParagraph(onA.doc, 'after the others')
    await eventually(() => bodyText(onB.doc).includes('after the others'), 'B has the edit of the shared section')
    await eventually(() => bodyText(alone.doc).includes('only on A 39'), 'A has every edit of its own section')
    const after = await relayedToB()
    expect(after.applied).toBeGreaterThan(before.applied)
    // Presence and the one edit of the shared section; not the 40 updates of the other one.
    expect(after.received - before.received).toBeLessThan(20)
  })

  it('shows presence across processes, and its end', async () => {
    const section = fx.objectivesOf('Marketing').id
    const onA = await client(a.url, fx.marketingEditor, section)
    const onB = await client(b.url, fx.viewer, section)
    onA.provider.awareness.setLocalStateField('user', { name: 'Mo Marketing' })
    const seenOnB = () =>
      [...onB.provider.awareness.getStates().values()].some(
        (s) => (s as { user?: { name?: string } }).user?.name === 'Mo Marketing',
      )
    await eventually(seenOnB, 'B sees who is on A')
    onB.provider.awareness.setLocalStateField('user', { name: 'Vic Viewer' })
    await eventually(
      () =>
        [...onA.provider.awareness.getStates().values()].some(
          (s) => (s as { user?: { name?: string } }).user?.name === 'Vic Viewer',
        ),
      'A sees who is on B',
    )
    onA.close()
    await eventually(() => !seenOnB(), 'B sees A leave')
  })

  it('refuses the next write on B of an editor demoted through A', async () => {
    const person = await fx.member('editor', { name: 'Dee Demoted' })
    const onB = await client(b.url, person, fx.shared.id, WITH_ACKS)
    const markerOnB = await client(b.url, fx.owner, fx.shared.id, WITH_ACKS)
    const witness = await client(a.url, fx.owner, fx.shared.id)
    await processed(onB, (doc) => appendParagraph(doc, 'before demotion'), 'the first write is processed')
    await eventually(() => bodyText(witness.doc).includes('before demotion'), 'the editor writes while an editor')
    const listener = await planListener(b)
    const patch = await fx.owner.req('PATCH', `/api/workspaces/${fx.workspace.id}/members/${person.user!.id}`, {
      role: 'viewer',
    })
    expect(patch.status).toBe(200)
    // Redis keeps A's messages in order: once B hears of a comment made after the demotion, B has the demotion.
    await relayedThrough(listener)
    listener.ws.close()
    await processed(onB, (doc) => appendParagraph(doc, 'after demotion'), 'the write after demotion is processed')
    // Stored on B after it, so relayed to A after it: once the witness on A has the marker, it would
    // have had the refused paragraph too.
    await processed(markerOnB, (doc) => appendParagraph(doc, 'marker from B'), 'the marker is stored')
    await eventually(() => bodyText(witness.doc).includes('marker from B'), 'A relays what B stored after')
    appendParagraph(witness.doc, 'witness marker')
    await eventually(() => bodyText(onB.doc).includes('witness marker'), 'the demoted person still reads')
    expect(bodyText(witness.doc)).not.toContain('after demotion')
    expect(bodyText(await storedDocOf(database, fx.shared.id))).not.toContain('after demotion')
  })

  it("closes a removed member's sockets on both processes, and a logged-out session's", async () => {
    const removed = await fx.member('editor', { name: 'Rita Removed' })
    const sockets = [await client(a.url, removed, fx.shared.id), await client(b.url, removed, fx.shared.id)]
    expect(
      (await through(fx.owner, b.url).req('DELETE', `/api/workspaces/${fx.workspace.id}/members/${removed.user!.id}`))
        .status,
    ).toBe(204)
    await eventually(() => sockets.every((c) => c.closes.includes(CLOSE.forbidden)), 'both sockets close with 4403')

    const leaving = await fx.member('editor', { name: 'Lou Logout' })
    const onB = await client(b.url, leaving, fx.shared.id)
    expect((await leaving.req('POST', '/api/auth/logout')).status).toBe(204)
    await eventually(() => onB.closes.includes(CLOSE.unauthenticated), "the session's socket on B closes with 4401")
  })

  it("brings plan news (a comment made through A) to B's listeners", async () => {
    const listener = await planListener(b)
    await relayedThrough(listener)
    listener.ws.close()
  })

  it('keeps serving without Redis, says so, and converges when Redis is back', async () => {
    const section = fx.objectivesOf('Sales').id
    const onA = await client(a.url, fx.salesEditor, section)
    const onB = await client(b.url, fx.owner, section)
    appendParagraph(onA.doc, 'before the outage')
    await eventually(() => bodyText(onB.doc).includes('before the outage'), 'live before the outage')

    const redis = cluster.redis!
    await redis.stop()
    await eventually(async () => (await health(a.url)).body.redis.status === 'down', 'A reports Redis down')
    const during = await health(b.url)
    expect(during.status).toBe(200)
    expect(during.body).toMatchObject({ status: 'degraded', redis: { status: 'down' } })
    for (let i = 0; i < 5; i++) {
      appendParagraph(onA.doc, `A during the outage ${i}`)
      appendParagraph(onB.doc, `B during the outage ${i}`)
      await sleep(40)
    }
    // Each process still serves its own clients: B's writes are stored although A's clients cannot see them yet.
    await eventually(
      async () => bodyText(await storedDocOf(database, section)).includes('B during the outage 4'),
      'B stores during the outage',
    )
    // A process started during the outage serves too, and says it is on its own.
    const c = await cluster.add()
    expect((await health(c.url)).body).toMatchObject({ status: 'degraded', redis: { status: 'down' } })
    const onC = await client(c.url, fx.owner, section)
    appendParagraph(onC.doc, 'C during the outage')

    await redis.start()
    const all = (doc: Y.Doc) =>
      bodyText(doc).includes('C during the outage') &&
      [0, 1, 2, 3, 4].every(
        (i) => bodyText(doc).includes(`A during the outage ${i}`) && bodyText(doc).includes(`B during the outage ${i}`),
      )
    await eventually(
      () => [onA, onB, onC].every((x) => all(x.doc)),
      'every client has every edit after Redis is back',
      15_000,
    )
    expect(new Set([onA, onB, onC].map((x) => bodyText(x.doc))).size).toBe(1)
    // Nobody reconnected: the same sockets carried the catch-up.
    expect([...onA.closes, ...onB.closes, ...onC.closes]).toEqual([])
    for (const p of [a, b, c]) await eventually(async () => (await health(p.url)).body.status === 'ok', 'healthy again')
  })
})

describe.skipIf(!CAN_CLUSTER)('a process killed with SIGKILL while clients type', () => {
  let cluster: RunningCluster
  let balancer: Awaited<ReturnType<typeof startBalancer>>
  const clients: StockClient[] = []
  const timers: NodeJS.Timeout[] = []

  beforeAll(async () => {
    cluster = await startCluster(2)
    balancer = await startBalancer(cluster.servers.map((s) => s.port))
  })
  afterAll(async () => {
    for (const t of timers) clearInterval(t)
    for (const c of clients) c.close()
    await balancer?.close()
    await cluster?.dispose()
  })

  it('moves its clients to the other process and loses nothing anyone had received', async () => {
    const [a, b] = cluster.servers as [ServerProcess, ServerProcess]
    const fx = await planWithPeople(b.url)
    const people = [fx.owner, fx.marketingEditor, fx.salesEditor, fx.owner]
    // Through the balancer, in turn: two clients land on A and two on B.
    for (const person of people) clients.push(stockClient(balancer.url, person.cookieHeader, fx.shared.id))
    for (const c of clients) expect(await c.synced).toBe(true)
    let n = 0
    clients.forEach((c, i) => timers.push(setInterval(() => appendParagraph(c.doc, `c${i}-${n++}`), 60)))
    await sleep(800)

    await a.stop('SIGKILL')
    // What every client had at the instant of the kill: all of it must survive.
    const received = clients.map((c) => bodyText(c.doc).match(/c\d+-\d+/g) ?? [])
    await sleep(800)
    for (const t of timers) clearInterval(t)

    await eventually(
      () => clients.every((c) => c.provider.wsconnected),
      'every client is connected again (to B)',
      15_000,
    )
    await eventually(() => new Set(clients.map((c) => bodyText(c.doc))).size === 1, 'all clients converge', 15_000)
    const final = bodyText(clients[0]!.doc)
    for (const tokens of received) for (const t of tokens) expect(final).toContain(t)
    await eventually(
      async () => bodyText(await storedDocOf(cluster.database, fx.shared.id)) === final,
      'the database holds what everyone has',
    )
    expect(received.flat().length).toBeGreaterThan(20)
  })
})

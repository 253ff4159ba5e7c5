import { randomUUID } from 'node:crypto'
import type { AccessEventMap, AccessEvents } from '../access-events'
import { log } from '../log'
import type { DocumentHub } from '../sync/hub'
import { LocalPlanEvents, type PlanEvent, type PlanEvents } from '../sync/plan-events'
import type { DocRelay } from '../sync/relay'
import { decodeDocMessage, encodeDocMessage } from './doc-messages'
import { RedisLink } from './redis-link'

/** A channel per section: a process hears only the sections it has open. */
const DOC_CHANNEL = 'planroom:doc:'
const docChannel = (sectionId: string) => DOC_CHANNEL + sectionId
const EVENTS = 'planroom:events'
/** Relayed messages are at most once: open sections also re-read the log this often, to miss nothing for long. */
const CATCH_UP_EVERY_MS = 30_000

type AccessType = keyof AccessEventMap
const ACCESS_TYPES: AccessType[] = ['memberChanged', 'sessionEnded', 'workspaceChanged', 'planDeleted']

/** What goes over the JSON channel. `hello` is a process whose Redis link just came back. */
type EventMessage =
  | { from: string; type: 'access'; name: AccessType; payload: AccessEventMap[AccessType][0] }
  | { from: string; type: 'plan'; event: PlanEvent }
  | { from: string; type: 'hello' }

/**
 * Several Planroom processes sharing live documents, presence, access changes and plan news through
 * Redis pub/sub. The database stays the only truth: every update is stored before it is relayed, and a
 * process that may have missed messages (Redis away, a peer killed) re-reads the log of its open sections.
 */
export class Cluster {
  readonly processId = randomUUID()
  private readonly local = new LocalPlanEvents()
  private hub: DocumentHub | null = null
  private access: AccessEvents | null = null
  /** Set while an access event from another process is re-emitted here, so it is not sent back out. */
  private relaying = false
  private readonly timer: NodeJS.Timeout
  /** Relayed document messages: all that arrived, and those of other processes applied to an open section. */
  readonly relayed = { received: 0, applied: 0 }

  constructor(private readonly link: RedisLink) {
    this.link.on('up', () => void this.recover({ announce: true }))
    this.timer = setInterval(() => void this.hub?.catchUp(), CATCH_UP_EVERY_MS)
    this.timer.unref()
  }

  get redisStatus() {
    return this.link.status
  }

  /** Updates stored and presence said in this process go to the others. */
  readonly docs: DocRelay = {
    update: (sectionId, id, update) =>
      this.link.publish(
        docChannel(sectionId),
        encodeDocMessage({ kind: 'update', from: this.processId, sectionId, id, update }),
      ),
    awareness: (sectionId, update) =>
      this.link.publish(
        docChannel(sectionId),
        encodeDocMessage({ kind: 'awareness', from: this.processId, sectionId, update }),
      ),
    // What was stored between reading the log and the subscription taking effect is read again after it.
    // Who was already present elsewhere is asked for once the subscription holds: their presence was said before.
    opened: (sectionId, catchUp) =>
      void this.link.subscribe(docChannel(sectionId)).then((subscribed) => {
        if (!subscribed) return
        this.link.publish(
          docChannel(sectionId),
          encodeDocMessage({ kind: 'presence-query', from: this.processId, sectionId }),
        )
        return catchUp()
      }),
    closed: (sectionId) => this.link.unsubscribe(docChannel(sectionId)),
  }

  /** Plan news reaches this process's listeners at once, and the other processes' through Redis. */
  readonly planEvents: PlanEvents = {
    publish: (event) => {
      this.local.publish(event)
      this.send({ from: this.processId, type: 'plan', event })
    },
    subscribe: (listener) => this.local.subscribe(listener),
  }

  /**
   * Start relaying: the hub's documents and this process's access changes. Does not wait for Redis: a
   * process starts and serves its own clients without it, and catches up once the link is up.
   */
  attach(hub: DocumentHub, access: AccessEvents) {
    this.hub = hub
    this.access = access
    for (const name of ACCESS_TYPES) {
      access.on(name, (payload: AccessEventMap[AccessType][0]) => {
        if (this.relaying) return
        // Who made the change stays here: the activity log is written once, by the process that made it.
        const relayed =
          name === 'memberChanged' && 'userId' in payload
            ? { workspaceId: payload.workspaceId, userId: payload.userId, removed: payload.removed }
            : payload
        this.send({ from: this.processId, type: 'access', name, payload: relayed })
      })
    }
    this.link.listen((channel, message) => {
      try {
        if (channel.startsWith(DOC_CHANNEL)) this.receiveDoc(message)
        else if (channel === EVENTS) this.receiveEvent(JSON.parse(message.toString()) as EventMessage)
      } catch (err) {
        log.warn('ignored an unreadable relayed message', { channel, error: String(err) })
      }
    })
    void this.link.subscribe(EVENTS)
  }

  private send(message: EventMessage) {
    this.link.publish(EVENTS, JSON.stringify(message))
  }

  private receiveDoc(frame: Uint8Array) {
    this.relayed.received++
    const m = decodeDocMessage(frame)
    if (m.from === this.processId || !this.hub) return
    if (m.kind === 'presence-query') return void this.answerPresence(m.sectionId)
    const done =
      m.kind === 'update'
        ? this.hub.receiveUpdate(m.sectionId, m.id, m.update)
        : this.hub.receiveAwareness(m.sectionId, m.update)
    done
      .then((applied) => applied && this.relayed.applied++)
      .catch((err) =>
        log.warn('a relayed change could not be applied', { sectionId: m.sectionId, kind: m.kind, error: String(err) }),
      )
  }

  /** Tell the process that asked who is present here in a section, if it is open here. */
  private async answerPresence(sectionId: string) {
    const update = (await this.hub?.peek(sectionId))?.presence()
    if (update) this.docs.awareness(sectionId, update)
  }

  private receiveEvent(m: EventMessage) {
    if (m.from === this.processId) return
    if (m.type === 'plan') return this.local.publish(m.event)
    if (m.type === 'hello') return void this.recover({ announce: false })
    this.relaying = true
    try {
      ;(this.access?.emit as (name: AccessType, payload: unknown) => boolean)(m.name, m.payload)
    } finally {
      this.relaying = false
    }
  }

  /**
   * After an outage (ours or another process's): re-read open sections from the log, tell the others who
   * is present here, and, if it was our link that came back, ask them to do the same.
   */
  private async recover({ announce }: { announce: boolean }) {
    if (!this.hub) return
    if (announce) this.send({ from: this.processId, type: 'hello' })
    await this.hub.catchUp()
    for await (const [sectionId, update] of this.hub.presence()) this.docs.awareness(sectionId, update)
  }

  async close() {
    clearInterval(this.timer)
    await this.link.close()
  }
}

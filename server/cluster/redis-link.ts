import { EventEmitter } from 'node:events'
import type Redis from 'ioredis'
import { log } from '../log'

export type RedisStatus = 'ok' | 'down'

/**
 * Our two connections to Redis: one publishes, one subscribes (a subscribed connection can do nothing
 * else). Redis carries live traffic only, so a message that cannot go out now is dropped, never queued:
 * whoever missed it catches up from the database when the link is back ('up').
 */
export class RedisLink extends EventEmitter<{ up: []; down: [] }> {
  private readonly pub: Redis
  private readonly sub: Redis
  private channels = new Set<string>()
  private wasUp = false

  /** ioredis is loaded only when REDIS_URL is set: a single process never holds it in memory. */
  static async open(url: string): Promise<RedisLink> {
    const { default: RedisClient } = await import('ioredis')
    return new RedisLink(RedisClient, url)
  }

  private constructor(RedisClient: typeof Redis, url: string) {
    super()
    const retryStrategy = (times: number) => Math.min(100 * times, 2000)
    this.pub = new RedisClient(url, {
      enableOfflineQueue: false,
      maxRetriesPerRequest: 1,
      retryStrategy,
      connectionName: 'planroom-pub',
    })
    // The subscriber waits for Redis as long as it takes; its subscriptions are renewed on every reconnect.
    this.sub = new RedisClient(url, { maxRetriesPerRequest: null, retryStrategy, connectionName: 'planroom-sub' })
    for (const [name, conn] of [
      ['publisher', this.pub],
      ['subscriber', this.sub],
    ] as const) {
      conn.on('error', (err) => log.debug('redis connection error', { connection: name, error: String(err) }))
      conn.on('ready', () => void this.settle())
      conn.on('close', () => void this.settle())
    }
  }

  get status(): RedisStatus {
    return this.pub.status === 'ready' && this.sub.status === 'ready' ? 'ok' : 'down'
  }

  /** Announce a change of status once both connections agree. */
  private async settle() {
    const up = this.status === 'ok'
    if (up === this.wasUp) return
    this.wasUp = up
    if (!up) {
      log.warn('redis is unreachable: this process serves its own clients only until it is back')
      return void this.emit('down')
    }
    // Subscribed again before anyone catches up, so nothing published from now on is missed.
    if (this.channels.size > 0) await this.sub.subscribe(...this.channels).catch(() => {})
    log.info('redis is reachable: live documents, presence and access changes are shared between processes')
    this.emit('up')
  }

  /** Where every message of every subscribed channel goes; set once. */
  listen(onMessage: (channel: string, message: Buffer) => void) {
    this.sub.on('messageBuffer', (channel: Buffer, message: Buffer) => onMessage(channel.toString(), message))
  }

  /**
   * Subscribed now if Redis is there, else as soon as it is (see settle). Resolves true once Redis has
   * confirmed the subscription, false when it is down: then the 'up' that follows re-subscribes.
   */
  async subscribe(...channels: string[]): Promise<boolean> {
    for (const c of channels) this.channels.add(c)
    if (this.sub.status !== 'ready') return false
    return this.sub.subscribe(...channels).then(
      () => true,
      () => false,
    )
  }

  unsubscribe(channel: string) {
    this.channels.delete(channel)
    if (this.sub.status === 'ready') void this.sub.unsubscribe(channel).catch(() => {})
  }

  publish(channel: string, message: Buffer | string) {
    if (this.pub.status !== 'ready') return
    this.pub
      .publish(channel, message)
      .catch((err) => log.debug('a relayed message was dropped', { channel, error: String(err) }))
  }

  close(): Promise<void> {
    this.removeAllListeners()
    this.pub.disconnect()
    this.sub.disconnect()
    return Promise.resolve()
  }
}

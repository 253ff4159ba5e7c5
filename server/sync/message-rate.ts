import type { WebSocket } from 'ws'
import { SYNC_LIMITS } from '../../shared/sync/protocol'

/**
 * At most `perSecond` messages handled per second on one connection, after a burst of `burst`. Past
 * that the socket is no longer read (the sender's TCP window fills: backpressure, no close), and the
 * messages the socket had already delivered wait here, in order, for their turn.
 */
export class MessageRate {
  private tokens: number
  private refilledAt = performance.now()
  private readonly waiting: Uint8Array[] = []
  private timer: NodeJS.Timeout | null = null

  constructor(
    private readonly ws: WebSocket,
    private readonly handle: (message: Uint8Array) => void,
    private readonly perSecond: number = SYNC_LIMITS.messagesPerSecond,
    private readonly burst: number = SYNC_LIMITS.messageBurst,
  ) {
    this.tokens = burst
  }

  push(message: Uint8Array) {
    this.waiting.push(message)
    this.drain()
  }

  private refill() {
    const now = performance.now()
    this.tokens = Math.min(this.burst, this.tokens + ((now - this.refilledAt) / 1000) * this.perSecond)
    this.refilledAt = now
  }

  private drain() {
    if (this.timer) return
    this.refill()
    let handled = 0
    while (handled < this.waiting.length && this.tokens >= 1) {
      this.tokens--
      this.handle(this.waiting[handled++]!)
    }
    this.waiting.splice(0, handled)
    if (this.waiting.length === 0) {
      if (this.ws.isPaused) this.ws.resume()
      return
    }
    this.ws.pause()
    this.timer = setTimeout(
      () => {
        this.timer = null
        this.drain()
      },
      Math.ceil(((1 - this.tokens) / this.perSecond) * 1000),
    )
    this.timer.unref()
  }

  close() {
    if (this.timer) clearTimeout(this.timer)
    this.timer = null
    this.waiting.length = 0
  }
}

import type { Duplex } from 'node:stream'
import type { WebSocket } from 'ws'
import { SYNC_LIMITS } from '../../shared/sync/protocol'

export interface OutboxLimits {
  maxQueuedBytes: number
  slowConsumerGraceMs: number
  /** Past this, the consumer is dropped at once: no state of a section needs more queued than this. */
  hardQueuedBytes: number
}

export const OUTBOX_LIMITS: OutboxLimits = {
  maxQueuedBytes: SYNC_LIMITS.maxQueuedBytes,
  slowConsumerGraceMs: SYNC_LIMITS.slowConsumerGraceMs,
  hardQueuedBytes: SYNC_LIMITS.maxDocumentBytes + SYNC_LIMITS.maxQueuedBytes,
}

/**
 * What the server sends one connection, with a bound on what may wait for its socket. A consumer that
 * reads slower than the section changes is told to go (`tooSlow`) once it stays over the bound for a
 * grace period without draining, or at once past the hard bound; a big first answer that drains is fine.
 */
export class Outbox {
  private timer: NodeJS.Timeout | null = null
  private queuedAtLastLook = 0

  constructor(
    private readonly ws: WebSocket,
    private readonly tooSlow: () => void,
    private readonly limits: OutboxLimits = OUTBOX_LIMITS,
  ) {}

  /**
   * `sent` runs once the socket has taken the message (or failed to). The message goes out as one binary
   * frame written to the TCP socket; a broadcast is framed once for all its peers (`frameOf`).
   */
  send(message: Uint8Array, sent?: (err?: Error | null) => void) {
    const socket = socketOf(this.ws)
    if (this.ws.readyState !== this.ws.OPEN || !socket) return sent?.()
    corkForThisTurn(socket)
    socket.write(frameOf(message), sent)
    this.look()
  }

  get queuedBytes() {
    return this.ws.bufferedAmount
  }

  private look() {
    const queued = this.queuedBytes
    if (queued > this.limits.hardQueuedBytes) return this.tooSlow()
    if (queued <= this.limits.maxQueuedBytes || this.timer) return
    this.queuedAtLastLook = queued
    this.timer = setTimeout(() => this.lookAgain(), this.limits.slowConsumerGraceMs)
    this.timer.unref()
  }

  private lookAgain() {
    this.timer = null
    const queued = this.queuedBytes
    if (queued <= this.limits.maxQueuedBytes) return
    if (queued >= this.queuedAtLastLook) return this.tooSlow()
    // Draining, if slowly: give it another grace period.
    this.look()
  }

  close() {
    if (this.timer) clearTimeout(this.timer)
    this.timer = null
  }
}

/**
 * A group commit finishes many writes of a section in one turn of the event loop, and each is broadcast
 * to every peer: corking a socket for the rest of the turn sends all its frames in one write (one
 * syscall) instead of one each. ws corks around each frame itself; corks nest, so ours holds them.
 * The uncork is a tick callback, which Node runs once the promise jobs queued before it have run: the
 * broadcasts of one group commit all go in, and the frames leave before the loop reads any more input
 * (a setImmediate would hold them through the next poll, adding latency and keeping the frames alive
 * long enough for the garbage collector to copy them out of the young generation).
 */
const corked = new Set<Duplex>()
function corkForThisTurn(socket: Duplex) {
  if (corked.has(socket)) return
  socket.cork()
  corked.add(socket)
  if (corked.size === 1) process.nextTick(uncorkAll)
}
function uncorkAll() {
  for (const socket of corked) socket.uncork()
  corked.clear()
}

/** ws keeps its TCP socket private; there is none before it connects or after it is gone. */
const socketOf = (ws: WebSocket) => (ws as unknown as { _socket?: Duplex | null })._socket ?? null

/**
 * A message as a WebSocket frame from the server: final, binary, unmasked (RFC 6455 §5.2). Writing it
 * to the socket ourselves is what ws.send does for us without permessage-deflate (which the server does
 * not offer), less the per-peer framing: a broadcast reaches every peer as the same message object, so
 * the frame made for the first is kept and written to the others.
 */
let lastMessage: Uint8Array | null = null
let lastFrame: Buffer | null = null
function frameOf(message: Uint8Array): Buffer {
  if (message === lastMessage) return lastFrame!
  const length = message.byteLength
  const header = length < 126 ? 2 : length < 65536 ? 4 : 10
  const frame = Buffer.allocUnsafe(header + length)
  frame[0] = 0x82
  if (header === 2) frame[1] = length
  else if (header === 4) {
    frame[1] = 126
    frame.writeUInt16BE(length, 2)
  } else {
    frame[1] = 127
    frame.writeBigUInt64BE(BigInt(length), 2)
  }
  frame.set(message, header)
  lastMessage = message
  lastFrame = frame
  return frame
}

/**
 * One answer in flight at a time for a kind of request (a sync step 1, an awareness query): a request
 * that comes while the previous answer still waits for the socket is answered once that one has gone,
 * and all such requests share that one answer. A socket that never reads therefore holds at most two.
 */
export class CoalescedAnswers<T> {
  private inFlight = false
  private waiting: { request: T } | null = null

  constructor(
    private readonly answer: (request: T, sent: () => void) => void,
    /** Two waiting requests as one that asks for everything either asked for. */
    private readonly merge: (a: T, b: T) => T,
  ) {}

  request(request: T) {
    if (this.inFlight) {
      this.waiting = { request: this.waiting ? this.merge(this.waiting.request, request) : request }
      return
    }
    this.inFlight = true
    this.answer(request, () => {
      this.inFlight = false
      const next = this.waiting
      this.waiting = null
      if (next) this.request(next.request)
    })
  }
}

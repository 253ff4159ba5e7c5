import { SYNC_LIMITS } from '../../shared/sync/protocol'

/** Why a connection's held updates were given up: the caller closes it with CLOSE.missingDependencies. */
export class DependenciesNeverCameError extends Error {}

interface Held {
  update: Uint8Array
  settle: (written: Promise<void>) => void
}

export interface HeldLimits {
  maxHeldUpdates: number
  maxHeldBytes: number
  maxHeldMs: number
}

/**
 * Updates of one connection that build on changes the server does not have yet. This is what a client
 * does that typed offline and keeps typing as it reconnects: its new keystrokes go out before its sync
 * step 2 (which carries the offline work they build on). They wait here, unstored and unacknowledged,
 * and are tried again, in order, after each later write of the same connection; once their
 * dependencies are in, they are stored like any write.
 *
 * Never stored while they wait, so they are never in a snapshot or served to another client. Bounded:
 * past `maxHeldUpdates` or `maxHeldBytes`, or when one has waited `maxHeldMs`, `giveUp` runs (the
 * connection is closed) and they are dropped: the client sends them again in its next sync step 2,
 * together with whatever they build on.
 */
export class HeldUpdates {
  private held: Held[] = []
  private bytes = 0
  private timer: NodeJS.Timeout | null = null

  constructor(
    private readonly giveUp: (reason: string) => void,
    private readonly limits: HeldLimits = SYNC_LIMITS,
  ) {}

  /** Settles as the update's write does, once `retry` found that it applies. Throws past the bounds. */
  hold(update: Uint8Array): Promise<void> {
    if (this.held.length >= this.limits.maxHeldUpdates || this.bytes + update.byteLength > this.limits.maxHeldBytes)
      throw new DependenciesNeverCameError('too many updates wait for changes the server does not have')
    this.bytes += update.byteLength
    this.timer ??= setTimeout(
      () => this.giveUp('an update waited too long for changes the server does not have'),
      this.limits.maxHeldMs,
    )
    this.timer.unref()
    return new Promise((settle) => this.held.push({ update, settle }))
  }

  get size() {
    return this.held.length
  }

  /**
   * Write, in order, every held update that applies now; stop at the first that still does not (later
   * ones may build on it). `write` returns the write's completion, or null while dependencies are missing.
   */
  retry(write: (update: Uint8Array) => Promise<void> | null) {
    while (this.held.length > 0) {
      const first = this.held[0]!
      const written = write(first.update)
      if (!written) return
      this.held.shift()
      this.bytes -= first.update.byteLength
      first.settle(written)
    }
    this.clear()
  }

  clear() {
    if (this.timer) clearTimeout(this.timer)
    this.timer = null
    this.held = []
    this.bytes = 0
  }
}

/**
 * A small seeded generator (mulberry32): the same seed gives the same frames, so a failing fuzz run is
 * replayed with `FUZZ_SEED`. Timing still differs from run to run (sockets, the server's scheduling).
 */
export class Prng {
  private state: number

  constructor(readonly seed: number) {
    this.state = seed >>> 0
  }

  /** Uniform in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0
    let t = this.state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }

  /** An integer in [lo, hi]. */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1))
  }

  chance(p: number): boolean {
    return this.next() < p
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!
  }

  /** One of `weights`' keys, as likely as its weight. */
  weighted<K extends string>(weights: Record<K, number>): K {
    const entries = Object.entries(weights) as [K, number][]
    let r = this.next() * entries.reduce((n, [, w]) => n + w, 0)
    for (const [k, w] of entries) if ((r -= w) < 0) return k
    return entries.at(-1)![0]
  }

  bytes(n: number): Uint8Array {
    const out = new Uint8Array(n)
    for (let i = 0; i < n; i++) out[i] = Math.floor(this.next() * 256)
    return out
  }

  /** A new generator whose sequence depends only on this one's: one per episode, so episodes replay alike. */
  fork(): Prng {
    return new Prng(this.int(0, 2 ** 32 - 1))
  }
}

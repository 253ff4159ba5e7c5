/**
 * One load from several loadgen processes at once, each driving its own share of the documents, so that
 * past a few hundred clients the generator is not what saturates (peerbench's loadgen is one process).
 * Latency percentiles are not additive: the merged p50/p95/p99/max are the worst generator's, a bound
 * that errs on the server's side of caution.
 */
import fs from 'node:fs'
import path from 'node:path'
import { type LoadStats, loadgen } from './peers'

export interface LoadShare {
  /** Room names (section ids for our server) this generator opens. */
  rooms: string[]
  /** loadgen arguments other than --rooms and --docs (protocol, url, cookie, --pid, rate, …). */
  args: string[]
}

/** Split `rooms` into at most `generators` shares of whole documents. */
export function shares(rooms: string[], generators: number): string[][] {
  const n = Math.max(1, Math.min(generators, rooms.length))
  return Array.from({ length: n }, (_, k) => rooms.filter((_, i) => i % n === k))
}

export async function spreadLoad(dir: string, scratch: string, parts: LoadShare[]): Promise<LoadStats> {
  const results = await Promise.all(
    parts.map((part, k) => {
      const file = path.join(scratch, `rooms-${k}.txt`)
      fs.writeFileSync(file, part.rooms.join('\n') + '\n')
      return loadgen(dir, [...part.args, '--rooms', file, '--docs', String(part.rooms.length)])
    }),
  )
  const sum = (f: (r: LoadStats) => number) => results.reduce((n, r) => n + f(r), 0)
  const worst = (f: (r: LoadStats) => number) => Math.max(...results.map(f))
  // The generator given --pid reports the server's CPU and memory.
  const measured = results.find((r) => r.serverCpuPct !== null) ?? results[0]!
  return {
    ...results[0]!,
    docs: sum((r) => r.docs),
    sent: sum((r) => r.sent),
    delivered: sum((r) => r.delivered),
    expected: sum((r) => r.expected),
    missing: sum((r) => r.missing),
    connectMs: worst((r) => r.connectMs),
    p50: worst((r) => r.p50),
    p95: worst((r) => r.p95),
    p99: worst((r) => r.p99),
    max: worst((r) => r.max),
    serverCpuPct: measured.serverCpuPct,
    serverRssMb: measured.serverRssMb,
    serverPeakMb: measured.serverPeakMb,
  }
}

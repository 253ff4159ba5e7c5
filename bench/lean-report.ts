/**
 * The report of issue 16's parts (bundle, capacity, idle, relay): Markdown sections and goal rows for
 * docs/benchmarks.md, from the results bench/run.ts collected.
 */
import os from 'node:os'
import type { CapacityOptions, CapacityResult } from './capacity'
import type { IdleRow } from './idle'
import { round, table, xychart } from './lib'
import type { RelayResult } from './relay'

export interface BundlePage {
  name: string
  budget: number
  raw: number
  gzip: number
  brotli: number
}

type Verdict = (ok: boolean) => string
const kb = (n: number) => round(n / 1000, 1)

export function renderBundle(pages: BundlePage[], yes: Verdict) {
  const markdown = [
    '## Web app download (bundle)',
    '',
    'What a first visit downloads before the page is usable, from the build (`scripts/bundle-report.mjs`, which also writes `docs/bundle.md` with every chunk). Brotli is what browsers are sent.',
    '',
    table(
      ['page', 'raw KB', 'gzip KB', 'brotli KB', 'budget KB'],
      pages.map((p) => [p.name, kb(p.raw), kb(p.gzip), kb(p.brotli), kb(p.budget)]),
    ),
  ].join('\n')
  const goals = pages.map((p) => [
    `${p.name}: ≤ ${kb(p.budget)} KB compressed JS + CSS`,
    `${kb(p.brotli)} KB`,
    yes(p.brotli <= p.budget),
  ])
  return { markdown, goals }
}

const NAMES: Record<string, string> = {
  planroom: 'Planroom (compiled, SQLite, stores every update)',
  ywebsocket: 'y-websocket reference',
  hocuspocus: 'Hocuspocus 4',
}

export function renderCapacity(result: CapacityResult, opts: CapacityOptions) {
  const out = ['## Capacity: the load each server carries', '']
  out.push(
    `Documents × ${opts.clients} clients at ${opts.rate} edits/s each, ${opts.duration} s per step, raised step by step until the p99 edit-to-peer latency passes ${opts.p99LimitMs} ms or a delivery goes missing. The clients come from ${opts.generators} loadgen processes (each its own share of the documents; the merged percentiles are the worst generator's). The knee is the last step within both limits. Where the machine has fewer cores than generators plus the server (${os.availableParallelism()} here), the generators compete with the server for them, so a knee is a lower bound of what the server carries: when two servers fall off at the same step with a p50 that barely moved, it is the generators that gave out.`,
    '',
    table(
      ['server', 'connections', 'edits/s', 'p50 ms', 'p99 ms', 'missing', 'CPU %', 'RSS MB', 'within limits'],
      result.steps.map((s) => [
        NAMES[s.server],
        s.connections,
        s.editsPerSecond,
        s.p50,
        s.p99,
        s.missing,
        s.serverCpuPct,
        s.serverRssMb,
        s.withinLimits ? 'yes' : 'no',
      ]),
    ),
    '',
    table(
      ['server', 'knee: connections', 'knee: edits/s'],
      Object.entries(result.knees).map(([server, k]) => [
        NAMES[server],
        k?.connections ?? '< first step',
        k?.editsPerSecond ?? '–',
      ]),
    ),
    '',
  )
  const servers = Object.keys(result.knees)
  out.push(
    xychart(
      'Knee: edits/s carried within the limits, higher is better',
      servers,
      'edits/s',
      [{ kind: 'bar', name: 'knee', values: servers.map((s) => result.knees[s]?.editsPerSecond ?? 0) }],
      false,
    ),
  )
  return { markdown: out.join('\n'), goals: [] as string[][] }
}

export function renderIdle(rows: IdleRow[], yes: Verdict) {
  const markdown = [
    '## Idle connections',
    '',
    `${rows[0]?.connections.toLocaleString('en')} WebSocket connections spread over the documents, each synced once (sync step 1, answered) and then silent; the whole process's RSS before and after.`,
    '',
    table(
      ['server', 'connections', 'RSS before MB', 'RSS with them MB', 'per connection KB'],
      rows.map((r) => [
        NAMES[r.server],
        r.connections,
        round(r.baselineMb, 1),
        round(r.openMb, 1),
        round(r.perConnectionKb, 1),
      ]),
    ),
  ].join('\n')
  const ours = rows.find((r) => r.server === 'planroom')
  const ref = rows.find((r) => r.server === 'ywebsocket')
  const goals =
    ours && ref
      ? [
          [
            'memory per idle connection ≤ the y-websocket reference',
            `${round(ours.perConnectionKb, 1)} KB vs ${round(ref.perConnectionKb, 1)} KB`,
            yes(ours.perConnectionKb <= ref.perConnectionKb),
          ],
        ]
      : []
  return { markdown, goals }
}

export function renderRelay(result: RelayResult, yes: Verdict) {
  if (result.skipped)
    return { markdown: `## Relay through Redis\n\nSkipped: ${result.skipped}.`, goals: [] as string[][] }
  const out = ['## Relay through Redis: 1, 2 and 4 processes', '']
  out.push(
    'The same load on 1, 2 and 4 processes (PostgreSQL, Redis), spread by section as `docs/nginx.conf` spreads it, one load generator per process. *Received*: relayed document messages Redis delivered to the process (its own come back too: it is subscribed to the sections it has open); *applied*: those of other processes it applied to an open section (from `/api/health`, `redis.relayed`). Each process subscribes only to the sections it has open, so what one process receives falls as processes are added.',
    '',
    table(
      [
        'processes',
        'connections each',
        'received (mean per process)',
        'applied (mean per process)',
        'p99 ms',
        'missing',
      ],
      result.rows.map((r) => {
        const mean = (f: (p: (typeof r.perProcess)[number]) => number) =>
          Math.round(r.perProcess.reduce((n, p) => n + f(p), 0) / r.perProcess.length)
        return [
          r.processes,
          mean((p) => p.connections),
          mean((p) => p.received),
          mean((p) => p.applied),
          r.p99,
          r.missing,
        ]
      }),
    ),
    '',
  )
  const meanReceived = (r: RelayResult['rows'][number]) =>
    r.perProcess.reduce((n, p) => n + p.received, 0) / r.perProcess.length
  const first = result.rows[0]
  const last = result.rows.at(-1)
  const goals =
    first && last && last.processes > first.processes
      ? [
          [
            `relayed messages received per process fall as processes are added (${first.processes} → ${last.processes})`,
            `${Math.round(meanReceived(first))} → ${Math.round(meanReceived(last))}`,
            yes(meanReceived(last) < meanReceived(first) / 1.5),
          ],
        ]
      : []
  return { markdown: out.join('\n'), goals }
}

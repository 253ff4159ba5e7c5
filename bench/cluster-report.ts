import type { ClusterOptions, ClusterResult, ClusterRow } from './cluster'
import { round, table, xychart } from './lib'
import { meanOfTrials } from './peers'

export const CLUSTER_HEADING = '## 1 vs 2 processes: live documents shared through Redis (PostgreSQL)'

const setup = (processes: number) => (processes === 1 ? '1 process, no Redis' : `${processes} processes + Redis`)
const short = (processes: number) => (processes === 1 ? '1 proc' : `${processes} procs`)

/** The cluster part's section of docs/benchmarks.md and its goal rows. */
export function renderCluster(
  result: ClusterResult,
  opts: ClusterOptions,
  verdict: (ok: boolean) => string,
): { markdown: string; goals: string[][] } {
  const load = `${opts.docs}×${opts.clients}`
  const out: string[] = [CLUSTER_HEADING, '']
  if (result.skipped)
    return { markdown: [...out, `Not measured in this run: ${result.skipped}.`].join('\n'), goals: [] }
  out.push(
    `The same peerbench load — ${opts.docs} documents × ${opts.clients} clients, ${opts.rate} edits/s from every client for ${opts.duration} s — on (a) **one** Planroom process on PostgreSQL without Redis and (b) **two** processes on the same kind of database sharing live documents through Redis (a \`redis-server\` of the bench's own). Each run gets a fresh PostgreSQL database, so only the process count differs (the peers section above runs on SQLite). loadgen takes one URL, so its clients connect through a TCP round-robin balancer (tests/support/balancer.ts, in the bench process), with its single backend in case (a) too so that both pay the same hop. loadgen opens each document's clients one after another, so round robin puts half of every document's clients on each process: **every edit reaches half of its peers only through Redis** (stored in PostgreSQL by the process that received it, then published). *connections* is the most each process held during the run (from /api/health).`,
    '',
    `Server CPU is the **sum over the Planroom processes**, % of one core, over loadgen's window (the load plus 3 s of drain), sampled from /proc; PostgreSQL, Redis, the balancer and loadgen are not counted. RSS is the sum at the end of the window; peak RSS the sum of each process's peak. Each setup ran ${opts.trials} time(s), alternately first and last; the *mean* rows average the trials and the goals are judged on them.`,
    '',
  )
  const setups = [...new Set(result.rows.map((r) => r.processes))].sort((a, b) => a - b)
  const trials = Math.max(...result.rows.map((r) => r.trial))
  const per = (r: ClusterRow, f: (p: ClusterRow['perProcess'][number]) => number) => r.perProcess.map(f).join(' + ')
  const line = (name: string, r: ClusterRow, perCpu: string, conns: string) => [
    name,
    r.p50,
    r.p95,
    r.p99,
    r.max,
    r.serverCpuPct,
    perCpu,
    r.serverRssMb,
    r.serverPeakMb,
    conns,
    r.sent,
    r.delivered,
    r.missing,
    r.connectMs,
  ]
  const means = new Map<number, ClusterRow>()
  const rows: (string | number | null)[][] = []
  for (const processes of setups) {
    const runs = result.rows.filter((r) => r.processes === processes)
    for (const r of runs)
      rows.push(
        line(
          `${setup(processes)}, run ${r.trial}`,
          r,
          per(r, (p) => p.cpuPct),
          per(r, (p) => p.connections),
        ),
      )
    const m = meanOfTrials(runs)
    means.set(processes, m)
    const perCpu = m.perProcess
      .map((_, i) => round(runs.reduce((n, r) => n + r.perProcess[i]!.cpuPct, 0) / runs.length, 2))
      .join(' + ')
    // Bold as in the peers tables: the figures the goals and charts use.
    if (trials > 1)
      rows.push(
        line(`**${setup(processes)}, mean**`, m, perCpu, '').map((v, i) => ([3, 5, 12].includes(i) ? `**${v}**` : v)),
      )
  }
  out.push(
    table(
      [
        'setup',
        'p50 ms',
        'p95 ms',
        'p99 ms',
        'max ms',
        'server CPU % (sum)',
        'CPU % per process',
        'RSS MB (sum)',
        'peak RSS MB (sum)',
        'connections per process',
        'edits sent',
        'deliveries',
        'missing',
        'connect ms',
      ],
      rows,
    ),
    '',
  )

  const note = trials > 1 ? ` (mean of ${trials} runs)` : ''
  const bars = (['p50', 'p95', 'p99'] as const).flatMap((q) =>
    setups.map((p) => ({ label: `${q} ${short(p)}`, value: means.get(p)![q] })),
  )
  out.push(
    xychart(
      `Edit-to-peer latency in ms, 1 vs 2 processes${note}, lower is better`,
      bars.map((b) => b.label),
      'ms',
      [{ kind: 'bar', name: 'latency', values: bars.map((b) => b.value) }],
    ),
    '',
  )
  out.push(
    xychart(`Server CPU, % of one core summed over processes${note}, lower is better`, setups.map(short), '% CPU', [
      { kind: 'bar', name: 'CPU', values: setups.map((p) => means.get(p)!.serverCpuPct ?? 0) },
    ]),
  )

  const goals: string[][] = []
  const one = means.get(1)
  const two = means.get(2)
  if (one?.serverCpuPct && two?.serverCpuPct) {
    out.push(
      '',
      `Together the two processes used ×${round(two.serverCpuPct / one.serverCpuPct, 1)} the CPU of the single one. Only the broadcasts to clients are split between them: each process applies every edit of the documents it has open (its own clients' and the relayed ones), talks to Redis besides, and has its own fixed costs (GC, timers). A second process adds cores and a spare, not less work per edit.`,
    )
  }
  if (two)
    goals.push([
      `no missing deliveries with 2 processes at ${load} (every edit crossing Redis to half its peers)`,
      `${two.missing} missing of ${two.expected}`,
      verdict(two.missing === 0),
    ])
  if (one && two)
    goals.push([
      `p99 with 2 processes within 2× of 1 process at ${load}`,
      `${two.p99} ms vs ${one.p99} ms (×${round(two.p99 / one.p99, 2)})`,
      verdict(two.p99 <= 2 * one.p99),
    ])
  return { markdown: out.join('\n'), goals }
}

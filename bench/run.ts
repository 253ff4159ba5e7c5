/**
 * `npm run bench`: every benchmark in one run on this machine, results written to docs/benchmarks.md.
 * Speed and memory targets live here, never in timed unit tests.
 *
 *   npm run bench                     # everything (~6 minutes)
 *   npm run bench -- --only cluster   # one part (peers, group-commit, open-time, update-check, memory, cluster,
 *                                     # field-typing, bundle, capacity, idle, relay, health): its
 *                                     # sections and goal rows replace theirs in the doc, the rest is kept
 *   npm run bench -- --quick          # shorter loads and smaller sizes, to try the bench itself
 *   npm run bench -- --render-from /tmp/planroom-bench-last.json   # rewrite the doc from the last run's results
 *   npm run bench -- --render-from /tmp/planroom-bench-last.json --only cluster   # just that part, spliced in
 *
 * Each part runs in its own process (`--part NAME --out FILE`), so one part's heap and GC do not colour
 * another's figures.
 */
import { spawn, spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { ENGINES } from '../tests/support/engines'
import { type CapacityResult, runCapacity } from './capacity'
import { type ClusterResult, runCluster } from './cluster'
import { type IdleRow, runIdle } from './idle'
import { type BundlePage, renderBundle, renderCapacity, renderIdle, renderRelay } from './lean-report'
import { type RelayResult, runRelay } from './relay'
import { renderCluster } from './cluster-report'
import { type GroupCommitRow, runGroupCommit } from './group-commit'
import { type MemoryResult, runMemory } from './memory'
import { type OpenTimeRow, runOpenTime } from './open-time'
import { type FieldTypingResult, runFieldTyping } from './field-typing'
import { type LoadResult, meanOfTrials, runPeers } from './peers'
import { ROOT, round, table, xychart } from './lib'
import { spliceDoc } from './splice'
import { type UpdateCheckRow, renderUpdateCheck, runUpdateCheck } from './update-check'

const PARTS = [
  'bundle',
  'peers',
  'capacity',
  'idle',
  'group-commit',
  'open-time',
  'update-check',
  'memory',
  'cluster',
  'relay',
  'field-typing',
] as const
type Part = (typeof PARTS)[number]

const args = process.argv.slice(2)
const flag = (name: string) => args.includes(`--${name}`)
const option = (name: string) => {
  const i = args.indexOf(`--${name}`)
  return i >= 0 ? args[i + 1] : undefined
}
const quick = flag('quick')
const say = (m: string) => process.stderr.write(`[bench] ${m}\n`)

const CONFIG = {
  peers: {
    loads: [
      { docs: 20, clients: 10 },
      { docs: 50, clients: 10 },
    ],
    rate: 2,
    duration: quick ? 4 : 10,
    trials: quick ? 1 : 2,
  },
  openTime: { sizes: quick ? [1_000, 10_000] : [1_000, 10_000, 100_000], reps: quick ? 2 : 5 },
  updateCheck: { sizes: quick ? [10_000] : [10_000, 100_000], reps: quick ? 50 : 400 },
  memory: { sections: quick ? 50 : 200, extraPerSection: 2 },
  groupCommit: { writers: [1, 10, 100, 1_000], secondsEach: quick ? 1 : 2, burst: quick ? 10_000 : 50_000 },
  cluster: { docs: 20, clients: 10, rate: 2, duration: quick ? 4 : 10, trials: quick ? 1 : 2 },
  fieldTyping: { keystrokes: quick ? 8 : 26 },
  capacity: {
    steps: quick ? [5, 10] : [20, 40, 60, 80, 100, 130, 160, 200],
    clients: 10,
    rate: 2,
    duration: quick ? 3 : 8,
    generators: quick ? 2 : 4,
    p99LimitMs: 100,
  },
  idle: { connections: quick ? 500 : 10_000, documents: quick ? 20 : 200 },
  relay: { processes: [1, 2, 4], docs: quick ? 8 : 40, clients: 10, rate: 2, duration: quick ? 3 : 10 },
}

async function runPart(part: Part): Promise<unknown> {
  switch (part) {
    case 'peers':
      return runPeers(CONFIG.peers, say)
    case 'open-time': {
      const rows: OpenTimeRow[] = []
      for (const engine of ENGINES.filter((e) => e.available))
        rows.push(...(await runOpenTime(engine, CONFIG.openTime.sizes, CONFIG.openTime.reps, say)))
      return rows
    }
    case 'update-check':
      return runUpdateCheck(CONFIG.updateCheck.sizes, CONFIG.updateCheck.reps, say)
    case 'memory':
      return runMemory(CONFIG.memory, say)
    case 'group-commit': {
      const rows: GroupCommitRow[] = []
      for (const engine of ENGINES.filter((e) => e.available)) {
        rows.push(
          ...(await runGroupCommit(
            engine,
            CONFIG.groupCommit.writers,
            CONFIG.groupCommit.secondsEach,
            CONFIG.groupCommit.burst,
            say,
          )),
        )
      }
      return rows
    }
    case 'cluster':
      return runCluster(CONFIG.cluster, say)
    case 'field-typing':
      return runFieldTyping(CONFIG.fieldTyping.keystrokes, say)
    case 'bundle': {
      const report = spawnSync(process.execPath, ['scripts/bundle-report.mjs', '--json'], {
        cwd: ROOT,
        encoding: 'utf8',
      })
      if (report.status !== 0) throw new Error(`bundle report failed: ${report.stderr}`)
      return JSON.parse(report.stdout) as BundlePage[]
    }
    case 'capacity':
      return runCapacity(CONFIG.capacity, say)
    case 'idle':
      return runIdle(CONFIG.idle, say)
    case 'relay':
      return runRelay(CONFIG.relay, say)
  }
}

function partInChild(part: Part): Promise<unknown> {
  const out = path.join(os.tmpdir(), `planroom-bench-${part}-${process.pid}.json`)
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'bench/run.ts', '--part', part, '--out', out, ...(quick ? ['--quick'] : [])],
      { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'] },
    )
    child.on('exit', (code) => {
      if (code !== 0) return reject(new Error(`bench part ${part} failed (${code})`))
      const result: unknown = JSON.parse(fs.readFileSync(out, 'utf8'))
      fs.rmSync(out, { force: true })
      resolve(result)
    })
  })
}

interface Results {
  peers?: LoadResult[]
  'open-time'?: OpenTimeRow[]
  'update-check'?: UpdateCheckRow[]
  memory?: MemoryResult
  'group-commit'?: GroupCommitRow[]
  cluster?: ClusterResult
  'field-typing'?: FieldTypingResult
  bundle?: BundlePage[]
  capacity?: CapacityResult
  idle?: IdleRow[]
  relay?: RelayResult
}

function machine() {
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU'
  return {
    nproc: os.availableParallelism(),
    cpu,
    memGb: round(os.totalmem() / 1024 ** 3, 1),
    node: process.version,
    os: `${os.type()} ${os.release()}`,
  }
}

const yes = (ok: boolean) => (ok ? '**met**' : '**not met**')
const label = {
  planroom: 'Planroom (stores every update, SQLite)',
  ywebsocket: 'y-websocket reference (memory only)',
  hocuspocus: 'Hocuspocus 4 (memory only)',
}

function render(results: Results, seconds: number, load: { start: number; end: number }): string {
  const m = machine()
  const out: string[] = []
  const goals: string[][] = []
  out.push('# Benchmarks', '')
  out.push(
    `Generated by \`npm run bench\`${quick ? ' -- --quick' : ''} (bench/run.ts) on ${new Date().toISOString().slice(0, 10)}; the whole run took ${Math.round(seconds)} s.`,
    '',
  )
  out.push(
    `Machine: ${m.nproc} cores (\`nproc\`), ${m.cpu}, ${m.memGb} GB RAM, Node ${m.node}, ${m.os}. The load generator, the servers and the databases share these cores, so absolute figures move from run to run: compare figures **within one run**, as ratios.`,
    '',
  )
  const busy = Math.max(load.start, load.end) > m.nproc * 0.75
  out.push(
    `Load average (1 min) when the run started: ${load.start.toFixed(2)}; when it ended: ${load.end.toFixed(2)}.${busy ? ' **Other work was running on the machine during this run**, so every figure is slower and noisier than on an idle machine (all servers alike).' : ''}`,
    '',
  )
  out.push('GOALS_PLACEHOLDER', '')

  const peers = results.peers
  if (peers) {
    const trials = Math.max(...peers.map((r) => r.trial))
    out.push('## Edit-to-peer latency, CPU and memory under load (peerbench)', '')
    out.push(
      `\`../shared/peerbench\` (copied to a scratch folder, \`npm ci\` there) drives ${CONFIG.peers.rate} edits/s from every client for ${CONFIG.peers.duration} s and records how long each edit takes to reach every other client of its document. Our server runs as a child process (the compiled \`dist/server/main.js\` that \`npm start\` runs, SQLite in a fresh DATA_DIR), with real sections of plans made over HTTP and a session cookie; it **stores every update (one durable commit per group-commit batch) before broadcasting it**. The two peers keep everything in memory. CPU % is of one core, over the load plus 3 s of drain. Each server ran ${trials} time(s) per load, alternately first and last; the *mean* rows average the trials and the goals are judged on them.`,
      '',
    )
    const means: (LoadResult & { label: string })[] = []
    for (const load of CONFIG.peers.loads) {
      const rows = peers.filter((r) => r.docs === load.docs && r.clientsPerDoc === load.clients)
      if (rows.length === 0) continue
      out.push(`### ${load.docs} documents × ${load.clients} clients`, '')
      const servers = (['planroom', 'ywebsocket', 'hocuspocus'] as const).filter((sv) =>
        rows.some((r) => r.server === sv),
      )
      const mean = (sv: LoadResult['server']): LoadResult => ({
        ...meanOfTrials(rows.filter((r) => r.server === sv)),
        trial: 0,
      })
      const tableRows: (string | number | null)[][] = []
      for (const sv of servers) {
        for (const r of rows.filter((x) => x.server === sv)) {
          tableRows.push([
            `${label[sv]}, run ${r.trial}`,
            r.p50,
            r.p95,
            r.p99,
            r.max,
            r.serverCpuPct,
            r.serverRssMb,
            r.serverPeakMb,
            r.sent,
            r.delivered,
            r.missing,
            r.connectMs,
          ])
        }
        const m = mean(sv)
        if (trials > 1)
          tableRows.push([
            `**${label[sv]}, mean**`,
            m.p50,
            m.p95,
            `**${m.p99}**`,
            m.max,
            `**${m.serverCpuPct}**`,
            m.serverRssMb,
            m.serverPeakMb,
            m.sent,
            m.delivered,
            `**${m.missing}**`,
            m.connectMs,
          ])
        means.push({
          ...m,
          label: `${sv === 'planroom' ? 'ours' : sv === 'ywebsocket' ? 'yws' : 'hocus'} ${load.docs}x${load.clients}`,
        })
      }
      out.push(
        table(
          [
            'server',
            'p50 ms',
            'p95 ms',
            'p99 ms',
            'max ms',
            'server CPU %',
            'RSS MB',
            'peak RSS MB',
            'edits sent',
            'deliveries',
            'missing',
            'connect ms',
          ],
          tableRows,
        ),
        '',
      )
      const ours = servers.includes('planroom') ? mean('planroom') : null
      const yws = servers.includes('ywebsocket') ? mean('ywebsocket') : null
      const hp = servers.includes('hocuspocus') ? mean('hocuspocus') : null
      if (ours && yws)
        goals.push([
          `p99 at ${load.docs}×${load.clients} ≤ y-websocket reference`,
          `${ours.p99} ms vs ${yws.p99} ms`,
          yes(ours.p99 <= yws.p99),
        ])
      // Issue 16: the whole running tree (one node process: the compiled server) against the reference.
      if (ours && yws && load.docs === 50 && ours.serverRssMb !== null && yws.serverRssMb !== null)
        goals.push([
          `memory at ${load.docs}×${load.clients} ≤ 1.5× the y-websocket reference`,
          `${ours.serverRssMb} MB vs ${yws.serverRssMb} MB (×${round(ours.serverRssMb / yws.serverRssMb, 2)})`,
          yes(ours.serverRssMb <= 1.5 * yws.serverRssMb),
        ])
      if (ours && yws && load.docs === 50 && ours.serverCpuPct !== null && yws.serverCpuPct !== null)
        goals.push([
          `server CPU at ${load.docs}×${load.clients} ≤ 1.2× the y-websocket reference`,
          `${ours.serverCpuPct} % vs ${yws.serverCpuPct} % (×${round(ours.serverCpuPct / yws.serverCpuPct, 2)})`,
          yes(ours.serverCpuPct <= 1.2 * yws.serverCpuPct),
        ])
      if (ours && hp && ours.serverCpuPct !== null && hp.serverCpuPct !== null)
        goals.push([
          `server CPU at ${load.docs}×${load.clients} ≤ Hocuspocus`,
          `${ours.serverCpuPct} % vs ${hp.serverCpuPct} %`,
          yes(ours.serverCpuPct <= hp.serverCpuPct),
        ])
      if (ours)
        goals.push([
          `no missing deliveries at ${load.docs}×${load.clients}`,
          `${ours.missing} missing of ${ours.expected}`,
          yes(ours.missing === 0),
        ])
    }
    const note = trials > 1 ? ` (mean of ${trials} runs)` : ''
    out.push(
      xychart(
        `p99 edit-to-peer latency in ms${note}, lower is better`,
        means.map((r) => r.label),
        'ms',
        [{ kind: 'bar', name: 'p99', values: means.map((r) => r.p99) }],
      ),
      '',
    )
    out.push(
      xychart(
        `Server CPU, % of one core${note}, lower is better`,
        means.map((r) => r.label),
        '% CPU',
        [{ kind: 'bar', name: 'CPU', values: means.map((r) => r.serverCpuPct ?? 0) }],
      ),
      '',
    )
  }

  const gc = results['group-commit']
  if (gc) {
    out.push('## Durable updates per second through group commit', '')
    out.push(
      `\`GroupCommit.store\` of ${40}-byte updates spread over 14 sections. *writers* = that many callers each storing one update and awaiting it before the next (so that many updates are in flight); *burst* = that many updates stored at once. Every update is committed (SQLite WAL with synchronous=NORMAL, which survives a killed process; PostgreSQL with its defaults, synchronous_commit on) before its promise resolves. Batches are capped at 500 updates.`,
      '',
    )
    out.push(
      table(
        [
          'engine',
          'mode',
          'in flight',
          'updates',
          'durable updates/s',
          'batches',
          'mean batch',
          'largest batch',
          'p50 ms',
          'p99 ms',
        ],
        gc.map((r) => [
          r.engine,
          r.mode,
          r.concurrency,
          r.updates,
          Math.round(r.perSecond),
          r.batches,
          round(r.meanBatch, 1),
          r.largestBatch,
          round(r.p50Ms, 2),
          round(r.p99Ms, 2),
        ]),
      ),
      '',
    )
    const writerCounts = [...new Set(gc.filter((r) => r.mode === 'writers').map((r) => r.concurrency))]
    const engines = [...new Set(gc.map((r) => r.engine))]
    out.push(
      xychart(
        'Durable updates/s by updates in flight',
        writerCounts.map(String),
        'updates/s',
        engines.map((e) => ({
          kind: 'line' as const,
          name: e,
          values: writerCounts.map(
            (w) => gc.find((r) => r.engine === e && r.mode === 'writers' && r.concurrency === w)?.perSecond ?? 0,
          ),
        })),
      ),
      '',
    )
  }

  const ot = results['open-time']
  if (ot) {
    out.push('## Time to open a section against its history length', '')
    out.push(
      `N small updates (one keystroke each, typed into paragraphs) stored in a section's log; then a cold open by a hub that never saw the section: \`LiveDoc\` load plus the first sync step 2 to an empty client, median of ${CONFIG.openTime.reps}. *No compaction*: all N updates are rows to read and replay. *Compacted*: the server's own compaction merged all but the last ${ot[0]?.tailRows ?? '–'} updates into a snapshot (the steady state between two compactions, which happen every ${500} updates and on unload).`,
      '',
    )
    out.push(
      table(
        [
          'engine',
          'history (updates)',
          'open, no compaction (ms)',
          'open, compacted (ms)',
          'rows left after compaction',
          'snapshot KB',
          'log KB (all updates)',
          'one compaction (ms)',
        ],
        ot.map((r) => [
          r.engine,
          r.updates.toLocaleString('en'),
          round(r.rawOpenMs, 1),
          round(r.compactedOpenMs, 1),
          r.tailRows,
          round(r.snapshotKb, 1),
          round(r.logKb, 1),
          round(r.compactMs, 1),
        ]),
      ),
      '',
    )
    for (const engine of [...new Set(ot.map((r) => r.engine))]) {
      const rows = ot.filter((r) => r.engine === engine)
      out.push(
        xychart(
          `Cold open (ms) by history length, ${engine}`,
          rows.map((r) => r.updates.toLocaleString('en')),
          'ms',
          [
            { kind: 'line', name: 'no compaction', values: rows.map((r) => r.rawOpenMs) },
            { kind: 'line', name: 'compacted', values: rows.map((r) => r.compactedOpenMs) },
          ],
        ),
        '',
      )
      const first = rows[0]
      const last = rows.at(-1)
      if (first && last && rows.length > 1) {
        const growth = last.compactedOpenMs / first.compactedOpenMs
        const rawGrowth = last.rawOpenMs / first.rawOpenMs
        goals.push([
          `open time stays flat with compaction (${engine}, ${first.updates.toLocaleString('en')} → ${last.updates.toLocaleString('en')} updates): at ${last.updates.toLocaleString('en')}, compacted open < 100 ms and < 1/5 of replaying the log`,
          `compacted ×${round(growth, 1)} (${round(first.compactedOpenMs, 1)} → ${round(last.compactedOpenMs, 1)} ms), uncompacted ×${round(rawGrowth, 1)}`,
          yes(last.compactedOpenMs < last.rawOpenMs / 5 && last.compactedOpenMs < 100),
        ])
      }
    }
    out.push(
      'The compacted open still grows a little with history: the snapshot holds the whole text typed so far (its size is in the table), and a bigger document takes longer to decode. What compaction removes is the cost of replaying every keystroke.',
      '',
    )
  }

  const checks = results['update-check']
  if (checks) {
    const rendered = renderUpdateCheck(checks, CONFIG.updateCheck.reps, yes)
    out.push(rendered.markdown, '')
    goals.push(...rendered.goals)
  }

  const mem = results.memory
  if (mem) {
    const mb = (b: number) => round(b / 1024 ** 2, 1)
    out.push('## Memory per open section and per connection', '')
    out.push(
      `Our server in a child process (bench/memory-server.ts: server/start.ts plus a full GC before each reading). ${mem.sections} sections, each holding a ${round(mem.sectionBytes / 1024, 1)} KB document (20 paragraphs), opened with one stock y-websocket client each; then ${mem.extraConnections} more clients on the same sections; then every client closed and the sections left to unload (SYNC_UNLOAD_AFTER_MS=500). *Heap* is V8 heap used plus array buffers.`,
      '',
    )
    out.push(
      table(
        ['state', 'open sections', 'connections', 'heap + buffers MB', 'RSS MB'],
        [
          [
            'started, nothing open',
            mem.baseline.documents,
            mem.baseline.peers,
            mb(mem.baseline.heapUsed + mem.baseline.arrayBuffers),
            mb(mem.baseline.rss),
          ],
          [
            `${mem.sections} sections, 1 client each`,
            mem.sectionsOpen.documents,
            mem.sectionsOpen.peers,
            mb(mem.sectionsOpen.heapUsed + mem.sectionsOpen.arrayBuffers),
            mb(mem.sectionsOpen.rss),
          ],
          [
            `+ ${mem.extraConnections} clients`,
            mem.connectionsOpen.documents,
            mem.connectionsOpen.peers,
            mb(mem.connectionsOpen.heapUsed + mem.connectionsOpen.arrayBuffers),
            mb(mem.connectionsOpen.rss),
          ],
          [
            'all closed and unloaded',
            mem.afterUnload.documents,
            mem.afterUnload.peers,
            mb(mem.afterUnload.heapUsed + mem.afterUnload.arrayBuffers),
            mb(mem.afterUnload.rss),
          ],
        ],
      ),
      '',
    )
    out.push(
      table(
        ['per', 'heap + buffers KB', 'RSS KB'],
        [
          [
            'open section (its document, awareness, entry)',
            round(mem.perSection.heapKb, 1),
            round(mem.perSection.rssKb, 1),
          ],
          [
            'connection (socket, SyncConnection, awareness)',
            round(mem.perConnection.heapKb, 1),
            round(mem.perConnection.rssKb, 1),
          ],
          [
            'open section with its first connection',
            round(mem.perSectionWithConnection.heapKb, 1),
            round(mem.perSectionWithConnection.rssKb, 1),
          ],
        ],
      ),
      '',
    )
    out.push(
      'RSS deltas include allocator slack and are coarser than heap deltas. After everyone left, the sections are compacted and dropped from memory (open sections back to 0); the RSS the process had grown to is not all returned to the OS at once.',
      '',
    )
  }

  if (results.cluster) {
    const cluster = renderCluster(results.cluster, CONFIG.cluster, yes)
    out.push(cluster.markdown, '')
    goals.push(...cluster.goals)
  }

  const lean = [
    results.bundle && renderBundle(results.bundle, yes),
    results.capacity && renderCapacity(results.capacity, CONFIG.capacity),
    results.idle && renderIdle(results.idle, yes),
    results.relay && renderRelay(results.relay, yes),
  ]
  for (const part of lean) {
    if (!part) continue
    out.push(part.markdown, '')
    goals.push(...part.goals)
  }

  const typing = results['field-typing']
  if (typing) {
    out.push('## Typing to the other browser: structured fields and rich text', '')
    out.push(
      `Two Chromium contexts (headless, one browser) on a server child process (SQLite, the built web app), in one objective's section: one person types characters one at a time into the objective's statement (a structured field, shared text bound by client/shared-text/) and into the section's rich text (Tiptap), in four alternating rounds so that load from elsewhere falls on both alike; each keystroke waits until the other page shows it. Measured in the pages, from the keydown in the first to the first moment the second page's element holds the character (checked on every timer turn, about every 4 ms). Both paths send one Yjs update per keystroke and the server stores it before broadcasting it.`,
      '',
      table(
        ['what is typed', 'keystrokes', 'median (ms)', 'p95 (ms)', 'max (ms)'],
        [
          [
            'structured field (objective statement)',
            typing.field.samples,
            typing.field.p50,
            typing.field.p95,
            typing.field.max,
          ],
          [
            'rich text (Tiptap)',
            typing.richText.samples,
            typing.richText.p50,
            typing.richText.p95,
            typing.richText.max,
          ],
        ],
      ),
      '',
      'Before structured fields were shared text, a field wrote its whole value 350 ms after the last keystroke: typed text reached the other browser about 370 ms after typing stopped, against about 65 ms for rich text (measured by hand when the issue was filed).',
      '',
    )
    goals.push([
      'structured field typing reaches the other browser no slower than rich text (median, within the 4 ms the watch can tell apart)',
      `${typing.field.p50} ms vs ${typing.richText.p50} ms (p95 ${typing.field.p95} vs ${typing.richText.p95} ms)`,
      yes(typing.field.p50 <= typing.richText.p50 + 4),
    ])
  }

  out.push('## Where our CPU goes (profiling notes)', '')
  out.push(
    [
      'Measured by hand while this bench was written (2026-11-23, same machine; `--cpu-prof` on our server under the 20×10 load, strace on a commit loop); not regenerated by `npm run bench`:',
      '',
      '- In the 10 s load window our main thread was busy ~1.6–1.9 s (with the profiler on): socket `writev` for the broadcasts ~0.6 s (every server pays this: one write per peer per update), Yjs apply + re-encode ~0.25 s, the SQLite commits ~0.3 s, GC 0.06–0.2 s, our own JS (message queue, validation decode, promises) well under 0.1 s.',
      '- Storing is the cost the two peers do not have. One better-sqlite3 commit of one update costs ~55–70 µs of CPU when commits are spaced out as under this load (≈ 6 `pwrite` for 3 WAL frames — table, index, `sqlite_sequence` — and ≈ 6 `fcntl` for the WAL shared-memory locks), each further row in the same batch ~7 µs. Group commit batches what arrives in one event-loop turn, ~1.3 updates per commit at 400 updates/s, so storing costs about 2 points of one core at these loads.',
      '- Tried and **not** kept: a minimum gap of 3 ms between commits under load (bigger batches). Over 3 alternating runs it showed no CPU gain distinguishable from run-to-run noise (12.97 % vs 12.23 %) and added ~1 ms to p50. Switching WAL auto-checkpoints off changed neither the CPU nor the event-loop stalls.',
      '- Since the first profile, two hooks from outside server/sync joined every stored write: the content guard (server/plans) and the approvals staleness watch (server/approvals, a hash of an Objectives section 100 ms after a burst). In a later profile they were small: the staleness watch ~29 ms of 1.75 s busy; the tsx/esbuild `__name` helper wrapping the `capture` closure that `LiveDoc.write` now creates per write another ~33 ms (a listener made once per LiveDoc would avoid it).',
      '- 2026-12-03, compiled server, 50×10, `--cpu-prof` on ours and on the y-websocket reference, main-thread busy time in the same 8 s of load: the reference ~0.72 s (socket `writev` 0.26, GC 0.08, Yjs ~0.1); ours 1.37 s before this profile (`writev` 0.32, GC 0.25, SQLite commits 0.23, the update check 0.20 of which random client ids for a scratch `Y.Doc` 0.06). A scratch document per update was most of our garbage: the usual update (each client carrying on from the clock the section knows, pointing only at ids it knows) is now judged from its decoded structs, the stand-in only for the rest. After it: 0.83 s busy (`writev` 0.20, SQLite 0.23, GC 0.07, the check 0.01). What is left over the reference is storing every update before it is broadcast, which the peers do not do; the whole-process CPU the load generator reads (every thread, kernel time for loopback TCP included) stays ~1.7× theirs.',
      '- 2026-12-03, later: `perf record` (with `--perf-basic-prof`) on ours and the reference over the same 5 steady seconds of 50×10, and CPU per thread from `/proc`. Ours took 1.77× the samples. Socket writes cost the same in both (~380 samples each); the difference was V8 itself (builtins, promises, Maps: +400), GC (scavenges and concurrent marking: +110), SQLite (+146 with its `pwrite`), our JS (+126) and the kernel (+106). Outside the main thread, the GC and compiler threads used 0.65 s against 0.35 s. `--trace-gc` showed why GC cost so much: ~2 MB promoted per scavenge against 0.25 MB for the reference, so old space filled and was marked every few seconds. A heap profile of what was promoted pointed at broadcast frames waiting in corked sockets: the uncork was a `setImmediate`, which held them through the next poll. The uncork is now a tick callback, run once the promise jobs of the group commit are done. Promoted bytes in 13 s went from 93 to 32 MB (the first figure in two of three runs; the third was already at 35). A broadcast is also framed once for all its peers and written to their sockets. ws.send used to frame it again per peer, with two writes and a callback each.',
      '- The latency tails at 50×10 come with event-loop stalls of 50–120 ms at ~20 % CPU, with GC pauses stretched to 85–200 ms wall: the 500-client load generator and the server compete for the two cores. The peers run under the same contention; the ratios of one run are what to compare.',
    ].join('\n'),
    '',
  )
  out.push('## How to read and rerun', '')
  out.push(
    '- `npm run bench` runs all six parts and the health check, each in its own process, and rewrites this file; `npm run bench -- --only cluster` reruns one part: its sections and goal rows replace theirs here, the other parts stay as they were measured (a line under the title says which part was rerun when).',
  )
  out.push(
    '- peerbench runs all its clients in one process: past a few hundred clients its own event loop adds to the latencies it measures, for every server alike. That is why p95/p99 move a lot between runs; the ratios within one run are what to compare.',
  )
  out.push(
    '- Speed and memory goals are checked here only; the unit tests (server/sync/*.test.ts) assert behaviour, never timings.',
    '',
  )

  const goalsText = goals.length
    ? ['## Goals', '', table(['goal', 'this run', 'verdict'], goals)].join('\n')
    : '## Goals\n\nNo goal was measured in this run.'
  return out.join('\n').replace('GOALS_PLACEHOLDER', goalsText)
}

const HEALTH_HEADING = '## Health check and a full plan read on a large plan'

/** bench/health.ts prints its own Markdown table (issue 5's goal: well under one 16 ms frame). */
function healthSection(): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'bench/health.ts'], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'inherit'],
    })
    let out = ''
    child.stdout.on('data', (d) => (out += d))
    child.on('exit', (code) =>
      code === 0
        ? resolve(`${HEALTH_HEADING}\n\n${out.trim()}\n`)
        : reject(new Error(`bench/health.ts exited ${code}`)),
    )
  })
}

type Load = { start: number; end: number }
const DOC = path.join(ROOT, 'docs', 'benchmarks.md')

/** The whole document, or with `only` (and a document to keep) just those parts spliced into it. */
function writeDoc(results: Results, seconds: number, load: Load, only: string[] | undefined, health = '') {
  fs.mkdirSync(path.dirname(DOC), { recursive: true })
  const fresh = render(results, seconds, load) + '\n' + health
  if (!only || !fs.existsSync(DOC)) return fs.writeFileSync(DOC, fresh)
  const key = `Rerun on its own with \`npm run bench -- --only ${only.join(',')}`
  const busy =
    Math.max(load.start, load.end) > os.availableParallelism() * 0.75
      ? ' **Other work was running on the machine during this rerun too.**'
      : ''
  const text = `${key}${quick ? ' --quick' : ''}\` on ${new Date().toISOString().slice(0, 10)} (${Math.round(seconds)} s; load average ${load.start.toFixed(2)} when it started, ${load.end.toFixed(2)} when it ended): its sections and goal rows come from that run, the other sections from the run described above.${busy}`
  fs.writeFileSync(DOC, spliceDoc(fs.readFileSync(DOC, 'utf8'), fresh, { key, text }))
}

async function main() {
  const part = option('part') as Part | undefined
  if (part) {
    const result = await runPart(part)
    fs.writeFileSync(option('out')!, JSON.stringify(result))
    process.exit(0)
  }
  const only = option('only')?.split(',') as Part[] | undefined
  const renderFrom = option('render-from')
  if (renderFrom) {
    // Rewrite the document from a run's saved results (e.g. after editing the notes), without measuring
    // again; with --only, just those parts, spliced into the document as a rerun would be.
    const saved = JSON.parse(fs.readFileSync(renderFrom, 'utf8')) as { results: Results; seconds: number; load: Load }
    const results = only
      ? Object.fromEntries(Object.entries(saved.results).filter(([p]) => only.includes(p as Part)))
      : saved.results
    writeDoc(results, saved.seconds, saved.load, only)
    return say(`rewrote docs/benchmarks.md from ${renderFrom}`)
  }
  // Every server process of the bench runs the build `npm start` runs (tests/support/server-process.ts).
  const built = spawnSync(process.execPath, ['scripts/build.mjs', '--if-stale'], { cwd: ROOT, stdio: 'inherit' })
  if (built.status !== 0) throw new Error('npm run build failed')
  process.env.PLANROOM_COMPILED = '1'
  const started = performance.now()
  const loadStart = os.loadavg()[0]!
  const results: Results = {}
  for (const p of PARTS) {
    if (only && !only.includes(p)) continue
    say(`running ${p}…`)
    ;(results as Record<Part, unknown>)[p] = await partInChild(p)
  }
  const seconds = (performance.now() - started) / 1000
  const load = { start: loadStart, end: os.loadavg()[0]! }
  let health = ''
  if (!only || only.includes('health' as Part)) {
    say('running health…')
    health = `\n${await healthSection()}`
  }
  writeDoc(results, seconds, load, only, health)
  // After --only, the saved results keep the other parts of the last run, so --render-from still has them all.
  const last = path.join(os.tmpdir(), 'planroom-bench-last.json')
  const previous =
    only && fs.existsSync(last) ? (JSON.parse(fs.readFileSync(last, 'utf8')) as { results: Results }).results : {}
  fs.writeFileSync(last, JSON.stringify({ results: { ...previous, ...results }, seconds, load }, null, 1))
  say(`wrote docs/benchmarks.md in ${Math.round(seconds)} s`)
}

await main()

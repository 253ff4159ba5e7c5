/**
 * Durable updates per second through GroupCommit.store: W writers each storing a small update and
 * waiting until it is durable before the next (closed loop), so W is the number of updates in flight;
 * plus one burst of many updates at once. Batch sizes come from GroupCommit's own stats.
 */
import { type PlanBody, startTestApp, workspaceFixture } from '../tests/support/api'
import type { EngineCase } from '../tests/support/engines'
import { GroupCommit } from '../server/sync/group-commit'
import { createUpdateLog } from '../server/sync/update-log'
import { quantile } from './lib'

export interface GroupCommitRow {
  engine: string
  /** Updates in flight (closed-loop writers), or the burst size. */
  concurrency: number
  mode: 'writers' | 'burst'
  updates: number
  seconds: number
  perSecond: number
  batches: number
  meanBatch: number
  largestBatch: number
  p50Ms: number
  p99Ms: number
}

/** A typical keystroke update's size. */
const UPDATE = new Uint8Array(40).map((_, i) => (i * 37) & 0xff)

export async function runGroupCommit(
  engine: EngineCase,
  writers: number[],
  secondsEach: number,
  burst: number,
  log: (m: string) => void = () => {},
): Promise<GroupCommitRow[]> {
  const t = await startTestApp(engine)
  try {
    const f = await workspaceFixture(t.app)
    const plan = await f.owner.req<PlanBody>('POST', `/api/workspaces/${f.workspace.id}/plans`, {
      title: 'Group commit',
    })
    const sections = plan.json.sections.map((s) => s.id)
    const committer = new GroupCommit(createUpdateLog(t.database.storage.driver))
    const rows: GroupCommitRow[] = []
    const measure = async (
      concurrency: number,
      mode: GroupCommitRow['mode'],
      work: (latencies: number[]) => Promise<number>,
    ) => {
      const before = { ...committer.stats }
      const largestBefore = committer.stats.largestBatch
      committer.stats.largestBatch = 0
      const latencies: number[] = []
      const t0 = performance.now()
      const updates = await work(latencies)
      const seconds = (performance.now() - t0) / 1000
      const batches = committer.stats.batches - before.batches
      latencies.sort((a, b) => a - b)
      rows.push({
        engine: engine.engine,
        concurrency,
        mode,
        updates,
        seconds,
        perSecond: updates / seconds,
        batches,
        meanBatch: (committer.stats.updates - before.updates) / batches,
        largestBatch: committer.stats.largestBatch,
        p50Ms: quantile(latencies, 0.5),
        p99Ms: quantile(latencies, 0.99),
      })
      committer.stats.largestBatch = Math.max(largestBefore, committer.stats.largestBatch)
    }

    for (const w of writers) {
      await measure(w, 'writers', async (latencies) => {
        const deadline = performance.now() + secondsEach * 1000
        let count = 0
        await Promise.all(
          Array.from({ length: w }, async (_, i) => {
            const sectionId = sections[i % sections.length]!
            while (performance.now() < deadline) {
              const s = performance.now()
              await committer.store(sectionId, UPDATE)
              latencies.push(performance.now() - s)
              count++
            }
          }),
        )
        return count
      })
      log(`group commit: ${engine.engine} ${w} writers done`)
    }
    await measure(burst, 'burst', async (latencies) => {
      const s = performance.now()
      await Promise.all(
        Array.from({ length: burst }, (_, i) =>
          committer.store(sections[i % sections.length]!, UPDATE).then(() => latencies.push(performance.now() - s)),
        ),
      )
      return burst
    })
    await committer.drain()
    return rows
  } finally {
    await t.dispose()
  }
}

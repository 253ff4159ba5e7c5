import type { NewUpdate, UpdateLog } from './update-log'

interface Pending extends NewUpdate {
  resolve: (id: number) => void
  reject: (err: unknown) => void
}

const MAX_BATCH = 500

/**
 * Group commit: every update that arrives while the previous batch is being written (or in the same
 * turn of the event loop) goes into the next batch, committed in one transaction. Storing therefore
 * costs one disk flush per batch, not per keystroke, and each caller still learns when *its* update
 * is durable.
 */
export class GroupCommit {
  private queue: Pending[] = []
  private scheduled = false
  private writing = false
  readonly stats = { batches: 0, updates: 0, largestBatch: 0 }

  constructor(private readonly log: UpdateLog) {}

  store(sectionId: string, data: Uint8Array): Promise<number> {
    return new Promise((resolve, reject) => {
      this.queue.push({ sectionId, data, resolve, reject })
      this.schedule()
    })
  }

  /** Resolves once everything queued so far has been written. */
  async drain(): Promise<void> {
    while (this.queue.length > 0 || this.writing || this.scheduled) await new Promise((r) => setImmediate(r))
  }

  private schedule() {
    if (this.scheduled || this.writing) return
    this.scheduled = true
    setImmediate(() => void this.flush())
  }

  private async flush() {
    this.scheduled = false
    this.writing = true
    const batch = this.queue.splice(0, MAX_BATCH)
    try {
      const ids = await this.log.append(batch)
      this.stats.batches++
      this.stats.updates += batch.length
      this.stats.largestBatch = Math.max(this.stats.largestBatch, batch.length)
      batch.forEach((p, i) => p.resolve(ids[i]!))
    } catch (err) {
      for (const p of batch) p.reject(err)
    } finally {
      this.writing = false
      if (this.queue.length > 0) this.schedule()
    }
  }
}

import { log } from '../log'
import type { Storage } from '../storage/db'
import type { MailOutboxRow } from './tables'
import type { MailTransport } from './transport'

export interface MailWorkerOptions {
  /** How often the outbox is looked at when nothing woke the worker. */
  pollMs: number
  /** First retry after this; each further one waits twice as long, up to `maxBackoffMs`. */
  backoffBaseMs: number
  maxBackoffMs: number
  /** A claimed row is this worker's for so long; a worker that died lets its rows go afterwards. */
  leaseMs: number
  batchSize: number
}

export const DEFAULT_MAIL_WORKER_OPTIONS: MailWorkerOptions = {
  pollMs: 2_000,
  backoffBaseMs: 5_000,
  maxBackoffMs: 60 * 60_000,
  leaseMs: 2 * 60_000,
  batchSize: 10,
}

export function retryDelay(attempts: number, o: Pick<MailWorkerOptions, 'backoffBaseMs' | 'maxBackoffMs'>): number {
  return Math.min(o.backoffBaseMs * 2 ** Math.max(0, attempts - 1), o.maxBackoffMs)
}

/**
 * Claims due rows in one statement, so two processes never take the same mail: on PostgreSQL the
 * inner select skips rows another transaction has locked; SQLite runs one writer at a time anyway.
 */
export async function claimDueMail(storage: Storage, o: MailWorkerOptions, now = Date.now()): Promise<MailOutboxRow[]> {
  const { db } = storage
  return db
    .updateTable('mail_outbox')
    .set((eb) => ({ claimed_until: now + o.leaseMs, attempts: eb('attempts', '+', 1) }))
    .where('id', 'in', (eb) =>
      eb
        .selectFrom('mail_outbox')
        .select('id')
        .where('sent_at', 'is', null)
        .where('next_attempt_at', '<=', now)
        .where((w) => w.or([w('claimed_until', 'is', null), w('claimed_until', '<=', now)]))
        .orderBy('next_attempt_at')
        .limit(o.batchSize)
        .$if(storage.engine === 'postgres', (q) => q.forUpdate().skipLocked()),
    )
    .returningAll()
    .execute()
}

export interface MailWorker {
  /** Look at the outbox soon (after a mail was queued by this process). */
  wake(): void
  /** Run one round now; resolves when every claimed mail was sent or rescheduled. For tests. */
  runOnce(): Promise<number>
  stop(): Promise<void>
}

/** Sends queued mail in the background, with retries and exponential backoff. Requests never wait on it. */
export function startMailWorker(
  storage: Storage,
  transport: MailTransport,
  options: Partial<MailWorkerOptions> = {},
): MailWorker {
  const o = { ...DEFAULT_MAIL_WORKER_OPTIONS, ...options }
  const { db } = storage
  let stopped = false
  let timer: NodeJS.Timeout | null = null
  let running: Promise<number> | null = null

  async function deliver(mail: MailOutboxRow) {
    try {
      await transport.send(mail)
      await db
        .updateTable('mail_outbox')
        .set({ sent_at: Date.now(), delivered_via: transport.via, claimed_until: null, last_error: null })
        .where('id', '=', mail.id)
        .execute()
    } catch (err) {
      const delay = retryDelay(mail.attempts, o)
      log.warn('mail not sent; will retry', {
        id: mail.id,
        kind: mail.kind,
        attempts: mail.attempts,
        retryInMs: delay,
        error: String(err),
      })
      await db
        .updateTable('mail_outbox')
        .set({ claimed_until: null, next_attempt_at: Date.now() + delay, last_error: String(err).slice(0, 500) })
        .where('id', '=', mail.id)
        .execute()
    }
  }

  async function round(): Promise<number> {
    let total = 0
    for (;;) {
      const batch = await claimDueMail(storage, o)
      // UPDATE … RETURNING gives no order; mail goes out in the order it was queued.
      batch.sort((a, b) => a.next_attempt_at - b.next_attempt_at || a.created_at - b.created_at)
      for (const mail of batch) await deliver(mail)
      total += batch.length
      if (batch.length < o.batchSize || stopped) return total
    }
  }

  function runOnce(): Promise<number> {
    // One round at a time per process; a wake during a round runs another after it.
    const next = (running ?? Promise.resolve(0)).then(round, round)
    const tracked = next.catch((err) => {
      log.error('mail worker round failed', { error: String(err) })
      return 0
    })
    running = tracked
    return tracked
  }

  function schedule(ms: number) {
    if (stopped) return
    if (timer) clearTimeout(timer)
    timer = setTimeout(() => {
      timer = null
      void runOnce().finally(() => schedule(o.pollMs))
    }, ms)
    timer.unref()
  }

  schedule(0)
  return {
    wake: () => schedule(0),
    runOnce,
    async stop() {
      stopped = true
      if (timer) clearTimeout(timer)
      await running
      transport.close()
    },
  }
}

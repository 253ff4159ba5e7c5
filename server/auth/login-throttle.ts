import { ApiError } from '../http/errors'
import type { DbOrTx } from '../storage/database'

/**
 * Repeated failed sign-ins, counted per key (OWASP's authentication guidance: lock what is tied to
 * the guesser, slow down what is not):
 * - one account from one address, and one address across all accounts, are *locked*: after `free`
 *   failures each further failure locks the key for a doubling time, capped at `maxLockMs`, and
 *   attempts are refused (429) until then;
 * - one account across all addresses is only *slowed down*: after `free` failures every attempt at it
 *   waits a doubling delay (capped at `maxLockMs`) before the password is checked, and is then
 *   answered as usual. A stranger who fails someone's password can never lock that person out.
 * A quiet `resetAfterMs` forgets a key. Kept in the database so every server process agrees.
 */
export interface ThrottlePolicy {
  free: number
  baseLockMs: number
  maxLockMs: number
  resetAfterMs: number
}

const MINUTE = 60_000
/** One account from one address: someone guessing from where they are. */
export const ACCOUNT_AT_ADDRESS_POLICY: ThrottlePolicy = {
  free: 3,
  baseLockMs: 1000,
  maxLockMs: 15 * MINUTE,
  resetAfterMs: 15 * MINUTE,
}
/** One account from anywhere: delays, never a lock (a lock here is what lets a stranger lock someone out). */
export const ACCOUNT_DELAY_POLICY: ThrottlePolicy = {
  free: 10,
  baseLockMs: 250,
  maxLockMs: 8_000,
  resetAfterMs: 15 * MINUTE,
}
/** An address may be shared by a whole office, so it gets more room before slowing down. */
export const ADDRESS_POLICY: ThrottlePolicy = {
  free: 20,
  baseLockMs: 1000,
  maxLockMs: 15 * MINUTE,
  resetAfterMs: 15 * MINUTE,
}

export interface ThrottleKey {
  key: string
  policy: ThrottlePolicy
}

export const accountAtAddressKey = (email: string, ip: string): ThrottleKey => ({
  key: `login:${ip}|${email}`,
  policy: ACCOUNT_AT_ADDRESS_POLICY,
})
export const addressKey = (ip: string): ThrottleKey => ({ key: `ip:${ip}`, policy: ADDRESS_POLICY })
/** Counts for the delay only: never passed to `assertNotThrottled` or `oneAttemptAtATime`. */
export const accountKey = (email: string): ThrottleKey => ({ key: `email:${email}`, policy: ACCOUNT_DELAY_POLICY })

/**
 * Runs one sign-in attempt (check the lock, verify the password, record the outcome) after every earlier
 * attempt on any of the same keys has finished. Without this, guesses sent at the same moment all pass
 * the check before the first failure is written, and a burst gets as many tries as it has requests.
 * The queue is per process; across processes the database still stops a burst after one round.
 */
const inFlight = new Map<string, Promise<void>>()
export async function oneAttemptAtATime<T>(keys: readonly ThrottleKey[], attempt: () => Promise<T>): Promise<T> {
  const names = [...new Set(keys.map((k) => k.key))]
  const earlier = names.flatMap((n) => inFlight.get(n) ?? [])
  let finish!: () => void
  const done = new Promise<void>((resolve) => (finish = resolve))
  for (const n of names) inFlight.set(n, done)
  try {
    await Promise.all(earlier)
    return await attempt()
  } finally {
    finish()
    for (const n of names) if (inFlight.get(n) === done) inFlight.delete(n)
  }
}

/** Throws 429 with Retry-After when any key is locked. */
export async function assertNotThrottled(db: DbOrTx, keys: ThrottleKey[], now = Date.now()): Promise<void> {
  const rows = await db
    .selectFrom('login_throttle')
    .select(['locked_until'])
    .where(
      'key',
      'in',
      keys.map((k) => k.key),
    )
    .execute()
  const until = Math.max(0, ...rows.map((r) => r.locked_until))
  if (until > now) {
    const seconds = Math.ceil((until - now) / 1000)
    throw new ApiError(
      429,
      'too_many_attempts',
      `Too many failed sign-in attempts. Try again in ${seconds} second${seconds === 1 ? '' : 's'}.`,
      {
        'retry-after': String(seconds),
      },
    )
  }
}

export function lockDuration(failures: number, policy: ThrottlePolicy): number {
  if (failures <= policy.free) return 0
  return Math.min(policy.baseLockMs * 2 ** (failures - policy.free - 1), policy.maxLockMs)
}

/** How long an attempt at this account waits before its password is checked (0 when it is not slowed down). */
export async function delayFor(db: DbOrTx, key: ThrottleKey, now = Date.now()): Promise<number> {
  const row = await db.selectFrom('login_throttle').selectAll().where('key', '=', key.key).executeTakeFirst()
  if (!row || now - row.last_failure_at >= key.policy.resetAfterMs) return 0
  return lockDuration(row.failures, key.policy)
}

/** Whether one more failure would lock this key (a reset request past its allowance is counted, not sent). */
export async function lockedByNextFailure(db: DbOrTx, key: ThrottleKey, now = Date.now()): Promise<boolean> {
  const row = await db.selectFrom('login_throttle').selectAll().where('key', '=', key.key).executeTakeFirst()
  if (!row || now - row.last_failure_at >= key.policy.resetAfterMs) return false
  return lockDuration(row.failures + 1, key.policy) > 0
}

/** A key quiet for longer than any policy remembers, and not locked, means nothing any more. */
const FORGET_AFTER_MS = Math.max(
  ACCOUNT_AT_ADDRESS_POLICY.resetAfterMs,
  ADDRESS_POLICY.resetAfterMs,
  ACCOUNT_DELAY_POLICY.resetAfterMs,
)

export async function recordFailure(db: DbOrTx, keys: ThrottleKey[], now = Date.now()): Promise<void> {
  // Forgotten keys go as new failures come, so guesses at many made-up addresses do not pile up rows.
  await db
    .deleteFrom('login_throttle')
    .where('last_failure_at', '<', now - FORGET_AFTER_MS)
    .where('locked_until', '<', now)
    .execute()
  for (const { key, policy } of keys) {
    const row = await db.selectFrom('login_throttle').selectAll().where('key', '=', key).executeTakeFirst()
    const previous = row && now - row.last_failure_at < policy.resetAfterMs ? row.failures : 0
    const failures = previous + 1
    const values = { failures, last_failure_at: now, locked_until: now + lockDuration(failures, policy) }
    await db
      .insertInto('login_throttle')
      .values({ key, ...values })
      .onConflict((oc) => oc.column('key').doUpdateSet(values))
      .execute()
  }
}

export async function clearFailures(db: DbOrTx, key: ThrottleKey): Promise<void> {
  await db.deleteFrom('login_throttle').where('key', '=', key.key).execute()
}

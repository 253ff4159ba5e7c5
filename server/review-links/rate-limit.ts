import type { MiddlewareHandler } from 'hono'
import { ApiError } from '../http/errors'
import type { AppEnv } from '../http/router'
import type { Db } from '../storage/database'
import { isGuest } from './repo'

/** Writes a guest may make per minute (comments, suggestions): enough to review, too few to flood. */
export const GUEST_WRITES_PER_MINUTE = 30
const WINDOW_MS = 60_000

/**
 * Guests have no account behind them, so their writes are rate-limited per guest (in this process:
 * a fixed one-minute window). Members are not affected; reads are not counted.
 */
export function guestRateLimit(db: Db, limit = GUEST_WRITES_PER_MINUTE): MiddlewareHandler<AppEnv> {
  const windows = new Map<string, { start: number; count: number }>()
  return async (c, next) => {
    const auth = c.get('auth')
    if (!auth || c.req.method === 'GET' || c.req.method === 'HEAD' || !(await isGuest(db, auth.user.id))) return next()
    const now = Date.now()
    for (const [id, w] of windows) if (now - w.start >= WINDOW_MS) windows.delete(id)
    const w = windows.get(auth.user.id) ?? { start: now, count: 0 }
    windows.set(auth.user.id, w)
    if (++w.count > limit) {
      const retry = Math.ceil((w.start + WINDOW_MS - now) / 1000)
      throw new ApiError(429, 'rate_limited', `Too many changes at once; try again in ${retry} s.`, {
        'Retry-After': String(retry),
      })
    }
    return next()
  }
}

import type { Context, MiddlewareHandler } from 'hono'
import type { AppEnv } from '../http/router'
import { unauthenticated } from '../http/errors'
import type { Db } from '../storage/database'
import { clearSessionCookie, readSessionToken, setSessionCookie } from './cookie'
import { type ValidSession, validateSessionToken } from './sessions'

/** Reads the session cookie on every API request; renews the cookie when the expiry slid. */
export function sessionMiddleware(db: Db, trustProxy: boolean): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const token = readSessionToken(c)
    const auth = token ? await validateSessionToken(db, token) : null
    if (token && !auth) clearSessionCookie(c)
    if (token && auth?.renewed) setSessionCookie(c, token, auth.session.expires_at, trustProxy)
    c.set('auth', auth)
    await next()
  }
}

export function requireAuth(c: Context<AppEnv>): ValidSession {
  const auth = c.get('auth')
  if (!auth) throw unauthenticated()
  return auth
}

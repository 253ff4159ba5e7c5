import { createRoute } from '@hono/zod-openapi'
import { getConnInfo } from '@hono/node-server/conninfo'
import type { Context } from 'hono'
import { LoginBody, SignupBody, UserResponse } from '../../shared/auth/schema'
import { MeResponse } from '../../shared/mail/preferences'
import { ApiError, conflict } from '../http/errors'
import { type AppEnv, ERRORS, createRouter, jsonBody, jsonResponse, noContent } from '../http/router'
import { emailPreference } from '../mail/preferences'
import type { Services } from '../services'
import { clearSessionCookie, setSessionCookie } from './cookie'
import {
  accountAtAddressKey,
  accountKey,
  addressKey,
  assertNotThrottled,
  clearFailures,
  delayFor,
  oneAttemptAtATime,
  recordFailure,
} from './login-throttle'
import { requireAuth } from './middleware'
import { decoyHash, hashPassword, verifyPassword } from './passwords'
import { createSession, generateSessionToken, invalidateSession } from './sessions'
import { findUserByEmail, insertUser, presentUser } from './users'

const signup = createRoute({
  method: 'post',
  path: '/signup',
  tags: ['auth'],
  summary: 'Create an account and sign in',
  request: { body: jsonBody(SignupBody) },
  responses: {
    201: jsonResponse(UserResponse, 'Signed up; the session cookie is set'),
    400: ERRORS[400],
    409: ERRORS[400],
  },
})
const login = createRoute({
  method: 'post',
  path: '/login',
  tags: ['auth'],
  summary: 'Sign in with email and password',
  request: { body: jsonBody(LoginBody) },
  responses: {
    200: jsonResponse(UserResponse, 'Signed in; a new session cookie is set'),
    400: ERRORS[400],
    401: ERRORS[401],
    429: ERRORS[400],
  },
})
const logout = createRoute({
  method: 'post',
  path: '/logout',
  tags: ['auth'],
  summary: 'End the current session',
  responses: { 204: noContent },
})
const me = createRoute({
  method: 'get',
  path: '/me',
  tags: ['auth'],
  summary: 'The signed-in user',
  responses: { 200: jsonResponse(MeResponse, 'The caller, with their mail preference'), 401: ERRORS[401] },
})

export function clientAddress(c: Context, trustProxy: boolean): string {
  const forwarded = trustProxy ? c.req.header('x-forwarded-for')?.split(',')[0]?.trim() : undefined
  if (forwarded) return forwarded
  try {
    return getConnInfo(c).remote.address ?? 'unknown'
  } catch {
    return 'unknown'
  }
}

export function authRoutes({ storage: { db }, config, access }: Services) {
  /**
   * A fresh token at every sign-in (session fixation cannot survive a login). The session the browser
   * held until now ends, and its live connections are told to close, as at logout.
   */
  async function startSession(c: Context<AppEnv>, userId: string) {
    const current = c.get('auth')
    if (current) {
      await invalidateSession(db, current.session.id)
      access.emit('sessionEnded', { sessionId: current.session.id })
    }
    const token = generateSessionToken()
    const session = await createSession(db, token, userId)
    setSessionCookie(c, token, session.expires_at, config.trustProxy)
  }

  return createRouter()
    .openapi(signup, async (c) => {
      const body = c.req.valid('json')
      if (await findUserByEmail(db, body.email))
        throw conflict('email_taken', 'An account with this email already exists. Sign in instead.')
      const passwordHash = await hashPassword(body.password)
      const user = await insertUser(db, { email: body.email, name: body.name, passwordHash }).catch((err) => {
        if (/unique|duplicate/i.test(String(err)))
          throw conflict('email_taken', 'An account with this email already exists. Sign in instead.')
        throw err
      })
      await startSession(c, user.id)
      return c.json({ user: presentUser(user) }, 201)
    })
    .openapi(login, async (c) => {
      const { email, password } = c.req.valid('json')
      const address = clientAddress(c, config.trustProxy)
      // Locks: this account from this address, and this address. The account alone only slows down.
      const locks = [accountAtAddressKey(email, address), addressKey(address)]
      const account = accountKey(email)
      const delay = await delayFor(db, account)
      if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay))
      const user = await oneAttemptAtATime(locks, async () => {
        await assertNotThrottled(db, locks)
        const found = await findUserByEmail(db, email)
        const ok = await verifyPassword(found?.password_hash ?? (await decoyHash()), password)
        if (!found || !ok) {
          await recordFailure(db, [...locks, account])
          throw new ApiError(401, 'invalid_credentials', 'That email and password do not match.')
        }
        await clearFailures(db, locks[0]!)
        await clearFailures(db, account)
        return found
      })
      await startSession(c, user.id)
      return c.json({ user: presentUser(user) }, 200)
    })
    .openapi(logout, async (c) => {
      const auth = c.get('auth')
      if (auth) {
        await invalidateSession(db, auth.session.id)
        access.emit('sessionEnded', { sessionId: auth.session.id })
      }
      clearSessionCookie(c)
      return c.body(null, 204)
    })
    .openapi(me, async (c) => {
      const { user } = requireAuth(c)
      return c.json({ user: { ...presentUser(user), emailNotifications: await emailPreference(db, user.id) } }, 200)
    })
}

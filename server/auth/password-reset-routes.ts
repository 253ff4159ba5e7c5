import { createRoute } from '@hono/zod-openapi'
import {
  PasswordResetAccepted,
  PasswordResetBody,
  PasswordResetParams,
  PasswordResetRequestBody,
} from '../../shared/auth/password-reset-schema'
import { ApiError } from '../http/errors'
import { publicOrigin } from '../http/public-url'
import { ERRORS, createRouter, jsonBody, jsonResponse, noContent } from '../http/router'
import type { Services } from '../services'
import { completePasswordReset } from './commands/complete-password-reset'
import { requestPasswordReset } from './commands/request-password-reset'
import { type ThrottleKey, assertNotThrottled, lockedByNextFailure, recordFailure } from './login-throttle'
import { hashPassword } from './passwords'
import { clientAddress } from './routes'

const HOUR = 60 * 60_000
/** Three links an hour per address: enough for a lost mail, too few to flood someone's inbox. */
const perEmail = (email: string): ThrottleKey => ({
  key: `reset:email:${email}`,
  policy: { free: 3, baseLockMs: HOUR, maxLockMs: HOUR, resetAfterMs: HOUR },
})
/** One client asking for many addresses is probing or spamming. */
const perClient = (ip: string): ThrottleKey => ({
  key: `reset:ip:${ip}`,
  policy: { free: 10, baseLockMs: 60_000, maxLockMs: HOUR, resetAfterMs: HOUR },
})

const request = createRoute({
  method: 'post',
  path: '/password-reset',
  tags: ['auth'],
  summary: 'Mail a single-use password reset link (202 whether or not the address has an account)',
  request: { body: jsonBody(PasswordResetRequestBody) },
  responses: {
    202: jsonResponse(PasswordResetAccepted, 'Accepted; a link is mailed when the address has an account'),
    400: ERRORS[400],
    429: ERRORS[400],
  },
})
const complete = createRoute({
  method: 'post',
  path: '/password-reset/{token}',
  tags: ['auth'],
  summary: 'Set a new password with a reset link; every session of the account ends',
  request: { params: PasswordResetParams, body: jsonBody(PasswordResetBody) },
  responses: { 204: noContent, 400: ERRORS[400], 410: ERRORS[404] },
})

const ACCEPTED = 'If an account uses this address, a link to reset its password is on its way.'

export function passwordResetRoutes({ storage: { db }, config, access }: Services) {
  return createRouter()
    .openapi(request, async (c) => {
      const { email } = c.req.valid('json')
      const client = perClient(clientAddress(c, config.trustProxy))
      await assertNotThrottled(db, [client])
      const address = perEmail(email)
      const addressFull = await lockedByNextFailure(db, address)
      // Every request counts, found or not, so the answers never tell whether an account exists.
      await recordFailure(db, [client, address])
      if (!addressFull) await requestPasswordReset(db, { email, origin: publicOrigin(config, c) })
      return c.json({ message: ACCEPTED }, 202)
    })
    .openapi(complete, async (c) => {
      const { token } = c.req.valid('param')
      const { password } = c.req.valid('json')
      const done = await completePasswordReset(db, { token, passwordHash: await hashPassword(password) })
      if (!done)
        throw new ApiError(410, 'reset_link_invalid', 'This reset link was used or has expired. Ask for a new one.')
      for (const sessionId of done.endedSessionIds) access.emit('sessionEnded', { sessionId })
      return c.body(null, 204)
    })
}

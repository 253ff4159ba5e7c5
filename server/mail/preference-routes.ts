import { createRoute } from '@hono/zod-openapi'
import { MailPreferencesBody, MeResponse, UnsubscribeParams } from '../../shared/mail/preferences'
import { requireAuth } from '../auth/middleware'
import { presentUser } from '../auth/users'
import { notFound } from '../http/errors'
import { ERRORS, createRouter, jsonBody, jsonResponse } from '../http/router'
import type { Services } from '../services'
import { setEmailNotifications } from './commands/set-email-notifications'
import { verifyUnsubscribeToken } from './preferences'
import { unsubscribePage } from './unsubscribe-page'

const patchMe = createRoute({
  method: 'patch',
  path: '/auth/me',
  tags: ['auth'],
  summary: 'Choose how notifications are mailed: instant, a daily digest, or off',
  request: { body: jsonBody(MailPreferencesBody) },
  responses: { 200: jsonResponse(MeResponse, 'The caller'), 400: ERRORS[400], 401: ERRORS[401] },
})
const html = (description: string) => ({
  content: { 'text/html': { schema: { type: 'string' as const } } },
  description,
})
const confirmUnsubscribe = createRoute({
  method: 'get',
  path: '/mail/unsubscribe/{token}',
  tags: ['mail'],
  summary: 'A page asking to confirm turning notification mail off (no sign-in needed)',
  request: { params: UnsubscribeParams },
  responses: { 200: html('The confirmation page'), 404: ERRORS[404] },
})
const unsubscribe = createRoute({
  method: 'post',
  path: '/mail/unsubscribe/{token}',
  tags: ['mail'],
  summary: 'Turn notification mail off (RFC 8058 one-click; no sign-in needed)',
  request: { params: UnsubscribeParams },
  responses: { 200: html('Done'), 404: ERRORS[404] },
})

export function mailPreferenceRoutes({ storage: { db } }: Services) {
  const userOf = async (token: string) => {
    const userId = await verifyUnsubscribeToken(db, token)
    if (!userId) throw notFound('This unsubscribe link')
    return userId
  }
  return createRouter()
    .openapi(patchMe, async (c) => {
      const { user } = requireAuth(c)
      const { emailNotifications } = c.req.valid('json')
      const chosen = await setEmailNotifications(db, { userId: user.id, emailNotifications })
      return c.json({ user: { ...presentUser(user), emailNotifications: chosen } }, 200)
    })
    .openapi(confirmUnsubscribe, async (c) => {
      const { token } = c.req.valid('param')
      await userOf(token)
      return c.html(unsubscribePage('confirm', c.req.path), 200)
    })
    .openapi(unsubscribe, async (c) => {
      const userId = await userOf(c.req.valid('param').token)
      await setEmailNotifications(db, { userId, emailNotifications: 'off' })
      return c.html(unsubscribePage('done', c.req.path), 200)
    })
}

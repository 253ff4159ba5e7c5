import { createRoute } from '@hono/zod-openapi'
import { SessionResponse } from '../../shared/auth/schema'
import { createRouter, jsonResponse } from '../http/router'
import { presentUser } from './users'

const session = createRoute({
  method: 'get',
  path: '/session',
  tags: ['auth'],
  summary: 'Who is signed in, or null: what a page asks before it knows (never 401)',
  responses: { 200: jsonResponse(SessionResponse, 'The signed-in user, or null') },
})

/** The question every page asks first, answered without an error when nobody is signed in. */
export function sessionRoutes() {
  return createRouter().openapi(session, (c) => {
    const auth = c.get('auth')
    return c.json({ user: auth ? presentUser(auth.user) : null }, 200)
  })
}

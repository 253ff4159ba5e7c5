import { createRoute } from '@hono/zod-openapi'
import { MemberParams, UpdateMemberBody, Workspace } from '../../shared/workspaces/schema'
import { requireAuth } from '../auth/middleware'
import { ERRORS, createRouter, jsonBody, jsonResponse, noContent } from '../http/router'
import type { Services } from '../services'
import { presentWorkspace } from './present'
import { findMembership, requireMembership } from './repo'
import { removeMember } from './commands/remove-member'
import { updateMember } from './commands/update-member'

const update = createRoute({
  method: 'patch',
  path: '/workspaces/{id}/members/{userId}',
  tags: ['members'],
  summary: "Change a member's role, departments and the departments they lead",
  request: { params: MemberParams, body: jsonBody(UpdateMemberBody) },
  responses: { 200: jsonResponse(Workspace, 'The workspace with the changed member'), ...ERRORS, 409: ERRORS[400] },
})
const remove = createRoute({
  method: 'delete',
  path: '/workspaces/{id}/members/{userId}',
  tags: ['members'],
  summary: 'Remove a member, or leave the workspace (your own user id)',
  request: { params: MemberParams },
  responses: { 204: noContent, ...ERRORS, 409: ERRORS[400] },
})

export function memberRoutes({ storage: { db }, access, planEvents }: Services) {
  return createRouter()
    .openapi(update, async (c) => {
      const { user } = requireAuth(c)
      const { id, userId } = c.req.valid('param')
      const actor = await requireMembership(db, id, user.id)
      const before = await findMembership(db, id, userId)
      const after = await updateMember({ db, planEvents }, actor, userId, c.req.valid('json'))
      access.emit('memberChanged', { workspaceId: id, userId, removed: false, by: user.id, before, after })
      return c.json(await presentWorkspace(db, await requireMembership(db, id, user.id)), 200)
    })
    .openapi(remove, async (c) => {
      const { user } = requireAuth(c)
      const { id, userId } = c.req.valid('param')
      const actor = await requireMembership(db, id, user.id)
      const before = await findMembership(db, id, userId)
      await removeMember({ db, planEvents }, actor, userId)
      access.emit('memberChanged', { workspaceId: id, userId, removed: true, by: user.id, before, after: null })
      return c.body(null, 204)
    })
}

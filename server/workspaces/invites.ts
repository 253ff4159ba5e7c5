import { createRoute } from '@hono/zod-openapi'
import { canInvite, canInviteAs } from '../../shared/workspaces/permissions'
import {
  AcceptedInvite,
  CreateInviteBody,
  CreatedInvite,
  type Invite,
  InviteList,
  InviteParams,
  InvitePreview,
  InviteTokenParams,
  WorkspaceParams,
} from '../../shared/workspaces/schema'
import { requireAuth } from '../auth/middleware'
import { ApiError, forbidden, notFound } from '../http/errors'
import { publicOrigin } from '../http/public-url'
import { ERRORS, createRouter, jsonResponse, noContent } from '../http/router'
import type { Services } from '../services'
import type { InviteRow } from './tables'
import { acceptInvite } from './commands/accept-invite'
import { createInvite } from './commands/create-invite'
import { revokeInvite } from './commands/revoke-invite'
import { inviteByToken, inviteNames, invitesOf } from './invites-repo'
import { findMembership, listDepartments, requireMembership } from './repo'

const create = createRoute({
  method: 'post',
  path: '/workspaces/{id}/invites',
  tags: ['invites'],
  summary: 'Create a single-use invite link carrying a role and departments',
  request: {
    params: WorkspaceParams,
    body: { content: { 'application/json': { schema: CreateInviteBody } }, required: true },
  },
  responses: { 201: jsonResponse(CreatedInvite, 'The invite; its token and URL are shown only now'), ...ERRORS },
})
const list = createRoute({
  method: 'get',
  path: '/workspaces/{id}/invites',
  tags: ['invites'],
  summary: "The workspace's invites",
  request: { params: WorkspaceParams },
  responses: { 200: jsonResponse(InviteList, 'Invites, newest first'), ...ERRORS },
})
const revoke = createRoute({
  method: 'delete',
  path: '/workspaces/{id}/invites/{inviteId}',
  tags: ['invites'],
  summary: 'Revoke an invite',
  request: { params: InviteParams },
  responses: { 204: noContent, ...ERRORS },
})
const preview = createRoute({
  method: 'get',
  path: '/invites/{token}',
  tags: ['invites'],
  summary: 'What an invite link offers (no sign-in needed)',
  request: { params: InviteTokenParams },
  responses: { 200: jsonResponse(InvitePreview, 'The invite'), 404: ERRORS[404], 410: ERRORS[404] },
})
const accept = createRoute({
  method: 'post',
  path: '/invites/{token}/accept',
  tags: ['invites'],
  summary: 'Join the workspace as the signed-in caller',
  request: { params: InviteTokenParams },
  responses: {
    200: jsonResponse(AcceptedInvite, 'Joined (or already a member)'),
    401: ERRORS[401],
    404: ERRORS[404],
    410: ERRORS[404],
  },
})

function inviteStatus(row: InviteRow, now = Date.now()): Invite['status'] {
  if (row.revoked_at !== null) return 'revoked'
  if (row.used_at !== null) return 'used'
  if (row.expires_at <= now) return 'expired'
  return 'pending'
}

const presentInvite = (row: InviteRow): Invite => ({
  id: row.id,
  role: row.role,
  departmentIds: JSON.parse(row.department_ids) as string[],
  createdAt: row.created_at,
  expiresAt: row.expires_at,
  createdBy: row.created_by,
  status: inviteStatus(row),
})

const GONE: Record<Exclude<Invite['status'], 'pending'>, string> = {
  used: 'This invite link has already been used. Ask for a new one.',
  revoked: 'This invite link was revoked. Ask for a new one.',
  expired: 'This invite link has expired. Ask for a new one.',
}

function assertPending(row: InviteRow | undefined): asserts row is InviteRow {
  if (!row) throw notFound('The invite')
  const status = inviteStatus(row)
  if (status !== 'pending') throw new ApiError(410, `invite_${status}`, GONE[status])
}

export function inviteRoutes({ storage: { db }, config, access, planEvents }: Services) {
  const services = { db, planEvents }

  return createRouter()
    .openapi(create, async (c) => {
      const { user } = requireAuth(c)
      const caller = await requireMembership(db, c.req.valid('param').id, user.id)
      const body = c.req.valid('json')
      if (!canInviteAs(caller, body.role)) throw forbidden('Only owners and admins can invite people.')
      const known = new Set((await listDepartments(db, caller.workspaceId)).map((d) => d.id))
      const departmentIds = [...new Set(body.departmentIds ?? [])]
      const unknown = departmentIds.find((d) => !known.has(d))
      if (unknown) throw new ApiError(400, 'unknown_department', `Department ${unknown} is not in this workspace.`)
      const { row, token, url } = await createInvite(services, {
        workspaceId: caller.workspaceId,
        role: body.role,
        departmentIds,
        createdBy: user.id,
        origin: publicOrigin(config, c),
        mailTo: body.email ? { email: body.email, inviter: user.name } : undefined,
      })
      return c.json({ ...presentInvite(row), token, url }, 201)
    })
    .openapi(list, async (c) => {
      const { user } = requireAuth(c)
      const caller = await requireMembership(db, c.req.valid('param').id, user.id)
      if (!canInvite(caller)) throw forbidden('Only owners and admins can see invites.')
      return c.json({ invites: (await invitesOf(db, caller.workspaceId)).map(presentInvite) }, 200)
    })
    .openapi(revoke, async (c) => {
      const { user } = requireAuth(c)
      const { id, inviteId } = c.req.valid('param')
      const caller = await requireMembership(db, id, user.id)
      if (!canInvite(caller)) throw forbidden('Only owners and admins can revoke invites.')
      if (!(await revokeInvite(services, id, inviteId))) throw notFound('The invite')
      return c.body(null, 204)
    })
    .openapi(preview, async (c) => {
      const row = await inviteByToken(db, c.req.valid('param').token)
      assertPending(row)
      const { workspaceName, invitedBy } = await inviteNames(db, row)
      const ids = JSON.parse(row.department_ids) as string[]
      const departments = (await listDepartments(db, row.workspace_id))
        .filter((d) => ids.includes(d.id))
        .map((d) => d.name)
      return c.json({ workspaceName, role: row.role, departments, invitedBy, expiresAt: row.expires_at }, 200)
    })
    .openapi(accept, async (c) => {
      const { user } = requireAuth(c)
      const row = await inviteByToken(db, c.req.valid('param').token)
      if (row && (await findMembership(db, row.workspace_id, user.id)))
        return c.json({ workspaceId: row.workspace_id }, 200)
      assertPending(row)
      if (!(await acceptInvite({ ...services, access }, row, user.id)))
        throw new ApiError(410, 'invite_used', GONE.used)
      return c.json({ workspaceId: row.workspace_id }, 200)
    })
}

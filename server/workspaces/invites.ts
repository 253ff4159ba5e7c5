import { createRoute } from '@hono/zod-openapi'
import { LIMITS } from '../../shared/limits'
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
import { generateSessionToken, hashToken } from '../auth/sessions'
import { ApiError, forbidden, notFound } from '../http/errors'
import { publicOrigin } from '../http/public-url'
import { ERRORS, createRouter, jsonResponse, noContent } from '../http/router'
import { queueInviteMail } from '../mail/invite-mail'
import type { Services } from '../services'
import { newId } from '../storage/ids'
import type { InviteRow } from './tables'
import { addMember, findMembership, listDepartments, requireMembership } from './repo'

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

export function inviteRoutes({ storage: { db }, config, access }: Services) {
  const byToken = (token: string) =>
    db.selectFrom('invites').selectAll().where('token_hash', '=', hashToken(token)).executeTakeFirst()

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
      const token = generateSessionToken()
      const now = Date.now()
      const row: InviteRow = {
        id: newId(),
        workspace_id: caller.workspaceId,
        token_hash: hashToken(token),
        role: body.role,
        department_ids: JSON.stringify(departmentIds),
        created_by: user.id,
        created_at: now,
        expires_at: now + LIMITS.inviteTtlMs,
        used_at: null,
        used_by: null,
        revoked_at: null,
      }
      const url = `${publicOrigin(config, c)}/invite/${token}`
      await db.transaction().execute(async (trx) => {
        await trx.insertInto('invites').values(row).execute()
        if (body.email) await queueInviteMail(trx, { to: body.email, url, inviter: user.name, invite: row })
      })
      return c.json({ ...presentInvite(row), token, url }, 201)
    })
    .openapi(list, async (c) => {
      const { user } = requireAuth(c)
      const caller = await requireMembership(db, c.req.valid('param').id, user.id)
      if (!canInvite(caller)) throw forbidden('Only owners and admins can see invites.')
      const rows = await db
        .selectFrom('invites')
        .selectAll()
        .where('workspace_id', '=', caller.workspaceId)
        .orderBy('created_at', 'desc')
        .limit(200)
        .execute()
      return c.json({ invites: rows.map(presentInvite) }, 200)
    })
    .openapi(revoke, async (c) => {
      const { user } = requireAuth(c)
      const { id, inviteId } = c.req.valid('param')
      const caller = await requireMembership(db, id, user.id)
      if (!canInvite(caller)) throw forbidden('Only owners and admins can revoke invites.')
      const result = await db
        .updateTable('invites')
        .set({ revoked_at: Date.now() })
        .where('id', '=', inviteId)
        .where('workspace_id', '=', id)
        .where('revoked_at', 'is', null)
        .executeTakeFirst()
      if (Number(result.numUpdatedRows) === 0) throw notFound('The invite')
      return c.body(null, 204)
    })
    .openapi(preview, async (c) => {
      const row = await byToken(c.req.valid('param').token)
      assertPending(row)
      const ws = await db
        .selectFrom('workspaces')
        .select(['name'])
        .where('id', '=', row.workspace_id)
        .executeTakeFirstOrThrow()
      const inviter = await db.selectFrom('users').select(['name']).where('id', '=', row.created_by).executeTakeFirst()
      const ids = JSON.parse(row.department_ids) as string[]
      const departments = (await listDepartments(db, row.workspace_id))
        .filter((d) => ids.includes(d.id))
        .map((d) => d.name)
      return c.json(
        {
          workspaceName: ws.name,
          role: row.role,
          departments,
          invitedBy: inviter?.name ?? 'Someone',
          expiresAt: row.expires_at,
        },
        200,
      )
    })
    .openapi(accept, async (c) => {
      const { user } = requireAuth(c)
      const row = await byToken(c.req.valid('param').token)
      if (row && (await findMembership(db, row.workspace_id, user.id)))
        return c.json({ workspaceId: row.workspace_id }, 200)
      assertPending(row)
      await db.transaction().execute(async (trx) => {
        // Single use even under a race: only the request that flips used_at joins.
        const claimed = await trx
          .updateTable('invites')
          .set({ used_at: Date.now(), used_by: user.id })
          .where('id', '=', row.id)
          .where('used_at', 'is', null)
          .where('revoked_at', 'is', null)
          .where('expires_at', '>', Date.now())
          .executeTakeFirst()
        if (Number(claimed.numUpdatedRows) !== 1) throw new ApiError(410, 'invite_used', GONE.used)
        const known = new Set((await listDepartments(trx, row.workspace_id)).map((d) => d.id))
        const departmentIds = (JSON.parse(row.department_ids) as string[]).filter((d) => known.has(d))
        await addMember(trx, row.workspace_id, user.id, row.role, departmentIds)
      })
      access.emit('memberChanged', {
        workspaceId: row.workspace_id,
        userId: user.id,
        removed: false,
        by: user.id,
        before: null,
      })
      return c.json({ workspaceId: row.workspace_id }, 200)
    })
}

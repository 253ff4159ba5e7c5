import { createRoute } from '@hono/zod-openapi'
import { DEFAULT_DEPARTMENTS } from '../../shared/workspaces/roles'
import { canManageWorkspace } from '../../shared/workspaces/permissions'
import {
  CreateWorkspaceBody,
  RenameWorkspaceBody,
  Workspace,
  WorkspaceList,
  WorkspaceParams,
} from '../../shared/workspaces/schema'
import { requireAuth } from '../auth/middleware'
import { forbidden } from '../http/errors'
import { ERRORS, createRouter, jsonBody, jsonResponse } from '../http/router'
import type { Services } from '../services'
import { newId } from '../storage/ids'
import { presentWorkspace } from './present'
import { addMember, requireMembership } from './repo'

const list = createRoute({
  method: 'get',
  path: '/workspaces',
  tags: ['workspaces'],
  summary: "The caller's workspaces",
  responses: { 200: jsonResponse(WorkspaceList, 'Workspaces the caller belongs to'), 401: ERRORS[401] },
})
const create = createRoute({
  method: 'post',
  path: '/workspaces',
  tags: ['workspaces'],
  summary: 'Create a workspace; the caller becomes its owner',
  request: { body: jsonBody(CreateWorkspaceBody) },
  responses: { 201: jsonResponse(Workspace, 'The new workspace with its default departments'), ...ERRORS },
})
const get = createRoute({
  method: 'get',
  path: '/workspaces/{id}',
  tags: ['workspaces'],
  summary: 'A workspace with its departments and members',
  request: { params: WorkspaceParams },
  responses: { 200: jsonResponse(Workspace, 'The workspace'), ...ERRORS },
})
const rename = createRoute({
  method: 'patch',
  path: '/workspaces/{id}',
  tags: ['workspaces'],
  summary: 'Rename a workspace',
  request: { params: WorkspaceParams, body: jsonBody(RenameWorkspaceBody) },
  responses: { 200: jsonResponse(Workspace, 'The renamed workspace'), ...ERRORS },
})

export function workspaceRoutes({ storage: { db } }: Services) {
  return createRouter()
    .openapi(list, async (c) => {
      const { user } = requireAuth(c)
      const workspaces = await db
        .selectFrom('memberships')
        .innerJoin('workspaces', 'workspaces.id', 'memberships.workspace_id')
        .select(['workspaces.id', 'workspaces.name', 'memberships.role'])
        .where('memberships.user_id', '=', user.id)
        .orderBy('workspaces.created_at')
        .execute()
      return c.json({ workspaces }, 200)
    })
    .openapi(create, async (c) => {
      const { user } = requireAuth(c)
      const { name } = c.req.valid('json')
      const now = Date.now()
      const workspaceId = newId()
      const caller = await db.transaction().execute(async (trx) => {
        await trx
          .insertInto('workspaces')
          .values({ id: workspaceId, name, created_by: user.id, created_at: now })
          .execute()
        await trx
          .insertInto('departments')
          .values(
            DEFAULT_DEPARTMENTS.map((d, position) => ({
              id: newId(),
              workspace_id: workspaceId,
              name: d,
              position,
              created_at: now,
            })),
          )
          .execute()
        await addMember(trx, workspaceId, user.id, 'owner', [])
        return requireMembership(trx, workspaceId, user.id)
      })
      return c.json(await presentWorkspace(db, caller), 201)
    })
    .openapi(get, async (c) => {
      const { user } = requireAuth(c)
      const caller = await requireMembership(db, c.req.valid('param').id, user.id)
      return c.json(await presentWorkspace(db, caller), 200)
    })
    .openapi(rename, async (c) => {
      const { user } = requireAuth(c)
      const caller = await requireMembership(db, c.req.valid('param').id, user.id)
      if (!canManageWorkspace(caller)) throw forbidden('Only owners and admins can rename the workspace.')
      await db
        .updateTable('workspaces')
        .set({ name: c.req.valid('json').name })
        .where('id', '=', caller.workspaceId)
        .execute()
      return c.json(await presentWorkspace(db, caller), 200)
    })
}

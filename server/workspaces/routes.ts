import { createRoute } from '@hono/zod-openapi'
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
import { presentWorkspace } from './present'
import { createWorkspace } from './commands/create-workspace'
import { renameWorkspace } from './commands/rename-workspace'
import { requireMembership, workspacesOf } from './repo'

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

export function workspaceRoutes({ storage: { db }, planEvents }: Services) {
  const services = { db, planEvents }
  return createRouter()
    .openapi(list, async (c) => {
      const { user } = requireAuth(c)
      return c.json({ workspaces: await workspacesOf(db, user.id) }, 200)
    })
    .openapi(create, async (c) => {
      const { user } = requireAuth(c)
      const caller = await createWorkspace(services, c.req.valid('json').name, user.id)
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
      await renameWorkspace(services, caller.workspaceId, c.req.valid('json').name)
      return c.json(await presentWorkspace(db, caller), 200)
    })
}

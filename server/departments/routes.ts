import { createRoute } from '@hono/zod-openapi'
import { LIMITS } from '../../shared/limits'
import { canManageDepartments } from '../../shared/workspaces/permissions'
import {
  CreateDepartmentBody,
  DepartmentParams,
  RenameDepartmentBody,
  Workspace,
  WorkspaceParams,
} from '../../shared/workspaces/schema'
import { requireAuth } from '../auth/middleware'
import { conflict, forbidden, notFound } from '../http/errors'
import { ERRORS, createRouter, jsonBody, jsonResponse } from '../http/router'
import type { Services } from '../services'
import type { Db } from '../storage/database'
import { presentWorkspace } from '../workspaces/present'
import { type CallerMembership, listDepartments, requireMembership } from '../workspaces/repo'
import { createDepartment } from './commands/create-department'
import { removeDepartment } from './commands/remove-department'
import { renameDepartment } from './commands/rename-department'

const create = createRoute({
  method: 'post',
  path: '/workspaces/{id}/departments',
  tags: ['departments'],
  summary: 'Add a department',
  request: { params: WorkspaceParams, body: jsonBody(CreateDepartmentBody) },
  responses: { 201: jsonResponse(Workspace, 'The workspace with the new department'), ...ERRORS, 409: ERRORS[400] },
})
const rename = createRoute({
  method: 'patch',
  path: '/workspaces/{id}/departments/{departmentId}',
  tags: ['departments'],
  summary: 'Rename a department',
  request: { params: DepartmentParams, body: jsonBody(RenameDepartmentBody) },
  responses: { 200: jsonResponse(Workspace, 'The workspace with the renamed department'), ...ERRORS, 409: ERRORS[400] },
})
const remove = createRoute({
  method: 'delete',
  path: '/workspaces/{id}/departments/{departmentId}',
  tags: ['departments'],
  summary: 'Remove a department; its objectives sections are archived, the other sections it owned become shared',
  request: { params: DepartmentParams },
  responses: { 200: jsonResponse(Workspace, 'The workspace without the department'), ...ERRORS },
})

async function requireManager(db: Db, workspaceId: string, userId: string): Promise<CallerMembership> {
  const caller = await requireMembership(db, workspaceId, userId)
  if (!canManageDepartments(caller)) throw forbidden('Only owners and admins can change departments.')
  return caller
}

async function assertNameFree(db: Db, workspaceId: string, name: string, exceptId?: string) {
  const taken = (await listDepartments(db, workspaceId)).some(
    (d) => d.id !== exceptId && d.name.toLowerCase() === name.toLowerCase(),
  )
  if (taken) throw conflict('department_exists', `There is already a department called "${name}".`)
}

export function departmentRoutes({ storage: { db }, planEvents, access }: Services) {
  const services = { db, planEvents }
  return createRouter()
    .openapi(create, async (c) => {
      const { user } = requireAuth(c)
      const caller = await requireManager(db, c.req.valid('param').id, user.id)
      const { name } = c.req.valid('json')
      await assertNameFree(db, caller.workspaceId, name)
      const existing = await listDepartments(db, caller.workspaceId)
      if (existing.length >= LIMITS.departmentsPerWorkspace)
        throw conflict('too_many_departments', `A workspace has at most ${LIMITS.departmentsPerWorkspace} departments.`)
      const position = Math.max(-1, ...existing.map((d) => d.position)) + 1
      await createDepartment(services, { workspaceId: caller.workspaceId, name, position })
      return c.json(await presentWorkspace(db, caller), 201)
    })
    .openapi(rename, async (c) => {
      const { user } = requireAuth(c)
      const { id, departmentId } = c.req.valid('param')
      const caller = await requireManager(db, id, user.id)
      const { name } = c.req.valid('json')
      const department = (await listDepartments(db, id)).find((d) => d.id === departmentId)
      if (!department) throw notFound('The department')
      await assertNameFree(db, id, name, departmentId)
      await renameDepartment(services, department, name)
      return c.json(await presentWorkspace(db, caller), 200)
    })
    .openapi(remove, async (c) => {
      const { user } = requireAuth(c)
      const { id, departmentId } = c.req.valid('param')
      await requireManager(db, id, user.id)
      if (!(await listDepartments(db, id)).some((d) => d.id === departmentId)) throw notFound('The department')
      await removeDepartment({ ...services, access }, { workspaceId: id, departmentId })
      return c.json(await presentWorkspace(db, await requireMembership(db, id, user.id)), 200)
    })
}
